import { describe, expect, it } from 'vitest';
import { KIND_LABELS, createEmptyBoard, makeElement } from '../../model';
import { boardToSvg } from './boardSvg';
import { approxMeasure, exampleBoard, stickyTexts } from './testing';

describe('boardToSvg', () => {
  for (const file of ['banking', 'ecommerce'] as const) {
    it(`${file}: shapes and text only, and every name in its sticky's text elements`, () => {
      const board = exampleBoard(file);
      const svg = boardToSvg(board, approxMeasure);
      expect(svg).not.toMatch(/foreignObject|<div|<span/);
      expect(svg.match(/<rect /g)!.length).toBeGreaterThanOrEqual(board.elements.length);
      expect(svg.match(/<path d=/g)!.length - 2).toBe(board.links.length); // two arrowhead markers
      const texts = stickyTexts(svg);
      for (const e of board.elements) {
        if (e.kind === 'boundedContext') expect(svg).toContain(`>${e.text}</text>`);
        else expect(texts.get(`${KIND_LABELS[e.kind]}: ${e.text}`)).toBe(e.text);
      }
      expect(svg.length).toBeLessThan(60_000);
    });
  }

  it('escapes markup in names and caps a very long name at six lines with an ellipsis', () => {
    const board = createEmptyBoard('<Board & co>');
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    board.elements = [makeElement('event', { x: 0, y: 0 }, 'Paid <in full> & "on time"'), makeElement('policy', { x: 300, y: 0 }, long)];
    const svg = boardToSvg(board, approxMeasure);
    expect(svg).toContain('Paid &lt;in full&gt; &amp; &quot;on time&quot;');
    expect(svg).not.toContain('<in full>');
    const policy = [...stickyTexts(svg).entries()].find(([t]) => t.startsWith('Policy'))![1];
    const lines = svg.match(/<g class="sticky"><title>Policy.*?<\/g>/)![0].match(/<text/g)!.length - 1;
    expect(lines).toBe(6);
    expect(policy.endsWith('…')).toBe(true);
    expect(policy.startsWith('word0 word1')).toBe(true);
  });
});
