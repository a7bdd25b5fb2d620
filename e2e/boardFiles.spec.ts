// Boards outlive the page: saved at once and reopened after a reload; imported and exported as
// versioned JSON (a bad file is refused with a message and changes nothing); examples open as
// boards of their own.
import { expect, test } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

test('reloading returns to the board you were on with nothing lost', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.newBoard();
  await page.getByRole('button', { name: 'Boards' }).click();
  await page.getByLabel('Board name').fill('Reload test');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.keyboard.press('Escape');
  await board.addSticky('Domain event', 'Account opened');
  const command = await board.addSticky('Command', 'Open account');
  await board.dragTo(command, 400, 300);
  const before = (await board.exportBoard()).text;

  await page.reload();
  await board.ready();
  await expect(board.boardName()).toContainText('Reload test');
  await expect(board.sticky('Domain event', 'Account opened')).toBeVisible();
  expect((await board.exportBoard()).text).toBe(before);
});

test('a bad import shows what is wrong and leaves the open board as it was', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  const before = (await board.exportBoard()).text;

  await board.importBoard('notes.json', 'this is not json {');
  await expect(board.alert()).toContainText('not JSON');
  await board.importBoard('future.json', JSON.stringify({ version: 99, id: 'board:x', name: 'x', elements: [], links: [] }));
  await expect(board.alert()).toContainText('newer');
  const broken = JSON.parse(before) as { links: Array<{ target: string }> };
  broken.links[0]!.target = 'el:missing';
  await board.importBoard('broken.json', JSON.stringify(broken));
  await expect(board.alert()).toContainText('el:missing');
  await board.importBoard('garbage.json', Buffer.alloc(3_000_000, 0x41));
  await expect(board.alert()).toBeVisible();

  await expect(board.boardName()).toContainText('Banking');
  expect((await board.exportBoard()).text).toBe(before);
});

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`opens the ${example} example as a board of its own`, async ({ page }) => {
    const board = new BoardPage(page);
    await board.goto();
    await board.openExample(example);
    const exported = (await board.exportBoard()).board;
    expect(exported.name).toBe(example);
    const texts = exported.elements.map((e) => e.text);
    const expected = example === 'Banking' ? ['Open account', 'Account opened', 'Withdrawal rejected', 'Balance'] : ['Place order', 'Order placed', 'Payment failed', 'Order shipped'];
    for (const text of expected) expect(texts).toContain(text);
    await expect(board.stickies().first()).toBeVisible();
    await expect(board.edges().first()).toBeAttached();
  });
}

test('export then import gives the same board', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('E-commerce');
  const first = await board.exportBoard();
  await board.importBoard('ecommerce.board.json', first.text);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  const second = await board.exportBoard();
  // The example is already open under its id and name, so the import gets new ones.
  expect(second.board.id).not.toBe(first.board.id);
  expect(second.board.name).toBe('E-commerce (2)');
  expect({ ...second.board, id: first.board.id, name: first.board.name }).toEqual(first.board);
});

test('exports the whole board as PNG and SVG pictures', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  for (const format of ['PNG', 'SVG'] as const) {
    await page.getByRole('button', { name: 'Export image' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export ${format}` }).click()]);
    expect(download.suggestedFilename()).toBe(`banking.${format.toLowerCase()}`);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (format === 'PNG') {
      expect(bytes.length).toBeGreaterThan(10_000);
    } else {
      // A real drawing (shapes and text), not an HTML snapshot in <foreignObject>.
      const svg = bytes.toString('utf8');
      expect(svg).toContain('<svg');
      expect(svg).not.toContain('foreignObject');
      for (const name of ['Accounts', 'Balance', 'Customer']) expect(svg).toContain(`>${name}</text>`);
    }
  }
  await expect(board.alert()).toHaveCount(0);
});
