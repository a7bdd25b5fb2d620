// A workshop on one board through `npm run collab`: two and three browsers (separate contexts,
// as separate people), edits both ways within a second, concurrent moves converging, offline
// edits merging on reconnect, undo per person, presence; and, without a server, two tabs of
// one browser in step.
import { expect, test } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';
import { CollabPage, closeAll, workshop } from './pages/CollabPage';

const LIVE_MS = 1000;

/** A sticky's place on the board (React Flow's node transform, in board coordinates). */
async function placeOf(page: CollabPage, kind: 'Domain event' | 'Command', text: string): Promise<string> {
  return page.sticky(kind, text).evaluate((el) => (el as HTMLElement).style.transform);
}

test('an edit in one browser appears in the other within a second, both ways', async ({ browser }) => {
  const [ada, bo] = await workshop(browser, ['Ada', 'Bo']);
  await ada!.addSticky('Domain event', 'Order placed');
  await expect(bo!.sticky('Domain event', 'Order placed')).toBeVisible({ timeout: LIVE_MS });
  await bo!.addSticky('Command', 'Place order');
  await expect(ada!.sticky('Command', 'Place order')).toBeVisible({ timeout: LIVE_MS });
  await closeAll([ada!, bo!]);
});

test('three browsers: each one\'s edit reaches the other two', async ({ browser }) => {
  const people = await workshop(browser, ['Ada', 'Bo', 'Cy']);
  const texts = ['From Ada', 'From Bo', 'From Cy'];
  for (const [i, p] of people.entries()) {
    await p.addSticky('Domain event', texts[i]!);
    for (const other of people) await expect(other.sticky('Domain event', texts[i]!)).toBeVisible({ timeout: LIVE_MS });
  }
  await closeAll(people);
});

test('concurrent moves of one sticky converge; offline edits merge when the connection returns', async ({ browser }) => {
  const [ada, bo] = await workshop(browser, ['Ada', 'Bo']);
  await ada!.addSticky('Domain event', 'Order placed');
  await expect(bo!.sticky('Domain event', 'Order placed')).toBeVisible({ timeout: LIVE_MS });
  await ada!.goOffline();
  await bo!.goOffline();
  // Both move the same sticky, each somewhere else, and add a sticky of their own.
  await ada!.dragTo(ada!.sticky('Domain event', 'Order placed'), 300, 250);
  await bo!.dragTo(bo!.sticky('Domain event', 'Order placed'), 500, 400);
  await ada!.addSticky('Command', 'Offline at Ada');
  await bo!.addSticky('Command', 'Offline at Bo');
  await expect(ada!.sticky('Command', 'Offline at Bo')).toHaveCount(0);
  await ada!.goOnline();
  await bo!.goOnline();
  for (const p of [ada!, bo!]) {
    await expect(p.sticky('Command', 'Offline at Ada')).toBeVisible();
    await expect(p.sticky('Command', 'Offline at Bo')).toBeVisible();
  }
  await expect.poll(async () => (await placeOf(ada!, 'Domain event', 'Order placed')) === (await placeOf(bo!, 'Domain event', 'Order placed'))).toBe(true);
  await closeAll([ada!, bo!]);
});

test('undo takes back only your own change', async ({ browser }) => {
  const [ada, bo] = await workshop(browser, ['Ada', 'Bo']);
  await ada!.addSticky('Domain event', 'Ada wrote this');
  await bo!.addSticky('Command', 'Bo wrote this');
  await expect(ada!.sticky('Command', 'Bo wrote this')).toBeVisible({ timeout: LIVE_MS });
  await ada!.undo();
  for (const p of [ada!, bo!]) {
    await expect(p.sticky('Domain event', 'Ada wrote this')).toHaveCount(0, { timeout: LIVE_MS });
    await expect(p.sticky('Command', 'Bo wrote this')).toBeVisible();
  }
  await closeAll([ada!, bo!]);
});

