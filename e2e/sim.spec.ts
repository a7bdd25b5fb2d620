// The simulation end to end in Chromium: an example board runs in the worker, the Partitions
// table and the Consumer lag chart fill, broker faults move leadership (clean shutdown moves
// every leadership away; a restarted broker rejoins the ISR), a new instance changes the
// group's assignment, and the fault experiments show Kafka's outcomes: acks=1 loses
// acknowledged records, acks=all with min.insync.replicas=2 loses none.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

class SimPanel {
  constructor(readonly page: Page) {}
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }
  partitions(): Locator {
    return this.page.getByRole('table', { name: 'Partitions' });
  }
  counter(name: string): Locator {
    return this.page.getByRole('status', { name, exact: true });
  }
  async counterValue(name: string): Promise<number> {
    return Number((await this.counter(name).textContent())!.replace(/[^0-9]/g, ''));
  }
  /** Leader and ISR columns of every partition row. */
  async leadersAndIsr(): Promise<{ leader: string; isr: string[] }[]> {
    return this.partitions()
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => {
          const cells = [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
          return { leader: cells[0] ?? '', isr: (cells[2] ?? '').split(',').map((x) => x.trim()) };
        }),
      );
  }
}

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: runs in the worker; faults, scaling and experiments behave as in Kafka`, async ({ page }) => {
    const board = new BoardPage(page);
    await board.goto();
    await board.openExample(example);
    const sim = new SimPanel(page);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await sim.button('Run simulation').click();
    await expect(sim.button('Pause simulation')).toBeVisible();

    // The Partitions table fills and records arrive.
    await expect(sim.partitions().locator('tbody tr').first()).toBeVisible();
    await expect.poll(() => sim.counterValue('Acknowledged records')).toBeGreaterThan(50);
    await page.screenshot({ path: `.tmp/sim-${example}-cluster.png` });

    // The Consumer lag chart fills.
    await sim.tab('Offsets and lag').click();
    await expect.poll(async () => Number(await page.getByRole('figure', { name: 'Consumer lag' }).getAttribute('data-samples'))).toBeGreaterThan(3);
    await page.screenshot({ path: `.tmp/sim-${example}-lag.png` });

    // Pause holds simulated time; Step moves it by 100 ms; Resume simulation resumes.
    const clock = async () => Number((await page.getByLabel('Simulated time').textContent())!.replace(/[^0-9.]/g, ''));
    await sim.button('Pause simulation').click();
    await expect(sim.button('Step')).toBeEnabled();
    const paused = await clock();
    await page.waitForTimeout(300);
    expect(await clock()).toBe(paused);
    await sim.button('Step').click();
    await expect.poll(async () => Math.round(((await clock()) - paused) * 100)).toBe(10);
    await sim.button('Resume simulation').click();
    await expect.poll(clock).toBeGreaterThan(paused + 1);

    // Kafka's controlled shutdown moves every leadership off broker 1; the run continues.
    await sim.tab('Cluster').click();
    await expect.poll(async () => (await sim.leadersAndIsr()).some((p) => p.leader === '1')).toBe(true);
    await sim.button('Stop broker 1').click();
    await expect.poll(async () => (await sim.leadersAndIsr()).every((p) => p.leader !== '1' && p.leader !== 'none')).toBe(true);
    const acked = await sim.counterValue('Acknowledged records');
    await expect.poll(() => sim.counterValue('Acknowledged records')).toBeGreaterThan(acked + 20);
    await page.screenshot({ path: `.tmp/sim-${example}-stopped.png` });

    // Started again, broker 1 catches up and rejoins the ISR of every partition it replicates.
    await sim.button('Start broker 1').click();
    await expect.poll(async () => (await sim.leadersAndIsr()).every((p) => p.isr.includes('1')), { timeout: 20_000 }).toBe(true);

    // One more instance of a service: its groups rebalance and the assignment changes.
    await sim.tab('Consumer groups').click();
    const firstService = page.getByRole('group', { name: /^Service / }).first();
    const members = firstService.getByRole('list', { name: /^Members of / }).first();
    await expect.poll(async () => (await members.locator('.sb-assignment').allTextContents()).some((t) => t !== 'nothing')).toBe(true);
    const before = await members.locator('li').allTextContents();
    await firstService.getByRole('button', { name: /^Add instance of / }).click();
    await expect.poll(async () => (await members.locator('li').count())).toBe(before.length + 1);
    await expect.poll(async () => (await members.locator('.sb-assignment').allTextContents()).filter((t) => t !== 'nothing').length).toBeGreaterThan(before.length);
    await page.screenshot({ path: `.tmp/sim-${example}-groups.png` });

    // Fault experiments: acks=1 loses acknowledged records, the safe configuration none.
    await sim.tab('Fault experiments').click();
    await page.getByRole('button', { name: /^Run experiment: acks=1: a leader crash/ }).click();
    await playToTheEnd(sim, /^acks=1: a leader crash/);
    await expect.poll(() => sim.counterValue('Lost acknowledged records')).toBeGreaterThan(0);
    await page.screenshot({ path: `.tmp/sim-${example}-acks1.png` });
    await page.getByRole('button', { name: /^Run experiment: The safe configuration/ }).click();
    await playToTheEnd(sim, /^The safe configuration/);
    await expect(page.getByRole('region', { name: 'Experiment in progress' })).toContainText('Finished.');
    await expect(page.getByRole('region', { name: 'Experiment in progress' })).toContainText('acks=all');
    await expect.poll(() => sim.counterValue('Acknowledged records')).toBeGreaterThan(0);
    expect(await sim.counterValue('Lost acknowledged records')).toBe(0);
  });
}

/**
 * "Play to the end" of the experiment titled `title`, once it is the one on screen (the
 * previous one may still show "Finished." until the worker's next snapshot), unless it already
 * played to its end. The assertions after it check the outcome either way.
 */
async function playToTheEnd(sim: SimPanel, title: RegExp): Promise<void> {
  const region = sim.page.getByRole('region', { name: 'Experiment in progress' });
  await expect(region.getByRole('heading', { name: title })).toBeVisible();
  if (await region.getByText('Finished.').isVisible()) return;
  await sim.button('Play to the end').click({ timeout: 10_000 }).catch(async (e: unknown) => {
    if (!(await region.getByText('Finished.').isVisible())) throw e;
  });
}

test('compile problems are pinned to their stickies and keep the run from starting', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  const policy = await board.addSticky('Policy', 'Ship when paid');
  await page.keyboard.press('Escape');
  await expect(policy.getByRole('img', { name: /issues no command/ })).toBeVisible();
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'issues no command' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause simulation' })).toHaveCount(0);
});
