// A small hand-built board used by several model tests: one flow inside one bounded context.
import { createRng } from '../../lib/rng';
import { createEmptyBoard, makeElement } from '../elements';
import type { Board, BoardLink, ElementId } from '../types';

export function smallBoard(): Board {
  const rng = createRng(1);
  const board = createEmptyBoard('Small', { rng });
  const ctx = makeElement('boundedContext', { x: 0, y: 0 }, 'Orders', { rng });
  const actor = makeElement('actor', { x: 20, y: 40 }, 'Customer', { rng, parentId: ctx.id });
  const cmd = makeElement('command', { x: 200, y: 40 }, 'Place order', { rng, parentId: ctx.id });
  const agg = makeElement('aggregate', { x: 380, y: 40 }, 'Order', { rng, parentId: ctx.id });
  const evt = makeElement('event', { x: 560, y: 40 }, 'Order placed', { rng, parentId: ctx.id });
  const loose = makeElement('hotspot', { x: 900, y: 600 }, 'Who pays shipping?', { rng });
  agg.idField = 'orderId';
  evt.fields = [{ name: 'orderId', type: 'uuid', optional: false, doc: '' }];
  const link = (i: number, source: ElementId, target: ElementId): BoardLink => ({ id: `link:${i}`, source, target, freeForm: false });
  board.elements = [ctx, actor, cmd, agg, evt, loose];
  board.links = [link(1, actor.id, cmd.id), link(2, cmd.id, agg.id), link(3, agg.id, evt.id)];
  return board;
}

export function byText(board: Board, text: string) {
  const el = board.elements.find((e) => e.text === text);
  if (!el) throw new Error(`no element "${text}"`);
  return el;
}