test('presence: each sees the other in the participant list and the other\'s cursor', async ({ browser }) => {
  const [ada, bo] = await workshop(browser, ['Ada', 'Bo <b>bold</b>']);
  await expect(ada!.participants()).toContainText(['Ada (you)', 'Bo <b>bold</b>']);
  // A name is text, never markup.
  await expect(ada!.page.locator('.sb-participants b')).toHaveCount(0);
  await ada!.pointAt(200, 150);
  await expect(bo!.cursorOf('Ada')).toBeVisible({ timeout: LIVE_MS });
  await bo!.pointAt(300, 200);
  await expect(ada!.cursorOf('Bo <b>bold</b>')).toBeVisible({ timeout: LIVE_MS });
  await closeAll([ada!, bo!]);
});

test('without a server, two tabs of one browser stay in step, and sharing says a server is needed', async ({ page, context }) => {
  const first = new BoardPage(page);
  await first.goto();
  const secondPage = await context.newPage();
  const second = new BoardPage(secondPage);
  await second.goto();
  await first.addSticky('Domain event', 'Seen in both tabs');
  await expect(second.sticky('Domain event', 'Seen in both tabs')).toBeVisible({ timeout: LIVE_MS });
  await second.addSticky('Command', 'Back again');
  await expect(first.sticky('Command', 'Back again')).toBeVisible({ timeout: LIVE_MS });
  await page.getByRole('button', { name: 'Share board' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share board' });
  await expect(dialog).toContainText('a server is needed');
  await expect(dialog.getByRole('textbox', { name: 'Board link' })).toHaveCount(0);
});

test('facilitation: the timer and the phase reach everyone; a dot vote is anonymous until closed, then ranked for all', async ({ browser }) => {
  const [ada, bo] = await workshop(browser, ['Ada', 'Bo']);
  await ada!.addSticky('Domain event', 'Event A');
  await ada!.addSticky('Domain event', 'Event B');
  await expect(bo!.sticky('Domain event', 'Event B')).toBeVisible({ timeout: LIVE_MS });
  const panel = ada!.page.getByRole('group', { name: 'Facilitation' });
  await ada!.page.getByRole('button', { name: 'Facilitate' }).click();
  await panel.getByRole('spinbutton', { name: 'Timer minutes' }).fill('5');
  await panel.getByRole('button', { name: 'Start timer' }).click();
  await expect(bo!.page.getByRole('timer', { name: 'Session timer' })).toHaveText(/^[45]:\d\d$/, { timeout: LIVE_MS });
  await panel.getByRole('button', { name: 'Pause timer' }).click();
  await expect(bo!.page.getByRole('region', { name: 'Session' })).toContainText('(paused)', { timeout: LIVE_MS });
  await panel.getByRole('button', { name: 'Start phases' }).click();
  await expect(bo!.page.getByRole('region', { name: 'Session' })).toContainText('Phase 1 of 6: Chaotic exploration', { timeout: LIVE_MS });

  await panel.getByRole('spinbutton', { name: 'Dots per person' }).fill('2');
  await panel.getByRole('button', { name: 'Open vote' }).click();
  const boVote = bo!.page.getByRole('group', { name: 'Dot vote' });
  await expect(boVote).toContainText('2 of 2 dots left', { timeout: LIVE_MS });
  const adaVote = ada!.page.getByRole('group', { name: 'Dot vote' });
  await ada!.sticky('Domain event', 'Event A').click();
  await adaVote.getByRole('button', { name: 'Add dot' }).click();
  await adaVote.getByRole('button', { name: 'Add dot' }).click();
  await expect(adaVote).toContainText('0 of 2 dots left');
  await expect(adaVote.getByRole('button', { name: 'Add dot' })).toBeDisabled();
  await bo!.sticky('Domain event', 'Event B').click();
  await boVote.getByRole('button', { name: 'Add dot' }).click();
  await bo!.sticky('Domain event', 'Event A').click();
  await boVote.getByRole('button', { name: 'Add dot' }).click();
  // Nobody sees totals while the vote is open.
  await expect(bo!.page.getByRole('list', { name: 'Vote results' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Close vote' }).click();
  for (const p of [ada!, bo!]) {
    await expect(p.page.getByRole('list', { name: 'Vote results' }).getByRole('listitem')).toHaveText(['Event A — 3 dots', 'Event B — 1 dot'], { timeout: LIVE_MS });
  }
  await closeAll([ada!, bo!]);
});
