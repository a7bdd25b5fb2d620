import { describe, expect, it } from 'vitest';
import { createBoardDoc } from '../boardDoc';
import { createEmptyBoard, makeElement } from '../elements';
import { sizeOf } from '../geometry';
import { byText, smallBoard } from '../testing/smallBoard';
import type { Board, BoardElement, BoardLink, ElementId } from '../types';
import { flowRanks, layoutTimeline, TIMELINE_COLUMN_GAP, TIMELINE_ROW_GAP } from './layoutTimeline';

function flowBoard(): Board {
  // Deliberately scrambled positions: the flow is actor → command → aggregate → {ok, failed}.
  const board = createEmptyBoard('Flow');
  const actor = makeElement('actor', { x: 900, y: 0 }, 'Customer');
  const cmd = makeElement('command', { x: 100, y: 500 }, 'Pay');
  const agg = makeElement('aggregate', { x: 40, y: 40 }, 'Payment');
  const ok = makeElement('event', { x: 0, y: 900 }, 'Paid');
  const failed = makeElement('event', { x: 0, y: 300 }, 'Payment failed');
  const rm = makeElement('readModel', { x: 10, y: 10 }, 'Receipts');
  const note = makeElement('hotspot', { x: 2000, y: 2000 }, 'Refunds?');
  const link = (s: BoardElement, t: BoardElement, i: number): BoardLink => ({ id: `link:${i}`, source: s.id, target: t.id, freeForm: false });
  board.elements = [actor, cmd, agg, ok, failed, rm, note];
  board.links = [link(actor, cmd, 1), link(cmd, agg, 2), link(agg, ok, 3), link(agg, failed, 4), link(ok, rm, 5), link(rm, actor, 6), link(note, agg, 7)];
  return board;
}

describe('flowRanks', () => {
  it('follows the links, breaks a loop at the leftmost sticky, puts hotspots with what they annotate', () => {
    const board = flowBoard();
    const ranks = flowRanks(board, new Set(board.elements.map((e) => e.id)));
    const r = (t: string) => ranks.get(byText(board, t).id);
    // The loop read model → actor → … has no source: the actor starts it, as on a paper wall.
    expect([r('Customer'), r('Pay'), r('Payment'), r('Paid'), r('Payment failed'), r('Receipts')]).toEqual([0, 1, 2, 3, 3, 4]);
    expect(r('Refunds?')).toBe(r('Payment'));
  });
});

describe('layoutTimeline', () => {
  it('places columns left to right in flow order, stacked by current y, from the selection corner', () => {
    const board = flowBoard();
    const ids = board.elements.filter((e) => e.kind !== 'readModel' && e.kind !== 'hotspot').map((e) => e.id);
    const doc = createBoardDoc(board);
    const before = doc.getBoard();
    doc.moveElements(layoutTimeline(board, ids));
    const after = doc.getBoard();
    const at = (t: string) => byText(after, t);
    expect(at('Customer')).toMatchObject({ x: 0, y: 0 });
    expect(at('Pay').x).toBe(sizeOf(at('Customer')).width + TIMELINE_COLUMN_GAP);
    expect(at('Payment').x).toBeGreaterThan(at('Pay').x);
    expect(at('Payment failed').x).toBe(at('Paid').x);
    expect(at('Payment failed').y).toBeLessThan(at('Paid').y);
    expect(at('Paid').y).toBeGreaterThanOrEqual(at('Payment failed').y + sizeOf(at('Payment failed')).height);
    // Unselected stickies do not move.
    expect(at('Receipts')).toBe(byText(before, 'Receipts'));
  });

  it('returns no moves when the selection is already laid out', () => {
    const board = flowBoard();
    const ids = board.elements.map((e) => e.id);
    const doc = createBoardDoc(board);
    doc.moveElements(layoutTimeline(board, ids));
    expect(layoutTimeline(doc.getBoard(), ids)).toEqual([]);
  });

  it('lays out each context’s members inside it, keeping membership, and ignores contexts', () => {
    const board = smallBoard();
    const ids = board.elements.map((e) => e.id) as ElementId[];
    const moves = layoutTimeline(board, ids);
    expect(moves.some((m) => m.id === byText(board, 'Orders').id)).toBe(false);
    for (const m of moves) expect(m.parentId).toBeUndefined();
    const doc = createBoardDoc(board);
    doc.moveElements(moves);
    const xs = ['Customer', 'Place order', 'Order', 'Order placed'].map((t) => byText(doc.getBoard(), t).x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(xs[0]).toBe(20);
  });

  it('lays unlinked stickies left to right by x, one row per lane, instead of one column', () => {
    const board = createEmptyBoard('Chaotic exploration');
    // Two lanes written in any order: one near y = 0, one near y = 400 (a little off-line).
    const a = makeElement('event', { x: 600, y: 20 }, 'C happened');
    const b = makeElement('event', { x: 100, y: 0 }, 'A happened');
    const c = makeElement('event', { x: 300, y: 30 }, 'B happened');
    const d = makeElement('event', { x: 500, y: 400 }, 'E happened');
    const e = makeElement('event', { x: 200, y: 430 }, 'D happened');
    board.elements = [a, b, c, d, e];
    const doc = createBoardDoc(board);
    doc.moveElements(layoutTimeline(board, board.elements.map((x) => x.id)));
    const after = doc.getBoard();
    const at = (t: string) => byText(after, t);
    const width = sizeOf(a).width + TIMELINE_COLUMN_GAP;
    expect(['A happened', 'B happened', 'C happened'].map((t) => [at(t).x, at(t).y])).toEqual([
      [100, 0],
      [100 + width, 0],
      [100 + 2 * width, 0],
    ]);
    expect(['D happened', 'E happened'].map((t) => [at(t).x, at(t).y])).toEqual([
      [100, sizeOf(a).height + TIMELINE_ROW_GAP],
      [100 + width, sizeOf(a).height + TIMELINE_ROW_GAP],
    ]);
    // Laid out once, it stays put.
    expect(layoutTimeline(after, after.elements.map((x) => x.id))).toEqual([]);
  });

  it('keeps the linked flow in columns and puts unlinked stickies in a row under it', () => {
    const board = flowBoard();
    const loose = makeElement('event', { x: 50, y: 50 }, 'Loose end');
    board.elements.push(loose);
    const doc = createBoardDoc(board);
    doc.moveElements(layoutTimeline(board, board.elements.map((x) => x.id)));
    const after = doc.getBoard();
    const flowBottom = Math.max(...after.elements.filter((x) => x.text !== 'Loose end').map((x) => x.y + sizeOf(x).height));
    expect(byText(after, 'Loose end').y).toBe(flowBottom + TIMELINE_ROW_GAP);
    expect(byText(after, 'Customer').x).toBe(byText(after, 'Loose end').x);
  });
});
