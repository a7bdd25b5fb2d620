// What the board looks like on screen, read from the rendered DOM: the zoom, each sticky's
// name as drawn (text and on-screen font size), context names. Used by the legibility specs.
import type { Page } from '@playwright/test';

export interface DrawnName {
  /** The node's accessible name ("Kind: text"). */
  label: string;
  /** The text drawn inside the node, lines joined by spaces. */
  drawn: string;
  /** The drawn text's font size on screen in CSS px (font size × zoom). */
  screenPx: number;
  /** The text ends in an ellipsis or is clipped by its box. */
  cut: boolean;
}

export class BoardView {
  constructor(readonly page: Page) {}

  async zoom(): Promise<number> {
    return this.page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  }

  async fitView(): Promise<void> {
    const before = await this.zoom();
    await this.page.getByRole('button', { name: 'Fit view' }).click();
    await this.page.waitForFunction((z) => {
      const el = document.querySelector('.react-flow__viewport');
      return el !== null && Math.abs(new DOMMatrixReadOnly(getComputedStyle(el).transform).a - z) > 1e-3;
    }, before);
    await this.page.waitForTimeout(400); // the 200 ms fit animation, then a re-render at the final zoom
  }

  /** Every node's name as drawn: stickies (name text) and bounded contexts (title). */
  async drawnNames(): Promise<DrawnName[]> {
    return this.page.locator('.react-flow__node').evaluateAll((nodes) => {
      const viewport = document.querySelector('.react-flow__viewport')!;
      const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      return nodes.map((node) => {
        const text = node.querySelector<HTMLElement>('.sb-compact-name, .sb-text, .sb-context-name');
        const drawn = (text?.innerText ?? '').replace(/\s+/g, ' ').trim();
        const screenPx = text ? parseFloat(getComputedStyle(text).fontSize) * zoom : 0;
        const cut = !text || drawn.endsWith('…') || text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1;
        return { label: node.getAttribute('aria-label') ?? '', drawn, screenPx, cut };
      });
    });
  }
}
