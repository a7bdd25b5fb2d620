// Slices from the toolbar at 1280×720: Banking's rules and scenarios leave as an Event
// Modeling-style file and come back onto the board; a file that is not slices, or that names a
// sticky the board lacks, is refused with a message and changes nothing; an import is one undo step.
import { expect, test } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';
import { ScenariosPanel } from './pages/ScenariosPanel';

test.use({ viewport: { width: 1280, height: 720 } });

test('slices export from the toolbar, import back onto the board as one undo step, and a bad file is refused', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  const text = await board.exportSlices();
  const slices = JSON.parse(text) as { format: string; slices: { type: string; command?: { name: string }; scenarios: { name: string }[] }[] };
  expect(slices.format).toBe('stormbench-slices');
  const before = (await board.exportBoard()).text;

  // Refused, with what is wrong; the board is as it was.
  await board.importSlices('notes.json', 'not json {');
  await expect(board.alert()).toContainText('“notes.json” was not imported: This is not a slices file: it is not JSON');
  await board.importSlices('board.json', before);
  await expect(board.alert()).toContainText('not a valid slices file');
  const strange = structuredClone(slices);
  strange.slices.find((s) => s.type === 'stateChange' && s.command?.name === 'Withdraw money')!.command!.name = 'Transfer money';
  (strange.slices.find((s) => s.command?.name === 'Transfer money') as unknown as { command: { id: string } }).command.id = 'el:elsewhere';
  await board.importSlices('other.json', JSON.stringify(strange));
  await expect(board.alert()).toContainText('command "Transfer money"');
  expect((await board.exportBoard()).text).toBe(before);

  // Another version of the slices: Withdraw money's first scenario renamed.
  const edited = structuredClone(slices);
  edited.slices.find((s) => s.command?.name === 'Withdraw money')!.scenarios[0]!.name = 'Within the balance, from the file';
  await board.importSlices('edited.slices.json', JSON.stringify(edited));
  await expect(page.getByText(/Read “edited\.slices\.json” onto 1 sticky \(4 scenarios\)/)).toBeVisible();
  const withdraw = board.sticky('Command', 'Withdraw money');
  await withdraw.click();
  const panel = new ScenariosPanel(page);
  await expect(panel.status('Within the balance, from the file')).toHaveText('✓ Passes', { timeout: 5000 });
  await expect(withdraw.getByRole('img', { name: 'Scenarios: 4 passing, 0 failing' })).toBeVisible();

  await board.undo();
  await expect(panel.status('Within the balance')).toHaveText('✓ Passes', { timeout: 5000 });
  expect((await board.exportBoard()).text).toBe(before);
});
