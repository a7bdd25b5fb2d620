// The simulation dock leaves the board usable at 1280×720: it resizes by dragging its top edge
// (or with the keyboard), never takes the board below its minimum, collapses, and remembers
// both; the palette is never cut off and the overview map never sits over the stickies.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

const MIN_BOARD_PX = 360; // the window height the board (with the toolbar) keeps

async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

test('the dock resizes and collapses, the board keeps its space, and both are remembered', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('button', { name: 'Show simulation panel' }).click();
  const dock = page.getByRole('region', { name: 'Simulation' });
  const resizer = page.getByRole('separator', { name: 'Resize simulation panel' });
  await expect(resizer).toBeVisible();

  // Dragging the top edge far up stops where the board keeps its minimum.
  const r = (await resizer.boundingBox())!;
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await page.mouse.down();
  await page.mouse.move(r.x + r.width / 2, 20, { steps: 10 });
  await page.mouse.up();
  const tall = (await dock.boundingBox())!;
  expect(tall.y).toBeGreaterThanOrEqual(MIN_BOARD_PX - 2);
  const pane = await boxOf(page, '.react-flow');
  expect(pane.height).toBeGreaterThanOrEqual(MIN_BOARD_PX - 60);

  // Every palette entry stays whole and in view.
  const nav = (await page.getByRole('navigation', { name: 'Sticky palette' }).boundingBox())!;
  for (const kind of ['Domain event', 'Command', 'Policy', 'Aggregate', 'Read model', 'External system', 'Actor', 'Hotspot', 'Bounded context'] as const) {
    const b = (await board.paletteButton(kind).boundingBox())!;
    expect(b.y, kind).toBeGreaterThanOrEqual(nav.y - 0.5);
    expect(b.y + b.height, kind).toBeLessThanOrEqual(nav.y + nav.height + 0.5);
  }

  // The keyboard resizes too; then a drag down makes it small.
  await resizer.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const lower = (await dock.boundingBox())!;
  expect(lower.height).toBeCloseTo(tall.height - 48, 0);
  const r2 = (await resizer.boundingBox())!;
  await page.mouse.move(r2.x + r2.width / 2, r2.y + r2.height / 2);
  await page.mouse.down();
  await page.mouse.move(r2.x + r2.width / 2, r2.y + 150, { steps: 8 });
  await page.mouse.up();
  const small = (await dock.boundingBox())!;
  expect(Math.abs(small.height - (lower.height - 150))).toBeLessThanOrEqual(12); // the drag threshold

  await page.reload();
  await board.ready();
  await expect(resizer).toBeVisible();
  expect((await dock.boundingBox())!.height).toBeCloseTo(small.height, 0);

  await page.getByRole('button', { name: 'Hide simulation panel' }).click();
  await expect(resizer).toHaveCount(0);
  await page.reload();
  await board.ready();
  await expect(page.getByRole('button', { name: 'Show simulation panel' })).toBeVisible();
  expect((await dock.boundingBox())!.height).toBeLessThan(80);
});

test('with the largest text every palette entry stays whole and in view', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await page.getByRole('button', { name: 'Board settings' }).click();
  await page.getByLabel('Text size').selectOption({ label: 'Larger (presenting)' });
  await page.keyboard.press('Escape');
  const nav = (await page.getByRole('navigation', { name: 'Sticky palette' }).boundingBox())!;
  for (const kind of ['Domain event', 'Hotspot', 'Bounded context'] as const) {
    const b = (await board.paletteButton(kind).boundingBox())!;
    expect(b.y + b.height, kind).toBeLessThanOrEqual(nav.y + nav.height + 0.5);
  }
});

test('the overview map is beside the board, never over it', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('E-commerce');
  const map = page.getByRole('img', { name: /Board overview/ });
  await expect(map).toBeVisible();
  const m = (await map.boundingBox())!;
  const pane = await boxOf(page, '.react-flow');
  const overlaps = m.x < pane.x + pane.width && m.x + m.width > pane.x && m.y < pane.y + pane.height && m.y + m.height > pane.y;
  expect(overlaps).toBe(false);
});

test('at 1280×720 a run’s counters fit one row in large figures, and the toggle sits in the tab row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  const counters = page.getByRole('group', { name: 'Counters' }).getByRole('status');
  await expect(counters.filter({ hasText: /[1-9]/ }).first()).toBeVisible();
  await expect(counters).toHaveCount(9);
  const boxes = await counters.evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('aria-labelledby'), ...e.getBoundingClientRect().toJSON(), px: parseFloat(getComputedStyle(e).fontSize) })));
  for (const b of boxes) {
    expect(Math.abs(b.y - boxes[0].y), `${b.name} is on the first counter's row`).toBeLessThanOrEqual(1);
    expect(b.x + b.width, `${b.name} is inside the window`).toBeLessThanOrEqual(1280);
    expect(b.px, `${b.name} figure size`).toBeGreaterThanOrEqual(18);
  }
  // The hide button is in the row of the tabs, not in a band of its own.
  const toggle = (await page.getByRole('button', { name: 'Hide simulation panel' }).boundingBox())!;
  const tabs = (await page.getByRole('tablist', { name: 'Simulation views' }).boundingBox())!;
  const middle = toggle.y + toggle.height / 2;
  expect(middle).toBeGreaterThan(tabs.y);
  expect(middle).toBeLessThan(tabs.y + tabs.height);
  expect(toggle.x).toBeGreaterThan(tabs.x + tabs.width);
});
