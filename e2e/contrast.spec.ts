// Contrast of every control in both themes, at rest, under the mouse, pressed, focused from the
// keyboard and disabled, computed from the colours Chromium draws (WCAG 2.2 AA: text 4.5:1,
// focus indicators 3:1; disabled controls are exempt in WCAG, and here must still reach 3:1).
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';
import { contrastOf, contrastOfFocused, installContrast } from './pages/contrast';

const TEXT_AA = 4.5;
const NON_TEXT_AA = 3;

async function setTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('button', { name: 'Board settings' }).click();
  await page.getByLabel('Theme').selectOption({ label: theme });
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 700);
}

/** A board with a run paused: the dock's controls, tabs and broker buttons are all on screen. */
async function prepare(page: Page): Promise<BoardPage> {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first()).toBeVisible();
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  await installContrast(page);
  return board;
}

const CONTROLS = 'button:visible, select:visible, input:visible, [role="tab"]:visible, label.sb-button:visible';

for (const theme of ['Light', 'Dark'] as const) {
  test(`${theme} theme: every control reads at AA at rest, hovered, pressed and disabled`, async ({ page }) => {
    test.setTimeout(180_000);
    await prepare(page);
    await setTheme(page, theme);
    const failures: string[] = [];
    const controls = page.locator(CONTROLS);
    const count = await controls.count();
    expect(count).toBeGreaterThan(30);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      if (!(await control.isVisible())) continue;
      const disabled = await control.isDisabled().catch(() => false);
      const need = disabled ? NON_TEXT_AA : TEXT_AA;
      const rest = await contrastOf(control);
      if (rest.text < need) failures.push(`${rest.name} at rest ${rest.text.toFixed(2)} (${rest.fg} on ${rest.bg})`);
      if (disabled) continue;
      const tag = await control.evaluate((el) => el.tagName);
      if (tag !== 'BUTTON' && tag !== 'LABEL' && !(await control.getAttribute('role'))) continue;
      await control.hover();
      const hover = await contrastOf(control);
      if (hover.text < need) failures.push(`${hover.name} hovered ${hover.text.toFixed(2)} (${hover.fg} on ${hover.bg})`);
      // Pressed: hold the button down, read, and leave it without releasing on it (no click).
      await page.mouse.down();
      const active = await contrastOf(control);
      if (active.text < need) failures.push(`${active.name} pressed ${active.text.toFixed(2)} (${active.fg} on ${active.bg})`);
      await page.mouse.move(640, 8);
      await page.mouse.up();
    }
    expect(failures).toEqual([]);
  });

  test(`${theme} theme: keyboard focus is visible at 3:1 and text stays at AA on every focusable control`, async ({ page }) => {
    test.setTimeout(120_000);
    await prepare(page);
    await setTheme(page, theme);
    await page.locator('body').focus();
    const failures: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const focused = await contrastOfFocused(page);
      if (!focused) continue;
      const key = `${focused.name}|${focused.fg}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const tag = await page.evaluate(() => document.activeElement?.tagName ?? '');
      if (focused.outline < NON_TEXT_AA) failures.push(`${focused.name} (${tag}): focus outline ${focused.outline.toFixed(2)}`);
      if (tag === 'BUTTON' && focused.text < TEXT_AA) failures.push(`${focused.name}: focused text ${focused.text.toFixed(2)}`);
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });
}

test('primary buttons keep their text readable under the mouse (Run simulation, Pause simulation)', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await installContrast(page);
  for (const theme of ['Light', 'Dark'] as const) {
    await setTheme(page, theme);
    const run = page.getByRole('button', { name: 'Run simulation' });
    await run.hover();
    expect((await contrastOf(run)).text).toBeGreaterThanOrEqual(TEXT_AA);
  }
  await page.getByRole('button', { name: 'Run simulation' }).click();
  const pause = page.getByRole('button', { name: 'Pause simulation' });
  await pause.hover();
  expect((await contrastOf(pause)).text).toBeGreaterThanOrEqual(TEXT_AA);
});
