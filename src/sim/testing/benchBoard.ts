// A board sized for the smoothness benchmark: 64 partitions (two aggregates of 12 and 8
// partitions, their command topics and two read-model tables) and 8 consumer groups (2
// command handlers, 4 policies, 2 projectors), with no policy loop.
import type { Board, BoardElement, BoardLink, ElementId, LinkId, PayloadField } from '../../model';
import { BOARD_VERSION } from '../../model';

const id = (s: string) => `el:bench-${s}` as ElementId;
const f = (name: string, type: PayloadField['type']): PayloadField => ({ name, type, optional: false, doc: '' });

export function benchBoard(): Board {
  const els: BoardElement[] = [];
  const links: BoardLink[] = [];
  let n = 0;
  const base = (key: string, text: string) => ({ id: id(key), text, description: '', x: (n++ % 8) * 220, y: Math.floor(n / 8) * 160, parentId: id('ctx') });
  const link = (a: string, b: string, weight?: number) => links.push({ id: `link:bench-${links.length}` as LinkId, source: id(a), target: id(b), freeForm: false, ...(weight ? { weight } : {}) });
  els.push({ id: id('ctx'), kind: 'boundedContext', text: 'Bench', description: '', x: -40, y: -40, width: 2000, height: 1200, serviceName: 'bench-service', instances: 2 });
  els.push({ ...base('actor', 'User'), kind: 'actor' });
  const stream = (partitions: number) => ({ partitions, replicationFactor: 3, cleanupPolicy: 'delete' as const, retentionMs: -1 });
  els.push({ ...base('a', 'Basket'), kind: 'aggregate', idField: 'basketId', stream: stream(12) });
  els.push({ ...base('b', 'Parcel'), kind: 'aggregate', idField: 'parcelId', stream: stream(8) });
  els.push({ ...base('ca1', 'Add item'), kind: 'command', fields: [f('basketId', 'uuid'), f('sku', 'string'), f('quantity', 'int')] });
  els.push({ ...base('ea1', 'Item added'), kind: 'event', fields: [f('basketId', 'uuid'), f('sku', 'string'), f('quantity', 'int')] });
  els.push({ ...base('ea2', 'Item refused'), kind: 'event', fields: [f('basketId', 'uuid'), f('sku', 'string')] });
  els.push({ ...base('cb1', 'Reserve parcel'), kind: 'command', fields: [f('parcelId', 'uuid'), f('sku', 'string')] });
  els.push({ ...base('cb2', 'Label parcel'), kind: 'command', fields: [f('parcelId', 'uuid'), f('label', 'string')] });
  els.push({ ...base('eb1', 'Parcel reserved'), kind: 'event', fields: [f('parcelId', 'uuid'), f('sku', 'string')] });
  els.push({ ...base('eb2', 'Parcel labelled'), kind: 'event', fields: [f('parcelId', 'uuid'), f('label', 'string')] });
  for (const [k, text] of [
    ['p1', 'Whenever an item is added, reserve a parcel'],
    ['p2', 'Whenever an item is refused, label a parcel'],
    ['p3', 'Whenever a parcel is reserved, label it'],
    ['p4', 'Whenever an item is added, label a parcel'],
  ] as const)
    els.push({ ...base(k, text), kind: 'policy' });
  els.push({ ...base('r1', 'Baskets'), kind: 'readModel' });
  els.push({ ...base('r2', 'Parcels'), kind: 'readModel' });
  link('actor', 'ca1');
  link('ca1', 'a');
  link('a', 'ea1', 9);
  link('a', 'ea2', 1);
  link('cb1', 'b');
  link('cb2', 'b');
  link('b', 'eb1');
  link('b', 'eb2');
  link('ea1', 'p1');
  link('p1', 'cb1');
  link('ea2', 'p2');
  link('p2', 'cb2');
  link('eb1', 'p3');
  link('p3', 'cb2');
  link('ea1', 'p4');
  link('p4', 'cb2');
  link('ea1', 'r1');
  link('ea2', 'r1');
  link('ea1', 'r2');
  link('eb1', 'r2');
  link('eb2', 'r2');
  return { version: BOARD_VERSION, id: 'board:bench' as Board['id'], name: 'Bench', settings: { allowFreeFormLinks: false, topicStrategy: 'perAggregateType', snapToGrid: true }, elements: els, links };
}
