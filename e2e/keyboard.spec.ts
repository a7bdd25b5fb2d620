// A facilitator walks the board from the keyboard: Tab reaches the stickies first, in reading
// order (each bounded context, then its stickies lane by lane, left to right), and no connection
// is in the Tab order; a sticky keeps the focus while arrow keys move it past a neighbour; a
// connection is reached from its sticky's inspector (docs/board.md, "Keyboard").
import { expect, test } from '@playwright/test';
import { BoardKeyboard } from './pages/BoardKeyboard';
import { BoardPage } from './pages/BoardPage';
import { BoardView } from './pages/BoardView';

/** Banking in reading order (the unit test of readingOrder pins the same list). */
const BANKING_READING_ORDER = [
  'Bounded context: Accounts',
  'Command: Open account',
  'Aggregate: Account',
  'Domain event: Account opened',
  'Actor: Customer',
  'Command: Deposit money',
  'Aggregate: Account',
  'Domain event: Money deposited',
  'Read model: Balance',
  'Command: Withdraw money',
  'Aggregate: Account',
  'Domain event: Money withdrawn',
  'Policy: Whenever the balance goes below zero, charge an overdraft fee',
  'Command: Charge overdraft fee',
  'Aggregate: Account',
  'Domain event: Overdraft fee charged',
  'Domain event: Withdrawal rejected',
  'Hotspot: Who may raise an overdraft limit?',
];

test('Tab from the palette goes through the stickies in reading order, then leaves the board without a connection', async ({ page }) => {
  const board = new BoardPage(page);
  const keys = new BoardKeyboard(page);
  await board.goto();
  await board.openExample('Banking');
  // Only stickies in view are on the page (culling): fit view puts every one there, connections too.
  await new BoardView(page).fitView();
  await expect(board.stickies()).toHaveCount(BANKING_READING_ORDER.length);
  await expect(board.edges().first()).toBeAttached();
  const expected = BANKING_READING_ORDER;

  await board.paletteButton('Bounded context').focus();
  const reached: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const f = await keys.tab();
    reached.push(`${f.what} ${f.name}`);
  }
  expect(reached).toEqual(expected.map((name) => `sticky ${name}`));
  // After the last sticky the board is left: no connection comes after the stickies either.
  expect((await keys.tab()).what).toBe('other');
});

test('a sticky moved past its neighbour with the arrow keys keeps the focus and takes its new place in the Tab order', async ({ page }) => {
  const board = new BoardPage(page);
  const keys = new BoardKeyboard(page);
  await board.goto();
  await board.openExample('Banking');
  const open = board.sticky('Command', 'Open account');
  await open.focus();
  await page.keyboard.press('Space'); // selects the focused sticky: arrow keys move what is selected
  await expect(open).toHaveClass(/\bselected\b/);
  const before = (await open.boundingBox())!;
  // 30 grid steps: from x 240 to 540, past the aggregate at 460.
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await open.boundingBox())!.x).toBeGreaterThan(before.x + 200);
  await expect(open).toBeFocused();
  expect(await keys.tab(true)).toEqual({ what: 'sticky', name: 'Aggregate: Account' });
  expect(await keys.tab()).toEqual({ what: 'sticky', name: 'Command: Open account' });
  expect(await keys.tab()).toEqual({ what: 'sticky', name: 'Domain event: Account opened' });
});

test('a connection is reached from the keyboard through its sticky’s inspector, and deleted there', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  const links = await board.edges().count();
  const customer = board.sticky('Actor', 'Customer');
  await customer.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+I');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('textbox', { name: 'Name' })).toBeFocused();
  const connections = inspector.getByRole('region', { name: 'Connections' });
  await expect(connections.getByRole('button')).toHaveText(['from Read model “Balance”', 'to Command “Open account”', 'to Command “Deposit money”', 'to Command “Withdraw money”']);
  const toOpen = connections.getByRole('button', { name: 'Connection to Command “Open account”', exact: true });
  for (let i = 0; i < 5 && !(await toOpen.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(toOpen).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector).toContainText('From Actor “Customer” to Command “Open account”.');
  const remove = inspector.getByRole('button', { name: 'Delete connection' });
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(board.edges()).toHaveCount(links - 1);
});
