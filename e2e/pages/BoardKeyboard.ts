// The board from the keyboard: what has the focus (a sticky or frame by its accessible name
// "Kind: text", a connection, or another control) and Tab steps through it.
import type { Page } from '@playwright/test';

export interface Focused {
  /** "sticky" for a sticky or a frame, "connection" for a connection, else "other". */
  what: 'sticky' | 'connection' | 'other';
  /** Its accessible name (aria-label, else its text). */
  name: string;
}

export class BoardKeyboard {
  constructor(readonly page: Page) {}

  async focused(): Promise<Focused> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { what: 'other' as const, name: '' };
      const role = el.getAttribute('aria-roledescription');
      const what = role === 'node' ? ('sticky' as const) : role === 'edge' ? ('connection' as const) : ('other' as const);
      return { what, name: el.getAttribute('aria-label') ?? (el.textContent ?? '').trim() };
    });
  }

  /** Presses Tab (Shift+Tab with `back`) and says what has the focus then. */
  async tab(back = false): Promise<Focused> {
    await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    return this.focused();
  }
}
