import { describe, expect, it } from 'vitest';
import { compileTopology, hasErrors } from './compileTopology';
import { bankingBoard } from './testing/bankingBoard';
import { BoardBuilder, field } from './testing/boardBuilder';
import type { Topology } from './types';

const byLabel = <T extends { label: string }>(items: T[], label: string): T => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no ${label}`);
  return found;
};
const topic = (t: Topology, id: string) => t.topics.find((x) => x.id === id)!;

describe('compileTopology on the banking board', () => {
  const t = compileTopology(bankingBoard());

  it('compiles without errors', () => {
    expect(t.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(hasErrors(t)).toBe(false);
  });

  it('gives each aggregate type one partitioned event topic keyed by its id (perAggregateType)', () => {
    const account = byLabel(t.aggregates, 'Account');
    const events = topic(t, account.eventTopicId);
    expect(events).toMatchObject({
      name: 'account-service.account.events',
      partitions: 12,
      replicationFactor: 3,
      keyField: 'accountId',
      perInstance: false,
      configs: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * 24 * 3600 * 1000) },
    });
  });

  it('routes commands to the aggregate handler through a command topic keyed by aggregate id', () => {
    const deposit = byLabel(t.commands, 'Deposit money');
    const account = byLabel(t.aggregates, 'Account');
    expect(deposit.handler).toEqual({ kind: 'aggregate', elementId: account.elementId });
    expect(deposit.topicId).toBe(account.commandTopicId);
    expect(deposit.keyField).toBe('accountId');
    expect(topic(t, account.commandTopicId)).toMatchObject({ name: 'account-service.account.commands', partitions: 12, keyField: 'accountId' });
    expect(account.groupId).toBe('account-service.account.handler');
  });

  it('infers which events each command leads to, with the link weights', () => {
    const account = byLabel(t.aggregates, 'Account');
    const label = (id: string) => t.events.find((e) => e.elementId === id)!.label;
    const outcomes = Object.fromEntries(
      account.commands.map((c) => [
        t.commands.find((x) => x.elementId === c.commandId)!.label,
        c.outcomes.map((o) => [label(o.eventId), o.weight]),
      ]),
    );
    expect(outcomes).toEqual({
      'Deposit money': [['Money deposited', 1]],
      'Withdraw money': [
        ['Money withdrawn', 9],
        ['Withdrawal rejected', 1],
      ],
    });
  });

  it('makes a consumer group per policy: its triggering event topics in, its commands out', () => {
    const policy = byLabel(t.policies, 'Notify on rejection');
    expect(policy.groupId).toBe('alerts.notify-on-rejection.policy');
    expect(policy.topicIds).toEqual([byLabel(t.aggregates, 'Account').eventTopicId]);
    expect(policy.commands).toEqual([byLabel(t.commands, 'Send alert').elementId]);
  });

  it('makes a projector per read model with a compacted table topic', () => {
    const p = byLabel(t.projectors, 'Account balances');
    expect(p.groupId).toBe('account-service.account-balances.projector');
    const table = topic(t, p.tableTopicId);
    expect(table).toMatchObject({ role: 'table', name: 'account-service.account-balances.table', partitions: 12 });
    expect(table.configs['cleanup.policy']).toBe('compact');
    // Fed by the account stream and by the card network's source topic.
    expect(p.topicIds).toHaveLength(2);
  });

  it('treats external systems as event sources with their own topic', () => {
    const ext = byLabel(t.externalSystems, 'Card network');
    expect(ext.sourceTopicId).not.toBeNull();
    expect(topic(t, ext.sourceTopicId!)).toMatchObject({ role: 'external', keyField: 'accountId' });
    expect(byLabel(t.events, 'Card payment captured').topicId).toBe(ext.sourceTopicId);
  });

  it('has one service per bounded context with its instance count', () => {
    expect(t.services.map((s) => [s.name, s.instances, s.aggregates.length, s.policies.length, s.projectors.length])).toEqual([
      ['account-service', 3, 1, 0, 1],
      ['alerts', 1, 1, 1, 0],
    ]);
  });
});

describe('topic strategies', () => {
  it('perAggregateInstance: one single-partition topic per instance, named from a prefix', () => {
    const t = compileTopology(bankingBoard('perAggregateInstance'));
    const events = topic(t, byLabel(t.aggregates, 'Account').eventTopicId);
    expect(events).toMatchObject({ perInstance: true, partitions: 1, name: 'account-service.account.events' });
    // Commands stay partitioned by aggregate id.
    expect(topic(t, byLabel(t.aggregates, 'Account').commandTopicId).partitions).toBe(12);
  });

  it('sharedTopic: one topic for all aggregate types, keys prefixed by aggregate type', () => {
    const t = compileTopology(bankingBoard('sharedTopic'));
    const ids = new Set(t.aggregates.map((a) => a.eventTopicId));
    expect(ids.size).toBe(1);
    const shared = topic(t, [...ids][0]!);
    expect(shared).toMatchObject({ name: 'banking.events', partitions: 12, replicationFactor: 3, keyPrefixedByType: true });
    expect(shared.elementIds).toHaveLength(2);
  });
});

describe('services', () => {
  it('puts stickies outside any context into a default service, and ignores free-form links', () => {
    const b = new BoardBuilder();
    const cmd = b.command('Open account', [field('accountId')]);
    const agg = b.aggregate('Account', 'accountId');
    const ev = b.event('Account opened', [field('accountId')]);
    const rm = b.readModel('Accounts');
    b.chain(b.actor('Clerk'), cmd, agg, ev);
    b.link(ev, rm, { freeForm: true });
    const t = compileTopology(b.build());
    expect(t.services.map((s) => s.name)).toEqual(['default-service']);
    expect(byLabel(t.projectors, 'Accounts').events).toEqual([]);
  });

  it('keeps service names unique when contexts clean to the same name', () => {
    const b = new BoardBuilder();
    b.context('Billing!');
    b.context('billing');
    b.context('', { serviceName: 'Billing' });
    const t = compileTopology(b.build());
    expect(t.services.map((s) => s.name)).toEqual(['billing', 'billing-2', 'billing-3']);
  });
});

describe('problems', () => {
  const codes = (t: Topology) => t.problems.map((p) => [p.severity, p.code]);

  it('reports a policy that issues no command, pinned to the policy', () => {
    const b = new BoardBuilder();
    const cmd = b.command('Pay', [field('orderId')]);
    const agg = b.aggregate('Payment', 'orderId');
    const ev = b.event('Order paid', [field('orderId')]);
    const pol = b.policy('Ship when paid');
    b.chain(b.actor('Buyer'), cmd, agg, ev, pol);
    const t = compileTopology(b.build());
    expect(t.problems).toContainEqual({
      severity: 'error',
      code: 'policy-without-command',
      message: "Policy 'Ship when paid' issues no command: link it to the command it sends.",
      elementIds: [pol],
    });
  });

  it("reports an event that lacks its aggregate's id field", () => {
    const b = new BoardBuilder();
    const cmd = b.command('Deposit money', [field('accountId')]);
    const agg = b.aggregate('Account', 'accountId');
    const ev = b.event('Money deposited', [field('amount', 'double')]);
    b.chain(b.actor('Customer'), cmd, agg, ev);
    const t = compileTopology(b.build());
    const p = t.problems.find((x) => x.code === 'event-without-key-field')!;
    expect(p.severity).toBe('error');
    expect(p.message).toMatch(/^Event 'Money deposited' has no key field: add the field "accountId"/);
    expect(p.elementIds).toEqual([ev, agg]);
  });

  it('reports commands no one handles, events nothing produces and aggregates without id field', () => {
    const b = new BoardBuilder();
    const lonely = b.command('Close account', [field('accountId')]);
    const orphan = b.event('Account closed', [field('accountId')]);
    const agg = b.aggregate('Ledger', '  ');
    b.link(b.actor('Clerk'), lonely);
    const t = compileTopology(b.build());
    expect(codes(t)).toEqual(
      expect.arrayContaining([
        ['error', 'command-without-handler'],
        ['error', 'event-without-producer'],
        ['error', 'aggregate-without-id-field'],
        ['warning', 'aggregate-without-commands'],
      ]),
    );
    expect(t.problems.find((p) => p.code === 'command-without-handler')!.elementIds).toEqual([lonely]);
    expect(t.problems.find((p) => p.code === 'event-without-producer')!.elementIds).toEqual([orphan]);
    expect(t.problems.find((p) => p.code === 'aggregate-without-id-field')!.elementIds).toEqual([agg]);
  });

  it('reports commands without key field, several handlers, or no trigger', () => {
    const b = new BoardBuilder();
    const cmd = b.command('Deposit', [field('amount', 'double')]);
    const a1 = b.aggregate('A', 'accountId');
    const a2 = b.aggregate('B', 'accountId');
    b.link(cmd, a1).link(cmd, a2).link(a1, b.event('Deposited', [field('accountId')]));
    const t = compileTopology(b.build());
    expect(codes(t)).toEqual(
      expect.arrayContaining([
        ['error', 'command-with-several-handlers'],
        ['error', 'command-without-key-field'],
        ['warning', 'command-without-trigger'],
      ]),
    );
  });

  it('reports an aggregate that produces no event and a policy with no trigger', () => {
    const b = new BoardBuilder();
    const cmd = b.command('Do', [field('id')]);
    const agg = b.aggregate('Thing', 'id');
    const pol = b.policy('Whenever');
    b.chain(b.actor('Someone'), cmd, agg).chain(pol, cmd);
    const t = compileTopology(b.build());
    expect(t.problems.find((p) => p.code === 'aggregate-without-events')).toMatchObject({ severity: 'error', elementIds: [agg] });
    expect(t.problems.find((p) => p.code === 'policy-without-trigger')).toMatchObject({ severity: 'error', elementIds: [pol] });
  });

  it('warns about compacted event streams and out-of-range stream settings (clamped)', () => {
    const b = new BoardBuilder();
    const cmd = b.command('Do', [field('id')]);
    const agg = b.aggregate('Thing', 'id', { stream: { cleanupPolicy: 'compact', partitions: 5000 } });
    b.chain(b.actor('Someone'), cmd, agg, b.event('Done', [field('id')]));
    const t = compileTopology(b.build());
    expect(codes(t)).toEqual(expect.arrayContaining([['warning', 'compacted-event-stream'], ['warning', 'stream-settings-out-of-range']]));
    expect(t.topics[0]!.partitions).toBe(1000);
  });

  it('reports enum fields without symbols and field names that collide after cleaning', () => {
    const b = new BoardBuilder();
    const ev = b.event('Tagged', [field('tag', 'enum', { symbols: [] }), field('my field'), field('my-field')]);
    const t = compileTopology(b.build());
    expect(t.problems.find((p) => p.code === 'enum-without-symbols')).toMatchObject({ severity: 'error', elementIds: [ev] });
    expect(t.problems.find((p) => p.code === 'field-name-collision')).toMatchObject({ severity: 'warning' });
    expect(t.events[0]!.fields.map((f) => f.name)).toEqual(['tag', 'myField', 'myField2']);
  });

  it('warns when a policy cannot find the target aggregate id in its triggering event', () => {
    const b = new BoardBuilder();
    const ev = b.event('Order paid', [field('orderId')]);
    const pol = b.policy('Ship when paid');
    const ship = b.command('Ship', [field('shipmentId')]);
    const agg = b.aggregate('Shipment', 'shipmentId');
    const src = b.external('Payments');
    b.chain(src, ev, pol, ship, agg, b.event('Shipped', [field('shipmentId')]));
    const t = compileTopology(b.build());
    expect(t.problems.find((p) => p.code === 'policy-cannot-route')).toMatchObject({ severity: 'warning', elementIds: [pol, ev] });
  });
});

describe('repeated stickies of one concept', () => {
  it('treats aggregate stickies with the same text in a service as one aggregate, outcomes per sticky', () => {
    const b = new BoardBuilder();
    const ctx = b.context('Accounts');
    const open = b.command('Open account', [field('accountId')], { parent: ctx });
    const deposit = b.command('Deposit money', [field('accountId')], { parent: ctx });
    const a1 = b.aggregate('Account', 'accountId', { parent: ctx });
    const a2 = b.aggregate(' account ', 'accountId', { parent: ctx });
    const opened = b.event('Account opened', [field('accountId')], { parent: ctx });
    const deposited = b.event('Money deposited', [field('accountId')], { parent: ctx });
    const rm1 = b.readModel('Balance', { parent: ctx });
    const rm2 = b.readModel('Balance', { parent: ctx });
    const clerk = b.actor('Clerk', { parent: ctx });
    b.chain(clerk, open, a1, opened, rm1).chain(clerk, deposit, a2, deposited, rm2);
    const t = compileTopology(b.build());
    expect(t.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(t.aggregates).toHaveLength(1);
    expect(t.aggregates[0]!.commands.map((c) => [c.commandId, c.outcomes.map((o) => o.eventId)])).toEqual([
      [open, [opened]],
      [deposit, [deposited]],
    ]);
    expect(t.commands.find((c) => c.elementId === deposit)!.handler).toEqual({ kind: 'aggregate', elementId: a1 });
    expect(t.projectors).toHaveLength(1);
    expect(t.projectors[0]!.events).toEqual([opened, deposited]);
    expect(t.topics.map((x) => x.name)).toEqual(['accounts.account.events', 'accounts.account.commands', 'accounts.balance.table']);
  });

  it('reports stickies of one aggregate that disagree on the id field, pinned to all of them', () => {
    const b = new BoardBuilder();
    const a1 = b.aggregate('Account', 'accountId');
    const a2 = b.aggregate('Account', 'id');
    const t = compileTopology(b.build());
    expect(t.problems.find((p) => p.code === 'aggregate-id-fields-differ')).toMatchObject({ severity: 'error', elementIds: [a1, a2] });
  });
});

describe('more problem rules', () => {
  it('warns about a policy that can trigger itself', () => {
    const b = new BoardBuilder();
    const retry = b.command('Retry payment', [field('paymentId')]);
    const agg = b.aggregate('Payment', 'paymentId');
    const failed = b.event('Payment failed', [field('paymentId')]);
    const pol = b.policy('Retry when failed');
    b.chain(retry, agg, failed, pol, retry);
    const t = compileTopology(b.build());
    expect(t.problems.find((p) => p.code === 'policy-cycle')).toMatchObject({ severity: 'warning', elementIds: [pol] });
    expect(t.problems.find((p) => p.code === 'command-without-trigger')).toBeUndefined();
  });

  it('warns about read models fed by nothing and events produced by two aggregates; notes unused systems', () => {
    const b = new BoardBuilder();
    const rm = b.readModel('Dashboard');
    const ext = b.external('CRM');
    const c1 = b.command('A', [field('id')]);
    const c2 = b.command('B', [field('id')]);
    const a1 = b.aggregate('One', 'id');
    const a2 = b.aggregate('Two', 'id');
    const ev = b.event('Happened', [field('id')]);
    const actor = b.actor('User');
    b.chain(actor, c1, a1, ev).chain(actor, c2, a2, ev);
    const t = compileTopology(b.build());
    expect(t.problems.find((p) => p.code === 'read-model-without-events')).toMatchObject({ severity: 'warning', elementIds: [rm] });
    expect(t.problems.find((p) => p.code === 'event-with-several-aggregates')).toMatchObject({ severity: 'warning', elementIds: [ev, a2] });
    expect(t.problems.find((p) => p.code === 'external-system-unused')).toMatchObject({ severity: 'info', elementIds: [ext] });
    expect(t.events[0]!.topicId).toBe(t.aggregates[0]!.eventTopicId);
  });

  it('corrects invalid decimal precision and scale with a warning', () => {
    const b = new BoardBuilder();
    const ev = b.event('Priced', [field('price', 'decimal', { precision: 0, scale: 9 })]);
    const t = compileTopology(b.build());
    expect(t.problems.find((p) => p.code === 'decimal-precision')).toMatchObject({ severity: 'warning', elementIds: [ev] });
    expect(t.events[0]!.fields[0]).toMatchObject({ precision: 18, scale: 9 });
  });
});
