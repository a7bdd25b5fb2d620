// What people expect of a Kafka UI, at 1280×720, on the running Banking board: the message
// browser (newest first, a partition from an offset, from a time, filtered by key and by text;
// offset, key, value, time, and a message whole with its value pretty-printed and its headers), producing a test message with key, value
// and headers that the browser then finds, and resetting a group's offsets — refused with
// Kafka's error while the group has members, done once its instances are removed.
import { expect, test, type Page } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';
import { TopicsTab } from './pages/TopicsTab';

const EVENTS = 'account-service.account.events';
const PROJECTOR = 'account-service.balance.projector';

test.use({ viewport: { width: 1280, height: 720 } });

async function runBanking(page: Page): Promise<TopicsTab> {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first()).toBeVisible();
  // Let the run write a few hundred records.
  await expect(page.getByRole('group', { name: 'Counters' }).getByRole('status', { name: 'Produced records', exact: true })).toHaveText(/\d{3,}/, { timeout: 30_000 });
  const topics = new TopicsTab(page);
  await topics.open(EVENTS);
  // The counter counts commands too, and the account's events start only once its group has
  // formed (a fast run gets there before): ask again until the topic shows a few.
  await expect(async () => {
    await topics.find({});
    expect(await topics.rows().count()).toBeGreaterThan(5);
  }).toPass({ timeout: 30_000 });
  return topics;
}

test('the message browser shows a topic newest first, jumps to an offset or a time, and filters by key and by text', async ({ page }) => {
  const topics = await runBanking(page);
  await expect(topics.rows().first()).toBeVisible();
  // Newest first, over every partition; a value is pretty-printed JSON, headers listed.
  const times = (await topics.column(2)).map((t) => parseFloat(t));
  expect(times.length).toBeGreaterThan(5);
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  // The first message is shown whole beside the table: value pretty-printed, headers listed.
  await expect(topics.pane.locator('pre')).toContainText(/^\{\n {2}"/);
  await expect(topics.pane.getByRole('list', { name: 'Headers' })).toContainText(/\w+: \w+/);

  await topics.find({ partition: '1', from: 'Offset', offset: '3' });
  expect(new Set(await topics.column(0))).toEqual(new Set(['1']));
  expect((await topics.column(1)).slice(0, 3)).toEqual(['3', '4', '5']);
  // One partition pages: older reaches back to its first offset.
  await topics.answered(() => topics.region.getByRole('button', { name: 'Older messages' }).click());
  await expect(topics.rows().first().locator('th')).toHaveText('0');
  await expect(topics.region.getByRole('button', { name: 'Older messages' })).toBeDisabled();

  await topics.find({ partition: 'all', from: 'Time', seconds: '2' });
  const fromTwo = (await topics.column(2)).map((t) => parseFloat(t));
  expect(fromTwo.length).toBeGreaterThan(0);
  expect(Math.min(...fromTwo)).toBeGreaterThanOrEqual(2);
  expect([...fromTwo].sort((a, b) => a - b)).toEqual(fromTwo);

  const key = (await topics.column(3))[0]!;
  await topics.find({ from: 'Oldest', key });
  const keys = await topics.column(3);
  expect(keys.length).toBeGreaterThan(0);
  expect(keys.every((k) => k.includes(key))).toBe(true);

  // Text is looked for in the key, the value and the headers; without it, deposits show too.
  await topics.find({ from: 'Newest', key: '', text: '' });
  expect((await topics.rows().allInnerTexts()).some((row) => !/withdraw/i.test(row))).toBe(true);
  await topics.find({ text: 'withdraw' });
  const found = await topics.rows().count();
  expect(found).toBeGreaterThan(0);
  for (let i = 0; i < Math.min(found, 4); i++) {
    await topics.rows().nth(i).click();
    await expect(topics.pane).toContainText(/withdraw/i);
  }

  // Readable at 1280×720: nothing in the Topics tab under 13 px.
  const smallest = await topics.region.evaluate((el) => {
    let min = Infinity;
    for (const e of el.querySelectorAll('*')) {
      if (!(e instanceof HTMLElement) || !e.offsetParent || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      min = Math.min(min, parseFloat(getComputedStyle(e).fontSize));
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(13);
});

test('a test message with key, value and headers is written where the answer says, and the browser finds it', async ({ page }) => {
  const topics = await runBanking(page);
  const said = await topics.produce({ key: 'workshop-test', value: '{"note":"hello from the workshop","amount":12.5}', headers: [['trace', 't-42']] });
  const [, partition, offset] = /partition (\d+) at offset (\d+)/.exec(said)!;
  await topics.view('Messages');
  await topics.find({ partition: partition!, from: 'Offset', offset: offset!, key: '', text: '' });
  const row = topics.rows().first();
  await expect(row.locator('th')).toHaveText(offset!);
  await expect(row.locator('td').nth(2)).toHaveText('workshop-test');
  await expect(row.locator('td').nth(3)).toHaveText('{"note":"hello from the workshop","amount":12.5}');
  await expect(topics.pane.getByRole('heading')).toHaveText(`Partition ${partition} · offset ${offset}`);
  await expect(topics.pane.locator('pre')).toHaveText('{\n  "note": "hello from the workshop",\n  "amount": 12.5\n}');
  await expect(topics.pane.getByRole('list', { name: 'Headers' })).toHaveText('trace: t-42');
  await topics.find({ partition: 'all', from: 'Newest', key: 'workshop', text: '' });
  expect(await topics.column(3)).toEqual(['workshop-test']);
});

test("resetting a group's offsets is refused with Kafka's error while it has members, and done once it has none", async ({ page }) => {
  const topics = await runBanking(page);
  await topics.view('Groups and offsets');
  await topics.reset({ group: PROJECTOR, to: 'Earliest' });
  const refused = page.getByRole('alert', { name: 'Reset result' });
  await expect(refused).toContainText('can only be reset while the group is inactive');
  await expect(refused).toContainText('UNKNOWN_MEMBER_ID');
  // The group commits every 5 s of simulated time: wait for its first commit (a loaded machine runs slower).
  await expect.poll(async () => (await topics.committed(PROJECTOR, EVENTS)).some((c) => Number(c) > 0), { timeout: 30_000 }).toBe(true);
  const before = await topics.committed(PROJECTOR, EVENTS);

  await topics.region.getByRole('button', { name: 'Remove every instance of account-service' }).click();
  await expect(page.getByRole('group', { name: `Group ${PROJECTOR} on ${EVENTS}` })).toContainText('0 members');
  await topics.reset({ group: PROJECTOR, to: 'Earliest' });
  await expect(page.getByRole('status', { name: 'Reset result' })).toContainText(`Offsets of ${PROJECTOR} on ${EVENTS} reset`);
  await expect.poll(() => topics.committed(PROJECTOR, EVENTS)).toEqual(before.map(() => '0'));

  await topics.reset({ group: PROJECTOR, to: 'Offset', offset: '2' });
  await expect.poll(() => topics.committed(PROJECTOR, EVENTS)).toEqual(before.map(() => '2'));
});
