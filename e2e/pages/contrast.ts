// WCAG contrast of what is drawn, computed in the page from computed colours: a control's text
// against the background it sits on (its own, or the first painted one under it, with opacity
// and alpha composited), and a focus outline against the background around the control.
import type { Locator, Page } from '@playwright/test';

export interface Contrast {
  name: string;
  /** Text against its background. */
  text: number;
  /** Focus outline against the background around the control (0 when there is none). */
  outline: number;
  fg: string;
  bg: string;
}

/** Runs in the page: installs window.__contrastOf(element). */
function install(): void {
  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
  };
  const over = (top: RGBA, under: RGBA): RGBA => {
    const a = top[3] + under[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const mix = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
    return [mix(0), mix(1), mix(2), a];
  };
  const lum = (c: RGBA) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  /** Background painted under `el` (its own included when `self`), composited bottom-up. */
  const backgroundOf = (el: Element | null, self: boolean): RGBA => {
    const chain: Element[] = [];
    for (let e = self ? el : el?.parentElement ?? null; e; e = e.parentElement) chain.push(e);
    let bg: RGBA = [255, 255, 255, 1];
    for (const e of chain.reverse()) {
      const s = getComputedStyle(e);
      const opacity = Number(s.opacity);
      const own = parse(s.backgroundColor);
      bg = over([own[0], own[1], own[2], own[3] * opacity], bg);
    }
    return bg;
  };
  const opacityOf = (el: Element) => {
    let o = 1;
    for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const show = (c: RGBA) => `rgb(${c.slice(0, 3).map((v) => Math.round(v)).join(',')})`;
  (window as unknown as { __contrastOf: (el: Element) => unknown }).__contrastOf = (el: Element) => {
    const s = getComputedStyle(el);
    const under = backgroundOf(el, false);
    const own = parse(s.backgroundColor);
    const o = opacityOf(el);
    const bg = over([own[0], own[1], own[2], own[3] * o], under);
    const fgRaw = parse(s.color);
    const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * o], bg);
    const hasOutline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const oc = parse(s.outlineColor);
    const outline = hasOutline ? ratio(over(oc, under), under) : 0;
    const name = el.getAttribute('aria-label') || (el as HTMLElement).innerText?.trim().slice(0, 40) || el.tagName;
    return { name, text: ratio(fg, bg), outline, fg: show(fg), bg: show(bg) };
  };
}

export async function installContrast(page: Page): Promise<void> {
  await page.evaluate(install);
}

export async function contrastOf(locator: Locator): Promise<Contrast> {
  return locator.evaluate((el) => (window as unknown as { __contrastOf: (e: Element) => Contrast }).__contrastOf(el));
}

export async function contrastOfFocused(page: Page): Promise<Contrast | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return (window as unknown as { __contrastOf: (e: Element) => Contrast }).__contrastOf(el);
  });
}
