// The run's timeline and replay controls in the simulation panel, found by role and name.
import { expect, type Locator, type Page } from '@playwright/test';

export class ReplayBar {
  readonly bar: Locator;
  readonly slider: Locator;
  readonly position: Locator;

  constructor(private readonly page: Page) {
    this.bar = page.getByRole('group', { name: 'Replay' });
    this.slider = page.getByRole('slider', { name: 'Replay time' });
    this.position = page.getByLabel('Replay position');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Replay run', exact: true }).click();
    await expect(this.bar).toBeVisible({ timeout: 30_000 });
  }

  /** The replay's time and end in seconds, from "t = 1.23 s / 4.56 s". */
  async at(): Promise<{ at: number; end: number }> {
    const [at, end] = ((await this.position.textContent()) ?? '').match(/[0-9.]+/g)!.map(Number);
    return { at: at!, end: end! };
  }

  /** Scrubs to `seconds` and waits until the replay stands there (a seek back replays from the start). */
  async scrubTo(seconds: number): Promise<void> {
    await this.slider.fill(String(Math.round(seconds * 1000)));
    await expect.poll(async () => (await this.at()).at, { timeout: 120_000 }).toBe(seconds);
    await expect(this.page.getByRole('progressbar', { name: 'Replay progress' })).toHaveCount(0);
  }
}
