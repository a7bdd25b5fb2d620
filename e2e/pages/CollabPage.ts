// Page object for collaboration: sharing, joining by link, naming oneself, presence, and a
// network switch that drops and refuses this page's sync socket (offline) until switched back.
import { expect, type BrowserContext, type Locator, type Page, type WebSocketRoute } from '@playwright/test';
import { BoardPage } from './BoardPage';

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

  /** Moves this person's pointer over the board. */
  async pointAt(x: number, y: number): Promise<void> {
    const pane = await this.page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    await this.page.mouse.move(pane.x + x, pane.y + y, { steps: 4 });
  }
}
