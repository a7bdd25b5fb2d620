// Fitting a sticky's name into its box: greedy word wrap and the largest font size (within a
// range) at which the whole name fits. Used where the browser cannot wrap for us or where the
// size must follow what can be read: stickies drawn zoomed out, and the SVG export, whose
// <text> elements do not wrap. Pure: the width of a string comes from an injected measure.

/** Width in px of `text` drawn at `fontPx` (the same font family and weight for every call). */
export type MeasureText = (text: string, fontPx: number) => number;

export interface FittedText {
  fontPx: number;
  lines: string[];
  /** The name did not fit even at the smallest size: the last line ends with an ellipsis. */
  truncated: boolean;
}

export interface FitOptions {
  width: number;
  height: number;
  minPx: number;
  maxPx: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
}

const ELLIPSIS = '…';

/** Greedy word wrap; a word wider than the line is broken between characters. */
export function wrapLines(text: string, maxWidth: number, fontPx: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, fontPx) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // The word alone is too wide: break it where it overflows.
      let rest = word;
      while (measure(rest, fontPx) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut), fontPx) > maxWidth) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Whether every line of `text` is a whole word sequence (no word broken across lines). */
function breaksWords(text: string, lines: readonly string[]): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  const lineWords = lines.reduce((n, l) => n + l.split(/\s+/).filter(Boolean).length, 0);
  return lineWords !== words;
}

/**
 * The largest font size from `maxPx` down to `minPx` at which the whole text fits the box
 * without breaking a word (or, failing that, at all); at `minPx` what does not fit is cut after
 * the last line that fits, with an ellipsis, so the first words stay readable.
 */
export function fitText(text: string, options: FitOptions, measure: MeasureText): FittedText {
  const { width, height, minPx, maxPx, lineHeight } = options;
  const clean = text.trim();
  if (!clean) return { fontPx: maxPx, lines: [], truncated: false };
  const fits = (px: number, lines: readonly string[]) => lines.length * px * lineHeight <= height + 1e-6;
  // Whole words, from the largest size down to a little under the smallest (a word broken in
  // two reads worse than slightly smaller type).
  for (const px of sizesFrom(maxPx, minPx * WHOLE_WORDS_SLACK)) {
    const lines = wrapLines(clean, width, px, measure);
    if (fits(px, lines) && !breaksWords(clean, lines)) return { fontPx: px, lines, truncated: false };
  }
  // A single word too long for the line at any size: broken, but whole.
  const broken = wrapLines(clean, width, minPx, measure);
  if (fits(minPx, broken)) return { fontPx: minPx, lines: broken, truncated: false };
  const room = Math.max(1, Math.floor(height / (minPx * lineHeight)));
  const kept = broken.slice(0, room);
  let last = `${kept[kept.length - 1] ?? ''}${ELLIPSIS}`;
  while (last.length > 1 && measure(last, minPx) > width) last = `${last.slice(0, -2)}${ELLIPSIS}`;
  kept[kept.length - 1] = last;
  return { fontPx: minPx, lines: kept, truncated: true };
}

/** Whole-word fits may go this far under the smallest size before words are broken. */
const WHOLE_WORDS_SLACK = 0.8;

/** Font sizes from `max` down to `min` in 8 % steps, `min` itself last. */
function sizesFrom(max: number, min: number): number[] {
  const sizes: number[] = [];
  for (let px = max; px > min; px *= 0.92) sizes.push(px);
  sizes.push(Math.min(min, max));
  return sizes;
}
