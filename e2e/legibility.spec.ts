// Legible in a room (issue "Workshop-ready"), at a 1280×720 projector: fit view draws every
// sticky and context name on both examples; names are at least 16 px at the zoom a board opens
// at; nothing in the simulation dock is under 13 px; the text-size setting is remembered.
import { expect, test } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';
import { BoardView } from './pages/BoardView';

/** The smallest on-screen size a name may be drawn at (MIN_SCREEN_TEXT_PX less the whole-word slack). */
const SMALLEST_NAME_PX = 4.8;

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: fit view at 1280×720 draws every sticky and context name whole`, async ({ page }) => {
    const board = new BoardPage(page);
    const view = new BoardView(page);
    await board.goto();
    await board.openExample(example);
    const exported = (await board.exportBoard()).board;
    await view.fitView();
    const names = await view.drawnNames();
    expect(names).toHaveLength(exported.elements.length);
    for (const name of names) {
      const expected = name.label.replace(/^[^:]+: /, '').replace(/\s+/g, ' ');
      expect.soft(name.drawn, name.label).toBe(expected);
      expect.soft(name.cut, `${name.label} is cut`).toBe(false);
      expect.soft(name.screenPx, `${name.label} font on screen`).toBeGreaterThanOrEqual(SMALLEST_NAME_PX);
    }
    // Context names are the room's landmarks: well above the smallest size.
    for (const name of names.filter((n) => n.label.startsWith('Bounded context'))) expect(name.screenPx).toBeGreaterThanOrEqual(14);
  });
}

test('sticky names are at least 16 px on screen at the zoom an example opens at', async ({ page }) => {
  const board = new BoardPage(page);
  const view = new BoardView(page);
  await board.goto();
  await board.openExample('Banking');
  await expect(board.sticky('Command', 'Open account')).toBeVisible();
  const names = await view.drawnNames();
  const stickies = names.filter((n) => !n.label.startsWith('Bounded context'));
  expect(stickies.length).toBeGreaterThan(3);
  for (const name of stickies) expect(name.screenPx, name.label).toBeGreaterThanOrEqual(16);
});

test('nothing in the simulation dock is under 13 px, on every tab', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first()).toBeVisible();
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  for (const tab of ['Cluster', 'Offsets and lag', 'Topology', 'Consumer groups', 'Fault experiments', 'Read models']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    if (tab === 'Topology') await expect(page.getByRole('img', { name: 'Topology' })).toBeVisible();
    const small = await page.getByRole('region', { name: 'Simulation' }).evaluate((dock) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(dock, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentNode as Element | null;
        if (!el || !n.textContent?.trim() || el.closest('option')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        let px = parseFloat(getComputedStyle(el).fontSize);
        // SVG text is scaled with its drawing.
        if (el instanceof SVGGraphicsElement) px *= el.getScreenCTM()?.a ?? 1;
        if (px < 12.95) found.push(`${n.textContent.trim().slice(0, 30)} (${px.toFixed(1)} px)`);
      }
      return found;
    });
    expect(small, tab).toEqual([]);
  }
});

test('the text-size setting enlarges the interface and the board, and is remembered', async ({ page }) => {
  const board = new BoardPage(page);
  const view = new BoardView(page);
  await board.goto();
  await board.openExample('Banking');
  const before = (await view.drawnNames()).find((n) => n.label === 'Command: Open account')!.screenPx;
  const paletteBefore = await board.paletteButton('Command').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.getByRole('button', { name: 'Board settings' }).click();
  await page.getByLabel('Text size').selectOption({ label: 'Larger (presenting)' });
  await page.keyboard.press('Escape');
  await page.reload();
  await board.ready();
  await expect(page.getByRole('button', { name: 'Boards' })).toContainText('Banking');
  await expect(board.sticky('Command', 'Open account')).toBeVisible();
  const after = (await view.drawnNames()).find((n) => n.label === 'Command: Open account')!.screenPx;
  const paletteAfter = await board.paletteButton('Command').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(after / before).toBeCloseTo(1.5, 1);
  expect(paletteAfter / paletteBefore).toBeCloseTo(1.5, 1);
});
