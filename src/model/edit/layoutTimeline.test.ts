import { describe, expect, it } from 'vitest';
import { createBoardDoc } from '../boardDoc';
import { createEmptyBoard, makeElement } from '../elements';
import { sizeOf } from '../geometry';
import { byText, smallBoard } from '../testing/smallBoard';
import type { Board, BoardElement, BoardLink, ElementId } from '../types';
import { flowRanks, layoutTimeline, TIMELINE_COLUMN_GAP } from './layoutTimeline';

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
});
