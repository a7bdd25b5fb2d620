// Page object for collaboration: sharing, joining by link, naming oneself, presence, following
// a view, and a network switch that drops and refuses this page's sync socket (offline) until
// switched back. `workshop` opens one board in several browsers (separate contexts, people).
import { expect, type Browser, type BrowserContext, type Locator, type Page, type WebSocketRoute } from '@playwright/test';
import { COLLAB_URL } from '../collabServer';
import { BoardPage } from './BoardPage';

/** The visible part of the board, in board coordinates, from React Flow's transform. */
export interface VisibleArea {
  x: number;
  y: number;
  width: number;
  height: number;
  zoom: number;
}

/** The first person shares a new board; the others open its link; everyone is named. */
export async function workshop(browser: Browser, names: string[]): Promise<CollabPage[]> {
  const host = await CollabPage.open(await browser.newContext(), `${COLLAB_URL}/`);
  const link = await host.share();
  expect(link).toMatch(new RegExp(`^${COLLAB_URL}/#room=[A-Za-z0-9_-]{22,}$`));
  await host.setName(names[0]!);
  const people = [host];
  for (const name of names.slice(1)) {
    const guest = await CollabPage.open(await browser.newContext(), link);
    await guest.setName(name);
    people.push(guest);
  }
  for (const p of people) await expect(p.participants()).toHaveCount(names.length);
  return people;
}

export async function closeAll(people: CollabPage[]): Promise<void> {
  for (const p of people) await p.page.context().close();
}

export class CollabPage extends BoardPage {
  private offline = false;
  private readonly sockets = new Set<WebSocketRoute>();

  constructor(page: Page) {
    super(page);
  }

  /** Opens a fresh page in a new browser context (another person's browser). */
  static async open(context: BrowserContext, url: string): Promise<CollabPage> {
    const page = await context.newPage();
    const collab = new CollabPage(page);
    await collab.routeSync();
    await page.goto(url);
    await collab.ready();
    return collab;
  }

  /** Routes the sync socket through the test, so the network can be switched off and on. */
  async routeSync(): Promise<void> {
    await this.page.routeWebSocket(/\/sync\//, (ws) => {
      if (this.offline) {
        ws.close({ code: 1006, reason: 'offline' });
        return;
      }
      ws.connectToServer();
      this.sockets.add(ws);
      ws.onClose(() => this.sockets.delete(ws));
    });
  }

  async goOffline(): Promise<void> {
    this.offline = true;
    for (const ws of [...this.sockets]) await ws.close({ code: 1006, reason: 'offline' });
    await expect(this.connection()).toHaveText('Offline');
  }

  async goOnline(): Promise<void> {
    this.offline = false;
    await expect(this.connection()).toHaveText('Live', { timeout: 15_000 });
  }

  connection(): Locator {
    return this.page.getByRole('status', { name: 'Connection' });
  }

  /** Shares the open board and returns its link. */
  async share(): Promise<string> {
    await this.page.getByRole('button', { name: 'Share board' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Share board' });
    const link = await dialog.getByRole('textbox', { name: 'Board link' }).inputValue();
    await dialog.getByRole('button', { name: 'Close' }).click();
    return link;
  }

  async setName(name: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'Your name' });
    await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
    await dialog.getByRole('button', { name: 'Join' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.connection()).toHaveText('Live');
  }

  participants(): Locator {
    return this.page.getByRole('list', { name: 'Participants' }).getByRole('listitem');
  }

  cursorOf(name: string): Locator {
    return this.page.getByRole('img', { name: `${name}'s cursor` });
  }

  /** What part of the board this page shows now. */
  async visibleArea(): Promise<VisibleArea> {
    return this.page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
      const pane = document.querySelector<HTMLElement>('.react-flow__renderer')!.getBoundingClientRect();
      const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
      const zoom = m.a;
      return { x: -m.e / zoom, y: -m.f / zoom, width: pane.width / zoom, height: pane.height / zoom, zoom };
    });
  }

  /** Drags the empty board by (dx, dy) pixels, from a point of the pane given as fractions. */
  async pan(dx: number, dy: number, from = { x: 0.3, y: 0.75 }): Promise<void> {
    const pane = await this.page.locator('.react-flow__renderer').boundingBox();
    if (!pane) throw new Error('no pane');
    const x = pane.x + pane.width * from.x;
    const y = pane.y + pane.height * from.y;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Zooms with the mouse wheel over the pane (negative: in). */
  async wheel(deltaY: number): Promise<void> {
    const pane = await this.page.locator('.react-flow__renderer').boundingBox();
    if (!pane) throw new Error('no pane');
    await this.page.mouse.move(pane.x + pane.width * 0.3, pane.y + pane.height * 0.75);
    await this.page.mouse.wheel(0, deltaY);
  }

  /** The "Following …" indicator (and, in presentation mode, what it says when nobody leads). */
  following(): Locator {
    return this.page.getByRole('status', { name: 'Following' });
  }

  /** Moves this person's pointer over the board. */
  async pointAt(x: number, y: number): Promise<void> {
    const pane = await this.page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    await this.page.mouse.move(pane.x + x, pane.y + y, { steps: 4 });
  }
}
