// Page object for the board: finds controls by role and accessible name (docs/ui-names.md),
// so the specs read like what a workshop facilitator does.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type KindLabel =
  | 'Domain event'
  | 'Command'
  | 'Policy'
  | 'Aggregate'
  | 'Read model'
  | 'External system'
  | 'Actor'
  | 'Hotspot'
  | 'Bounded context';

export interface ExportedBoard {
  version: number;
  id: string;
  name: string;
  settings: { allowFreeFormLinks: boolean; snapToGrid: boolean };
  elements: Array<{ id: string; kind: string; text: string; x: number; y: number; parentId?: string; description: string }>;
  links: Array<{ id: string; source: string; target: string; freeForm: boolean }>;
}

export class BoardPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.paletteButton('Domain event')).toBeEnabled();
    await expect(this.page.locator('.react-flow__renderer')).toBeVisible();
  }

  paletteButton(kind: KindLabel): Locator {
    return this.page.getByRole('navigation', { name: 'Sticky palette' }).getByRole('button', { name: kind, exact: true });
  }

  /** A sticky on the board, by kind and text (its accessible name is "Kind: text"). */
  sticky(kind: KindLabel, text: string): Locator {
    return this.page.getByRole('group', { name: `${kind}: ${text}`, exact: true });
  }

  stickies(): Locator {
    return this.page.locator('.react-flow__node');
  }

  edges(): Locator {
    return this.page.locator('.react-flow__edge');
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** Adds a sticky from the palette and types its text into the editor that opens. */
  async addSticky(kind: KindLabel, text: string): Promise<Locator> {
    await this.paletteButton(kind).click();
    const editor = this.page.getByRole('textbox', { name: `${kind} text` });
    await expect(editor).toBeFocused();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    const sticky = this.sticky(kind, text);
    await expect(sticky).toBeVisible();
    return sticky;
  }

  async renameByDoubleClick(sticky: Locator, kind: KindLabel, text: string): Promise<void> {
    await sticky.dblclick();
    const editor = this.page.getByRole('textbox', { name: `${kind} text` });
    await expect(editor).toBeFocused();
    await editor.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Drags a sticky by its body so that its centre lands at the given screen point. */
  async dragTo(sticky: Locator, x: number, y: number): Promise<void> {
    const box = await sticky.boundingBox();
    if (!box) throw new Error('sticky not visible');
    const m = this.page.mouse;
    await m.move(box.x + box.width / 2, box.y + box.height - 12);
    await m.down();
    await m.move(box.x + box.width / 2 + 10, box.y + box.height - 2, { steps: 3 });
    await m.move(x, y + box.height / 2 - 12, { steps: 12 });
    await m.up();
  }

  /** Drags from one sticky's output handle to another sticky's input handle. */
  async connect(from: Locator, to: Locator, options: { beforeRelease?: () => Promise<void> } = {}): Promise<void> {
    await from.hover();
    const source = from.locator('.react-flow__handle.source');
    const target = to.locator('.react-flow__handle.target');
    const a = await source.boundingBox();
    if (!a) throw new Error('source handle not found');
    await to.hover();
    const b = await target.boundingBox();
    if (!b) throw new Error('target handle not found');
    const m = this.page.mouse;
    await from.hover();
    await m.move(a.x + a.width / 2, a.y + a.height / 2);
    await m.down();
    await m.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await m.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await options.beforeRelease?.();
    await m.up();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo', exact: true }).click();
  }

  async redo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Redo', exact: true }).click();
  }

  async openExample(name: 'Banking' | 'E-commerce'): Promise<void> {
    await this.page.getByRole('button', { name: 'Open example' }).click();
    await this.page.getByRole('button', { name, exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Boards' })).toContainText(name);
  }

  /** Opens an example and runs its simulation at `speed`, until the Partitions table has rows. */
  async runExample(name: 'Banking' | 'E-commerce', speed: string): Promise<void> {
    await this.goto();
    await this.openExample(name);
    await this.page.getByRole('combobox', { name: 'Speed' }).selectOption(speed);
    await this.page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await expect(this.page.getByRole('table', { name: 'Partitions' }).locator('tbody tr').first()).toBeVisible();
  }

  async exportBoard(): Promise<{ text: string; board: ExportedBoard; download: Download }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export board' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return { text, board: JSON.parse(text) as ExportedBoard, download };
  }

  async importBoard(name: string, content: string | Buffer): Promise<void> {
    await this.page.getByLabel('Import board').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
  }

  /** Board menu → Export slices: the downloaded document's text. */
  async exportSlices(): Promise<string> {
    await this.page.getByRole('button', { name: 'Boards' }).click();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export slices' }).click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Board menu → Import slices…, choosing a file in the file chooser it opens. */
  async importSlices(name: string, content: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Boards' }).click();
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByRole('button', { name: 'Import slices…' }).click()]);
    await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  /** Switches to a saved board by its name in the board menu. */
  async openBoard(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Boards' }).click();
    await this.page.getByRole('list', { name: 'Saved boards' }).getByRole('button', { name, exact: true }).click();
    await expect(this.boardName()).toContainText(name);
  }

  boardName(): Locator {
    return this.page.getByRole('button', { name: 'Boards' });
  }

  /**
   * Board menu → New board, and waits until the new board is the one on screen: until then a
   * sticky added, a rename or a reload still acts on the previous board (the board store opens
   * the new one a moment after the click; seconds on a loaded machine).
   */
  async newBoard(): Promise<void> {
    const before = (await this.boardName().textContent()) ?? '';
    await this.boardName().click();
    await this.page.getByRole('button', { name: 'New board' }).click();
    await expect(this.boardName()).not.toHaveText(before);
    await expect(this.boardName()).toContainText('Untitled board');
  }

  /** The simulated time the dock shows, in seconds. */
  async simClock(): Promise<number> {
    return Number((await this.page.getByLabel('Simulated time').textContent())!.replace(/[^0-9.]/g, ''));
  }

  /** Pauses the run and waits until its clock holds (a snapshot already on its way may move it once); returns that instant. */
  async pauseRun(): Promise<number> {
    await this.page.getByRole('button', { name: 'Pause simulation', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Resume simulation', exact: true })).toBeVisible();
    await expect
      .poll(async () => {
        const before = await this.simClock();
        await this.page.waitForTimeout(300);
        return (await this.simClock()) === before;
      })
      .toBe(true);
    return this.simClock();
  }
}
