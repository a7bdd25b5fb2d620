// A board whose every decision is deterministic without rules: each command has one outcome,
// and every event field comes from the command or from the aggregate's earlier events. Order
// ids have one writer each; a reservation has two (two policies react to the same event), so
// the order of its two events is a race on both sides and compared as a set. Given the same commands, the simulator and the exported services must end
// with the same events and the same read-model rows (simEqualsKafka.kafka.test.ts).
import { BOARD_VERSION, type Board, type BoardElement, type BoardLink, type ElementId, type LinkId, type PayloadField } from '../../model';

const id = (s: string) => `el:orders-${s}` as ElementId;
const f = (name: string, type: PayloadField['type'], extra: Partial<PayloadField> = {}): PayloadField => ({ name, type, optional: false, doc: '', ...extra });

export function ordersBoard(): Board {
  const els: BoardElement[] = [];
  const links: BoardLink[] = [];
  let n = 0;
  const base = (key: string, text: string) => ({ id: id(key), text, description: '', x: (n++ % 6) * 240, y: Math.floor(n / 6) * 180, parentId: id('ctx') });
  const link = (a: string, b: string) => links.push({ id: `link:orders-${links.length}` as LinkId, source: id(a), target: id(b), freeForm: false });
  const stream = (partitions: number) => ({ partitions, replicationFactor: 3, cleanupPolicy: 'delete' as const, retentionMs: -1 });
  const price = f('price', 'decimal', { precision: 10, scale: 2 });
  const order = [f('orderId', 'uuid'), f('sku', 'string'), f('quantity', 'int'), price];
  els.push({ id: id('ctx'), kind: 'boundedContext', text: 'Orders', description: '', x: -40, y: -40, width: 1600, height: 900, serviceName: 'orders', instances: 2 });
  els.push({ ...base('actor', 'Customer'), kind: 'actor' });
  els.push({ ...base('order', 'Order'), kind: 'aggregate', idField: 'orderId', stream: stream(3) });
  els.push({ ...base('reservation', 'Reservation'), kind: 'aggregate', idField: 'orderId', stream: stream(2) });
  els.push({ ...base('place', 'Place order'), kind: 'command', fields: order });
  els.push({ ...base('placed', 'Order placed'), kind: 'event', fields: order });
  els.push({ ...base('ship', 'Ship order'), kind: 'command', fields: [f('orderId', 'uuid'), f('carrier', 'enum', { symbols: ['post', 'courier'] })] });
  els.push({ ...base('shipped', 'Order shipped'), kind: 'event', fields: [f('orderId', 'uuid'), f('sku', 'string'), f('carrier', 'enum', { symbols: ['post', 'courier'] })] });
  els.push({ ...base('cancel', 'Cancel order'), kind: 'command', fields: [f('orderId', 'uuid'), f('reason', 'string')] });
  els.push({ ...base('cancelled', 'Order cancelled'), kind: 'event', fields: [f('orderId', 'uuid'), f('reason', 'string'), price] });
  els.push({ ...base('policy', 'Whenever an order is placed, reserve its stock'), kind: 'policy' });
  els.push({ ...base('reserve', 'Reserve stock'), kind: 'command', fields: [f('orderId', 'uuid'), f('sku', 'string'), f('quantity', 'int')] });
  els.push({ ...base('reserved', 'Stock reserved'), kind: 'event', fields: [f('orderId', 'uuid'), f('sku', 'string'), f('quantity', 'int')] });
  // A second policy on the same event, commanding the same aggregate id: its command must not
  // be taken for the first policy's (command ids derive from the policy and the event).
  els.push({ ...base('policy2', 'Whenever an order is placed, print its pick list'), kind: 'policy' });
  els.push({ ...base('print', 'Print pick list'), kind: 'command', fields: [f('orderId', 'uuid'), f('sku', 'string')] });
  els.push({ ...base('printed', 'Pick list printed'), kind: 'event', fields: [f('orderId', 'uuid'), f('sku', 'string')] });
  els.push({ ...base('orders', 'Orders'), kind: 'readModel' });
  els.push({ ...base('reservations', 'Reservations'), kind: 'readModel' });
  for (const c of ['place', 'ship', 'cancel']) {
    link('actor', c);
    link(c, 'order');
  }
  link('order', 'placed');
  link('order', 'shipped');
  link('order', 'cancelled');
  link('placed', 'policy');
  link('policy', 'reserve');
  link('reserve', 'reservation');
  link('reservation', 'reserved');
  link('placed', 'policy2');
  link('policy2', 'print');
  link('print', 'reservation');
  link('reservation', 'printed');
  for (const e of ['placed', 'shipped', 'cancelled']) link(e, 'orders');
  link('reserved', 'reservations');
  return { version: BOARD_VERSION, id: 'board:orders' as Board['id'], name: 'Orders', settings: { allowFreeFormLinks: false, topicStrategy: 'perAggregateType', snapToGrid: true }, elements: els, links };
}
