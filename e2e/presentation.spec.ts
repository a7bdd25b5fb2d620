// Presentation mode and following a view, through `npm run collab` with two browsers: a
// projector in presentation mode follows the facilitator's view live and cannot edit; a
// participant follows another's view from the participant list until they move their own.
import { expect, test } from '@playwright/test';
import { CollabPage, closeAll, workshop, type VisibleArea } from './pages/CollabPage';

const LIVE_MS = 1000;

const centre = (a: VisibleArea) => ({ x: a.x + a.width / 2, y: a.y + a.height / 2 });

/** Whether `follower` shows `leader`'s area whole and centred the same (to within 2 screen px). */
async function shows(follower: CollabPage, leader: CollabPage): Promise<boolean> {
  const [f, l] = [await follower.visibleArea(), await leader.visibleArea()];
  const tolerance = 2 / f.zoom;
  const [cf, cl] = [centre(f), centre(l)];
  const whole = f.width >= l.width - tolerance && f.height >= l.height - tolerance;
  return whole && Math.abs(cf.x - cl.x) < tolerance && Math.abs(cf.y - cl.y) < tolerance;
}

test('presentation mode follows the facilitator\'s view live and cannot edit the board', async ({ browser }) => {
  const [ada, projector] = await workshop(browser, ['Ada', 'Projector']);
  const sticky = await ada!.addSticky('Domain event', 'Order placed');
  await expect(projector!.sticky('Domain event', 'Order placed')).toBeVisible({ timeout: LIVE_MS });

  const p = projector!.page;
  await p.getByRole('button', { name: 'Present' }).click();
  await expect(p.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
  await expect(p.getByRole('navigation', { name: 'Sticky palette' })).toHaveCount(0);
  // Large type for the back of the room: the board's name and what the screen follows.
  const px = (l: ReturnType<typeof p.getByRole>) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await px(p.getByRole('banner', { name: 'Presentation' }).getByRole('heading'))).toBeGreaterThanOrEqual(24);
  expect(await px(projector!.following())).toBeGreaterThanOrEqual(18);
  // Nobody facilitates yet: it says so, and the view stays where it is.
  await expect(projector!.following()).toContainText('No facilitator is here');
  const before = await projector!.visibleArea();
  await ada!.pan(-200, -120);
  await p.waitForTimeout(500);
  expect(await projector!.visibleArea()).toEqual(before);

  // Ada takes the facilitator's role: the projector follows her, and keeps following.
  await ada!.page.getByRole('button', { name: 'Facilitate' }).click();
  await expect(ada!.participants()).toContainText(['Ada (you) (facilitator)', 'Projector (presenting)']);
  await expect(projector!.following()).toContainText('Following Ada (facilitator)', { timeout: LIVE_MS });
  await expect.poll(() => shows(projector!, ada!), { timeout: LIVE_MS }).toBe(true);
  await ada!.page.getByRole('button', { name: 'Facilitate' }).click();
  await ada!.pan(250, 180);
  await expect.poll(() => shows(projector!, ada!), { timeout: LIVE_MS }).toBe(true);
  await ada!.wheel(-300);
  await expect.poll(() => shows(projector!, ada!), { timeout: LIVE_MS }).toBe(true);
  // The projector's board fills the window, so it shows the facilitator's area at least as large.
  expect((await projector!.visibleArea()).zoom).toBeGreaterThanOrEqual((await ada!.visibleArea()).zoom - 1e-6);

  // Nothing on the projector edits the board: no drag, no adding, no keys.
  const shown = projector!.sticky('Domain event', 'Order placed');
  const place = await shown.evaluate((el) => (el as HTMLElement).style.transform);
  await projector!.dragTo(shown, 300, 300);
  const box = (await shown.boundingBox())!;
  await p.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await expect(p.getByRole('textbox', { name: 'Domain event text' })).toHaveCount(0);
  await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await p.keyboard.press('Enter');
  await expect(p.getByRole('textbox', { name: 'Domain event text' })).toHaveCount(0);
  await p.keyboard.press('Delete');
  await expect(p.getByRole('status').filter({ hasText: 'presentation mode is read-only' })).toBeVisible();
  await p.keyboard.press('Control+a');
  await p.keyboard.press('Delete');
  await p.keyboard.press('Control+v');
  await p.keyboard.press('Control+z');
  await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  await expect(p.getByRole('menu')).toHaveCount(0);
  await p.mouse.dblclick(10, 400);
  expect(await shown.evaluate((el) => (el as HTMLElement).style.transform)).toBe(place);
  await expect(projector!.stickies()).toHaveCount(1);
  await expect(ada!.stickies()).toHaveCount(1);
  await expect(sticky).toBeVisible();

  // Zooming the projector by hand stops following; one button follows the facilitator again.
  await projector!.wheel(-200);
  await expect(projector!.following()).toContainText('Not following anyone');
  await projector!.following().getByRole('button', { name: 'Follow the facilitator' }).click();
  await expect.poll(() => shows(projector!, ada!), { timeout: LIVE_MS }).toBe(true);

  // Esc leaves; Shift+P comes back; the button leaves too.
  await p.keyboard.press('Escape');
  await expect(p.getByRole('button', { name: 'Leave presentation' })).toHaveCount(0);
  await expect(projector!.paletteButton('Domain event')).toBeVisible();
  await p.keyboard.press('Shift+P');
  await expect(p.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
  await expect(projector!.following()).toContainText('Following Ada', { timeout: LIVE_MS });
  await p.getByRole('button', { name: 'Leave presentation' }).click();
  await expect(projector!.paletteButton('Domain event')).toBeVisible();
  await closeAll([ada!, projector!]);
});

test('follow a participant from the list until you move your own view or press Esc', async ({ browser }) => {
  const [ada, bo] = await workshop(browser, ['Ada', 'Bo']);
  await ada!.addSticky('Domain event', 'Order placed');
  await bo!.page.getByRole('list', { name: 'Participants' }).getByRole('button', { name: 'Follow Ada' }).click();
  await expect(bo!.following()).toContainText('Following Ada');
  await expect(bo!.following().getByRole('button', { name: 'Stop following' })).toBeVisible();
  await ada!.pan(-220, 90);
  await expect.poll(() => shows(bo!, ada!), { timeout: LIVE_MS }).toBe(true);
  await ada!.wheel(250);
  await expect.poll(() => shows(bo!, ada!), { timeout: LIVE_MS }).toBe(true);

  // Bo zooms his own view: following stops, and Ada's moves no longer move him.
  await bo!.wheel(-200);
  await expect(bo!.following()).toHaveCount(0);
  const mine = await bo!.visibleArea();
  await ada!.pan(150, 150);
  await bo!.page.waitForTimeout(600);
  expect(await bo!.visibleArea()).toEqual(mine);

  // Follow again; Esc stops; and so does "Stop following".
  await bo!.page.getByRole('button', { name: 'Follow Ada' }).click();
  await expect.poll(() => shows(bo!, ada!), { timeout: LIVE_MS }).toBe(true);
  await bo!.page.keyboard.press('Escape');
  await expect(bo!.following()).toHaveCount(0);
  await bo!.page.getByRole('button', { name: 'Follow Ada' }).click();
  await bo!.following().getByRole('button', { name: 'Stop following' }).click();
  await expect(bo!.following()).toHaveCount(0);

  // The person followed leaves: it says so, and the view stays where it was.
  await bo!.page.getByRole('button', { name: 'Follow Ada' }).click();
  await expect.poll(() => shows(bo!, ada!), { timeout: LIVE_MS }).toBe(true);
  const last = await bo!.visibleArea();
  await ada!.page.context().close();
  await expect(bo!.following()).toContainText('Ada has left');
  expect(await bo!.visibleArea()).toEqual(last);
  await closeAll([bo!]);
});
