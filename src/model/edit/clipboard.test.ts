import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { createBoardDoc } from '../boardDoc';
import { BoardParseError } from '../errors';
import { byText, smallBoard } from '../testing/smallBoard';
import { copyFragment, parseFragment, pasteFragment, serializeFragment } from './clipboard';

describe('copyFragment', () => {
  it('takes the selection and the links among it, nothing else', () => {
    const board = smallBoard();
    const ids = ['Place order', 'Order', 'Who pays shipping?'].map((t) => byText(board, t).id);
    const fragment = copyFragment(board, ids);
    expect(fragment.elements.map((e) => e.text)).toEqual(['Place order', 'Order', 'Who pays shipping?']);
    expect(fragment.links.map((l) => l.id)).toEqual(['link:2']);
  });

  it('carries stickies out of a context that stays behind, at their place on screen', () => {
    const board = smallBoard();
    const ctx = byText(board, 'Orders');
    ctx.x = 1000;
    const fragment = copyFragment(board, [byText(board, 'Place order').id]);
    expect(fragment.elements[0]).toMatchObject({ x: 1200, y: 40 });
    expect(fragment.elements[0]!.parentId).toBeUndefined();
  });

  it('copies a context with everything in it', () => {
    const board = smallBoard();
    const fragment = copyFragment(board, [byText(board, 'Orders').id]);
    expect(fragment.elements).toHaveLength(5);
    expect(fragment.links).toHaveLength(3);
  });
});

describe('pasteFragment', () => {
  it('gives fresh ids, shifts top-level elements and keeps membership inside the fragment', () => {
    const board = smallBoard();
    const fragment = copyFragment(board, [byText(board, 'Orders').id]);
    const pasted = pasteFragment(fragment, { x: 50, y: 60 }, { rng: createRng(9) });
    const ctx = pasted.elements[0]!;
    expect(ctx).toMatchObject({ text: 'Orders', x: 50, y: 60 });
    expect(ctx.id).not.toBe(byText(board, 'Orders').id);
    for (const el of pasted.elements.slice(1)) {
      expect(el.parentId).toBe(ctx.id);
      expect(el.x).toBe(byText(board, el.text).x);
    }
    const ids = new Set(pasted.elements.map((e) => e.id));
    for (const l of pasted.links) expect(ids.has(l.source) && ids.has(l.target)).toBe(true);
    const doc = createBoardDoc(board);
    doc.addElements(pasted.elements, pasted.links);
    doc.addElements(...(Object.values(pasteFragment(fragment, { x: 0, y: 900 })).slice(0, 2) as [never, never]));
    expect(doc.getBoard().elements).toHaveLength(16);
    expect(doc.getBoard().links).toHaveLength(9);
  });

  it('can paste into a context', () => {
    const board = smallBoard();
    const fragment = copyFragment(board, [byText(board, 'Who pays shipping?').id]);
    const pasted = pasteFragment(fragment, { x: -800, y: -500 }, { parentId: byText(board, 'Orders').id });
    expect(pasted.elements[0]).toMatchObject({ x: 100, y: 100, parentId: byText(board, 'Orders').id });
  });

  it('round-trips through clipboard text and refuses foreign text', () => {
    const board = smallBoard();
    const fragment = copyFragment(board, [byText(board, 'Orders').id]);
    expect(parseFragment(serializeFragment(fragment))).toEqual(fragment);
    expect(() => parseFragment('hello')).toThrow(BoardParseError);
    expect(() => parseFragment('{"type":"stormbench/fragment","version":1,"elements":[{}],"links":[]}')).toThrow(/elements\[0\]/);
    const broken = { ...fragment, elements: fragment.elements.slice(0, 1) };
    expect(() => parseFragment(serializeFragment(broken))).toThrow(/points outside/);
  });
});
