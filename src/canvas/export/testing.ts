// Helpers for the SVG export's tests: the example boards, a measure without a browser, and the
// names read back from the drawing.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Board } from '../../model';
import { parseBoard } from '../../model/parseBoard';

/** About the width of a bold sans-serif character. */
export const approxMeasure = (text: string, px: number) => text.length * px * 0.6;

export function exampleBoard(file: 'banking' | 'ecommerce'): Board {
  return parseBoard(readFileSync(new URL(`../../../public/examples/${file}.json`, import.meta.url), 'utf8'));
}

/** The text of each sticky group (its <text> lines after the kind label), by its <title>. */
export function stickyTexts(svg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of svg.match(/<g class="sticky"[^>]*>.*?<\/g>/g) ?? []) {
    const title = g.match(/<title>(.*?)<\/title>/)![1]!;
    const lines = [...g.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!).slice(1);
    out.set(title, lines.join(' '));
  }
  return out;
}


/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what rsvg-convert writes) to RGBA pixels. */
export function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Uint8Array[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colour !== 6 && colour !== 2)) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      line[i] = (src[i]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) out[(y * width + x) * 4 + k] = k < channels ? line[x * channels + k]! : 255;
    }
    prev.set(line);
  }
  return { width, height, rgba: out };
}
