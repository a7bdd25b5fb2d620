// A simulation that explains itself, at 1280×720: every counter and partition column says what
// it counts (tooltip and accessible description), the Help tab explains why Consumed exceeds
// Produced and why lag swings, a run stuck on min.insync.replicas says so in the status line
// and on each partition row, the run settings choose brokers and min.insync.replicas ("restart
// to apply"), and the timeline leads each incident with its cause, good news not in red.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';

async function runBanking(page: Page): Promise<void> {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first()).toBeVisible();
}

const counter = (page: Page, name: string) => page.getByRole('group', { name: 'Counters' }).getByRole('status', { name, exact: true });

test('every counter and partition column says what it counts, and the Help tab explains the numbers', async ({ page }) => {
  await runBanking(page);
  for (const name of ['Produced records', 'Acknowledged records', 'Consumed records', 'Lost acknowledged records', 'Duplicates delivered', 'Retried sends', 'Failed sends']) {
    await expect(counter(page, name)).toHaveAccessibleDescription(/\w{4,} .{30,}/);
  }
  await expect(counter(page, 'Consumed records')).toHaveAccessibleDescription(/every group reads every record/);
  const table = page.getByRole('table', { name: 'Partitions' });
  for (const name of ['Leader', 'Replicas', 'ISR', 'Min ISR', 'Log start', 'High watermark', 'Log end', 'Writes']) {
    await expect(table.getByRole('columnheader', { name, exact: true })).toHaveAccessibleDescription(/.{30,}/);
  }
  await expect(table.getByRole('columnheader', { name: 'Min ISR', exact: true })).toHaveAccessibleDescription(/min\.insync\.replicas/);

  await page.getByRole('tab', { name: 'Help', exact: true }).click();
  const help = page.getByRole('region', { name: 'Simulation help' });
  await expect(help).toContainText('Why is Consumed larger than Produced?');
  await expect(help).toContainText('committed every 5 s');

  await page.getByRole('tab', { name: 'Offsets and lag', exact: true }).click();
  await expect(page.getByRole('figure', { name: 'Consumer lag' })).toHaveAccessibleDescription(/committed every 5 s/);
  // Nothing in the dock is under 13 px.
  const smallest = await page.getByRole('region', { name: 'Simulation' }).evaluate((dock) => {
    let min = Infinity;
    for (const el of dock.querySelectorAll('*')) {
      if (!(el instanceof HTMLElement) || !el.offsetParent || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(13);
});

test('a run stuck on min.insync.replicas says why, on the status line and the partition rows', async ({ page }) => {
  await runBanking(page);
  const status = page.getByRole('status', { name: 'Run status' });
  await expect(page.getByRole('note', { name: 'Cluster settings' })).toHaveText('3 brokers · min.insync.replicas 2 · acks all');
  await expect(status).toHaveText('');
  await page.getByRole('button', { name: 'Stop broker 1', exact: true }).click();
  await page.getByRole('button', { name: 'Stop broker 2', exact: true }).click();
  await expect(status).toContainText(/acks=all writes refused on \d+ partitions: only 1 replica is in sync, fewer than min\.insync\.replicas = 2/);
  const rows = page.getByRole('table', { name: 'Partitions' }).locator('tbody tr');
  await expect(rows.first()).toContainText('refused: ISR 1 < min 2');
  await expect.poll(async () => Number((await counter(page, 'Retried sends').textContent())!.replace(/\D/g, ''))).toBeGreaterThan(10);

  // acks=1 needs only a leader: the refusal goes away at once.
  await page.getByRole('combobox', { name: 'acks' }).selectOption('1');
  await expect(status).toHaveText('');
  await expect(rows.first()).toContainText('accepted');
  await page.getByRole('combobox', { name: 'acks' }).selectOption('-1');
  await expect(status).toContainText('acks=all writes refused');

  // The timeline leads with the cause; good news is not red.
  const incidents = page.getByRole('list', { name: 'Incidents, newest first' });
  const incident = (title: string) => incidents.locator(':scope > li').filter({ has: page.locator('.sb-tl-title', { hasText: new RegExp(`^${title}$`) }) });
  // The stop is the incident's title; the elections it caused are counted under it. Events less
  // than 50 simulated ms apart are one incident: on a busy machine both stops can land in one
  // tick, titled by the first, so the newest incident titled by a stop is the one to read.
  const stopped = incidents.locator(':scope > li').filter({ has: page.locator('.sb-tl-title', { hasText: /^Broker [12] stopped$/ }) }).first();
  await expect(stopped).toContainText(/\d+ leaders? elected/);
  await expect(incidents.locator('.sb-tl-title', { hasText: 'elected leader' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start broker 2', exact: true }).click();
  await expect(status).toHaveText('', { timeout: 20_000 });
  const started = incident('Broker 2 started');
  await expect(started).toBeVisible();
  const colour = (l: ReturnType<Page['locator']>) => l.evaluate((el) => getComputedStyle(el).color);
  const startedColour = await colour(started.locator('.sb-tl-title'));
  const stoppedColour = await colour(stopped.locator('.sb-tl-title'));
  expect(startedColour).not.toBe(stoppedColour);
  const [r, g] = startedColour.match(/\d+/g)!.map(Number);
  expect(g!).toBeGreaterThan(r!); // green, not red
});

test('run settings choose brokers, replication factor and min.insync.replicas, applied by a restart', async ({ page }) => {
  await runBanking(page);
  await page.getByRole('button', { name: 'Run settings', exact: true }).click();
  const settings = page.getByRole('group', { name: 'Run settings' });
  await settings.getByRole('spinbutton', { name: 'Brokers' }).fill('5');
  await settings.getByRole('combobox', { name: 'Replication factor' }).selectOption('4');
  await settings.getByRole('spinbutton', { name: 'min.insync.replicas' }).fill('3');
  const status = page.getByRole('status', { name: 'Run status' });
  await expect(status).toContainText('Run settings changed (brokers 3 → 5, min.insync.replicas 2 → 3, replication factor from the board → 4): restart to apply.');
  await page.getByRole('button', { name: 'Close run settings', exact: true }).click();
  await status.getByRole('button', { name: 'Restart to apply', exact: true }).click();
  await expect(page.getByRole('group', { name: 'Broker 5' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Cluster settings' })).toHaveText('5 brokers · min.insync.replicas 3 · acks all');
  await expect(status).not.toContainText('restart to apply');
  const minIsr = await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr td:nth-of-type(4)').allTextContents();
  expect(minIsr.length).toBeGreaterThan(0);
  expect(new Set(minIsr)).toEqual(new Set(['3']));
  // Every topic has the chosen four replicas.
  const replicas = await page.getByRole('table', { name: 'Partitions' }).locator('tbody tr td:nth-of-type(2)').allTextContents();
  expect(new Set(replicas.map((r) => r.split(',').length))).toEqual(new Set([4]));
  // min.insync.replicas never exceeds the brokers: one broker takes it down to 1.
  await page.getByRole('button', { name: 'Run settings', exact: true }).click();
  await settings.getByRole('spinbutton', { name: 'Brokers' }).fill('1');
  await expect(settings.getByRole('spinbutton', { name: 'min.insync.replicas' })).toHaveValue('1');
});

test('consumer groups show per-partition assignment and lag, and a crashed instance can be restarted', async ({ page }) => {
  await runBanking(page);
  await page.getByRole('tab', { name: 'Consumer groups', exact: true }).click();
  const service = page.getByRole('group', { name: 'Service account-service' });
  const table = page.getByRole('table', { name: 'Partitions of account-service.account.handler' });
  for (const name of ['Member', 'Partition', 'Committed', 'Log end', 'Lag']) {
    await expect(table.getByRole('columnheader', { name, exact: true })).toHaveAccessibleDescription(/.{30,}/);
  }
  await expect(table.locator('tbody tr')).toHaveCount(6);
  // Once the group has joined, every partition has an owner and the lag is log end − committed.
  await expect.poll(async () => (await table.locator('tbody tr td:first-child').allTextContents()).every((m) => m.startsWith('account-service-'))).toBe(true);
  await expect
    .poll(async () =>
      (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')))).every(
        ([, committed, logEnd, lag]) => committed !== '—' && Number(lag) === Math.max(0, Number(logEnd) - Number(committed)),
      ),
    )
    .toBe(true);

  // Crash the first instance: it stays listed as crashed, with a Restart button.
  const owners = async () => new Set(await table.locator('tbody tr td:first-child').allTextContents());
  const crashButton = service.getByRole('button', { name: /^Crash account-service-1$/ });
  await crashButton.click();
  await expect(service.getByRole('button', { name: 'Restart account-service-1', exact: true })).toBeVisible();
  await service.getByRole('button', { name: 'Restart account-service-1', exact: true }).click();
  // The crashed instance is replaced by a new one, which takes partitions in the group.
  await expect(service.getByRole('button', { name: 'Restart account-service-1', exact: true })).toHaveCount(0);
  await expect(service.getByRole('button', { name: /^Crash account-service-3$/ })).toBeVisible();
  await expect.poll(async () => [...(await owners())].some((m) => m.startsWith('account-service-3-')), { timeout: 20_000 }).toBe(true);
  await page.screenshot({ path: '.tmp/sim-groups-restart.png' });
});

test('while the run goes, stickies show their live rate and lag, and editing the board says "restart to apply"', async ({ page }) => {
  await runBanking(page);
  const board = new BoardPage(page);
  const live = (kind: Parameters<BoardPage['sticky']>[0], text: string) => board.sticky(kind, text).getByRole('img', { name: /^Live: / });
  const rateOf = async (kind: Parameters<BoardPage['sticky']>[0], text: string) => Number(((await live(kind, text).getAttribute('aria-label')) ?? '').match(/^Live: ([\d.,]+)\/s/)?.[1]?.replace(',', '') ?? NaN);
  // Every sticky in view (the board draws only what is on screen).
  await page.getByRole('button', { name: 'Fit view' }).click();
  for (const [kind, text] of [
    ['Command', 'Deposit money'],
    ['Domain event', 'Money deposited'],
    ['Read model', 'Balance'],
    ['Policy', 'Whenever the balance goes below zero, charge an overdraft fee'],
  ] as const) {
    await expect(live(kind, text)).toHaveAccessibleName(/^Live: [\d.,]+\/s · lag \d+$/);
  }
  await expect.poll(() => rateOf('Command', 'Deposit money')).toBeGreaterThan(0);
  await expect.poll(() => rateOf('Domain event', 'Money deposited')).toBeGreaterThan(0);
  await expect.poll(() => rateOf('Read model', 'Balance')).toBeGreaterThan(0);
  await page.screenshot({ path: '.tmp/sim-badges-fit.png' });
  // Readable: at least 13 px on screen.
  const px = await live('Command', 'Deposit money').evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * (el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight));
  expect(px).toBeGreaterThanOrEqual(13);
  // Actors and aggregates carry no badge.
  await expect(board.sticky('Actor', 'Customer').getByRole('img', { name: /^Live: / })).toHaveCount(0);

  // Moving a sticky changes nothing the run depends on; renaming one does.
  const status = page.getByRole('status', { name: 'Run status' });
  const sticky = board.sticky('Domain event', 'Money deposited');
  const box = (await sticky.boundingBox())!;
  await board.dragTo(sticky, box.x + box.width / 2 + 60, box.y + 40);
  await page.waitForTimeout(300);
  await expect(status).not.toContainText('restart to apply');
  await board.renameByDoubleClick(board.sticky('Domain event', 'Money deposited'), 'Domain event', 'Money put in');
  await expect(status).toContainText('The board changed since the run started: restart to apply.');
  await status.getByRole('button', { name: 'Restart to apply', exact: true }).click();
  await expect(status).not.toContainText('restart to apply');
  await expect(live('Domain event', 'Money put in')).toBeVisible();
});

for (const example of ['Banking', 'E-commerce'] as const) {
  test(`${example}: the topology takes the board's place, with readable labels that do not overlap`, async ({ page }) => {
    const board = new BoardPage(page);
    await board.goto();
    await board.openExample(example);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.getByRole('tab', { name: 'Topology', exact: true }).click();
    const svg = page.getByRole('img', { name: 'Topology' });
    await expect(svg).toBeVisible();
    await expect.poll(() => svg.locator('text').filter({ hasText: /\/s (written|handled)/ }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `.tmp/topology-${example}.png` });

    // The dock fills the window under the toolbar; the board is back with another tab.
    const dock = (await page.getByRole('region', { name: 'Simulation' }).boundingBox())!;
    const toolbarBottom = await page.locator('.sb-toolbar').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(dock.y).toBeLessThanOrEqual(toolbarBottom + 1);
    expect(dock.y + dock.height).toBeGreaterThanOrEqual(719);

    const texts = await svg.locator('text').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', x: r.x, y: r.y, w: r.width, h: r.height, px: parseFloat(getComputedStyle(el).fontSize) * (r.height > 0 ? 1 : 0) };
      }),
    );
    expect(texts.length).toBeGreaterThan(8);
    for (const t of texts) expect(t.px, t.text).toBeGreaterThanOrEqual(13);
    const overlaps = [];
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!;
        const b = texts[j]!;
        if (a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1) overlaps.push(`${a.text} / ${b.text}`);
      }
    expect(overlaps).toEqual([]);

    await page.getByRole('button', { name: 'Back to the board', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Cluster', exact: true })).toHaveAttribute('aria-selected', 'true');
    const back = (await page.getByRole('region', { name: 'Simulation' }).boundingBox())!;
    expect(back.y).toBeGreaterThan(300);
  });
}

test('a fault experiment can be stepped through, saying what to watch at each step, with the board run’s settings hidden', async ({ page }) => {
  await runBanking(page);
  await page.getByRole('tab', { name: 'Fault experiments', exact: true }).click();
  await page.getByRole('button', { name: /^Run experiment: acks=1: a leader crash/ }).click();
  const region = page.getByRole('region', { name: 'Experiment in progress' });
  await expect(region).toContainText('Press Next step to begin, or Play to watch every step.');
  await region.getByRole('button', { name: 'Next step', exact: true }).click();
  await expect(region).toContainText(/Step 1 of \d+: press Next step to go on\./);
  await expect(region.getByRole('note', { name: 'What to watch' })).toContainText('acks=1');
  // Settings of the board run do not apply to the experiment: they are hidden while it is on screen.
  await expect(page.getByRole('spinbutton', { name: 'Commands/s' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run settings', exact: true })).toHaveCount(0);
  // It waits for the next step: time does not move on by itself.
  const clock = async () => (await page.getByLabel('Simulated time').textContent()) ?? '';
  const held = await clock();
  await page.waitForTimeout(1200);
  expect(await clock()).toBe(held);

  const lost = async () => Number((await counter(page, 'Lost acknowledged records').textContent())!.replace(/\D/g, ''));
  const steps = region.getByRole('list', { name: 'Steps' }).locator('li');
  for (let i = 0; i < 20 && (await steps.filter({ hasText: 'The leader crashes before the followers fetch' }).getAttribute('aria-current')) !== 'step'; i++) {
    await region.getByRole('button', { name: 'Next step', exact: true }).click();
    await page.waitForTimeout(150);
  }
  await expect(region.getByRole('note', { name: 'What to watch' })).toContainText('Leader column');
  expect(await lost()).toBe(0);
  await page.screenshot({ path: '.tmp/experiment-step.png' });
  for (let i = 0; i < 20 && !(await region.getByText('Finished.').isVisible()); i++) {
    await region.getByRole('button', { name: 'Next step', exact: true }).click();
    await page.waitForTimeout(150);
  }
  await expect(region).toContainText('Finished.');
  await expect.poll(lost).toBe(25);
  await region.getByRole('button', { name: 'Close experiment', exact: true }).click();
  await expect(page.getByRole('spinbutton', { name: 'Commands/s' })).toBeVisible();
});

test('a run that cannot keep the chosen speed says how fast it really runs, and why', async ({ page }) => {
  await runBanking(page);
  const achieved = page.getByRole('note', { name: 'Achieved speed' });
  // At 10× Banking keeps up on this machine kind; at 100× with 400 commands a second it cannot.
  await page.getByRole('spinbutton', { name: 'Commands/s' }).fill('400');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await expect(achieved).toHaveText(/^only \d+(\.\d)?×$/, { timeout: 30_000 });
  await expect(achieved).toHaveAttribute('title', /takes longer to compute than 100× allows: simulated time moves at about [\d.]+× real time/);
  const shown = Number((await achieved.textContent())!.match(/[\d.]+/)![0]);
  expect(shown).toBeLessThan(80);
  // A speed it keeps: the note goes; paused, there is none either.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.1');
  await expect(achieved).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await expect(achieved).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause simulation', exact: true }).click();
  await expect(achieved).toHaveCount(0);
});
