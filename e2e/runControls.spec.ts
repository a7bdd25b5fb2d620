// The run's controls when the page's frames come far apart, as on a loaded machine (seen at load
// average 60): the sim store applies the worker's messages once per animation frame, so a click
// can land between a message and the frame that applies it. Here every frame is held 400 ms.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

/** Every animation-frame callback runs 400 ms late: a renderer starved of CPU. */
async function slowFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => raf(() => setTimeout(() => raf(callback), 400));
  });
}

test('with frames far apart, "Run simulation" right after opening an example offers Pause and Stop while the run goes on', async ({ page }) => {
  await slowFrames(page);
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  // The worker's answer to Banking's restore ("nothing stored") is here now, waiting for its
  // frame; the click comes first. Applied late, it used to take the run's board away.
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await expect.poll(() => board.simClock()).toBeGreaterThan(1);
  await expect(page.getByRole('button', { name: 'Pause simulation', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
  await board.pauseRun();
});
