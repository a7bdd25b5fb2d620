import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { compileTopology } from '../compileTopology';
import { aggregateDefinition, externalSystemDefinition, policyDefinition, projectorDefinition } from '../runtimeDefinitions';
import { BoardBuilder, field } from '../testing/boardBuilder';
import { answer } from './externalSystem';
import { bankingBoard } from '../testing/bankingBoard';
import { apply, decide, handleCommand, initialState, pickOutcome, rehydrate } from './aggregate';
import { ConcurrencyError, MemoryEventStore } from './eventStore';
import type { EventEnvelope, HandlerEnv } from './messages';
import { generateValue, validatePayload } from './messages';
import { react } from './policy';
import { ReadModelTable } from './projector';
import { commandToRecord, eventToRecord, instanceTopicName, recordToCommand, recordToEvent } from './wire';

const t = compileTopology(bankingBoard());
const accountSpec = t.aggregates.find((a) => a.label === 'Account')!;
const account = aggregateDefinition(t, accountSpec);
const env = (seed = 1, now = 1_700_000_000_000): HandlerEnv => {
  const rng = createRng(seed);
  return { random: () => rng.next(), now: () => now };
};
const deposit = (id: string, amount = '10.00') => ({ type: 'DepositMoney', aggregateId: id, payload: { accountId: id, amount } });
const withdraw = (id: string) => ({ type: 'WithdrawMoney', aggregateId: id, payload: { accountId: id, amount: '5.00' } });

describe('aggregate runtime', () => {
  it('decides the only outcome, fills the payload from the command, keys it by aggregate id', () => {
    const [event] = decide(account, initialState('acc-1'), deposit('acc-1'), env());
    expect(event).toMatchObject({ type: 'MoneyDeposited', aggregateType: 'Account', aggregateId: 'acc-1', version: 1, schemaVersion: 1 });
    expect(event!.payload).toEqual({ accountId: 'acc-1', amount: '10.00', at: 1_700_000_000_000 });
    expect(validatePayload(account.events.MoneyDeposited!.fields, event!.payload)).toEqual([]);
  });

  it('chooses among outcomes by weight with the injected random source (9:1)', () => {
    const e = env(7);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      const [ev] = decide(account, initialState('a'), withdraw('a'), e);
      counts[ev!.type] = (counts[ev!.type] ?? 0) + 1;
    }
    expect(counts.MoneyWithdrawn! / 5000).toBeGreaterThan(0.87);
    expect(counts.MoneyWithdrawn! / 5000).toBeLessThan(0.93);
    expect(counts.WithdrawalRejected! + counts.MoneyWithdrawn!).toBe(5000);
    // Same seed, same decisions.
    const a = env(3);
    const b = env(3);
    for (let i = 0; i < 20; i++) expect(decide(account, initialState('a'), withdraw('a'), a)).toEqual(decide(account, initialState('a'), withdraw('a'), b));
    expect(pickOutcome([{ event: 'x', weight: 1 }, { event: 'y', weight: 3 }], 0.24)).toBe(0);
    expect(pickOutcome([{ event: 'x', weight: 1 }, { event: 'y', weight: 3 }], 0.26)).toBe(1);
  });

  it('rejects invalid commands: unknown type, missing or mistyped field, key mismatch, unknown field', () => {
    const s = initialState('a');
    expect(() => decide(account, s, { ...deposit('a'), type: 'Nope' }, env())).toThrow(/does not handle/);
    expect(() => decide(account, s, { type: 'DepositMoney', aggregateId: 'a', payload: { accountId: 'a' } }, env())).toThrow(/amount is required/);
    expect(() => decide(account, s, deposit('a', 'ten'), env())).toThrow(/amount must be a decimal/);
    expect(() => decide(account, s, { ...deposit('a'), aggregateId: 'b' }, env())).toThrow(/accountId is "a" but the command is for "b"/);
    expect(() => decide(account, s, { ...deposit('a'), payload: { ...deposit('a').payload, __proto__x: 1 } }, env())).toThrow(/not a field/);
  });

  it('rehydrates by folding events, from a snapshot or from scratch alike', () => {
    const e = env();
    let s = initialState('a');
    const events: EventEnvelope[] = [];
    for (let i = 0; i < 5; i++) {
      const [ev] = decide(account, s, deposit('a', `${i}.00`), e);
      events.push(ev!);
      s = apply(account, s, ev!);
    }
    expect(s.version).toBe(5);
    expect(s.fields.amount).toBe('4.00');
    expect(s.eventCounts).toEqual({ MoneyDeposited: 5 });
    const snap = { aggregateId: 'a', version: 3, state: rehydrate(account, 'a', null, events.slice(0, 3)) };
    expect(rehydrate(account, 'a', snap, events.slice(3))).toEqual(s);
    expect(() => apply(account, initialState('b'), events[0]!)).toThrow(/applied to/);
  });

  it('appends with optimistic concurrency: a stale expectedVersion writes nothing', async () => {
    const store = new MemoryEventStore();
    const [ev] = decide(account, initialState('a'), deposit('a'), env());
    expect(await store.append('a', [ev!], 0)).toBe(1);
    await expect(store.append('a', [ev!], 0)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.read('a', 0)).toHaveLength(1);
  });

  it('handleCommand retries after losing a race and snapshots every N events', async () => {
    const store = new MemoryEventStore();
    let raced = false;
    const racing = Object.assign(Object.create(store) as MemoryEventStore, {
      async append(id: string, events: readonly EventEnvelope[], expected: number) {
        if (!raced) {
          raced = true;
          // Another instance appends first.
          const [other] = decide(account, initialState(id), deposit(id), env(99));
          await store.append(id, [other!], expected);
        }
        return store.append(id, events, expected);
      },
    });
    const result = await handleCommand(account, racing, deposit('a'), env());
    expect(result.attempts).toBe(2);
    expect(result.state.version).toBe(2);
    const small = { ...account, snapshotEvery: 2 };
    const s2 = new MemoryEventStore();
    for (let i = 0; i < 5; i++) await handleCommand(small, s2, deposit('z'), env(i));
    expect((await s2.loadSnapshot('z'))?.version).toBe(4);
  });
});

describe('policy and projector runtime', () => {
  it('a policy maps its triggering event to its commands, routed by the key field', () => {
    const notify = policyDefinition(t, t.policies[0]!);
    const rejected: EventEnvelope = {
      type: 'WithdrawalRejected', aggregateType: 'Account', aggregateId: 'acc-9', version: 3, schemaVersion: 1, timestamp: 5,
      payload: { accountId: 'acc-9', reason: 'INSUFFICIENT_FUNDS' },
    };
    const [cmd] = react(notify, rejected, env());
    expect(cmd!.type).toBe('SendAlert');
    expect(cmd!.payload.accountId).toBe('acc-9');
    // The alert id is not in the event: the Alert aggregate gets a fresh UUID, and it is the key.
    expect(cmd!.aggregateId).toBe(cmd!.payload.alertId);
    expect(react(notify, { ...rejected, type: 'MoneyDeposited' }, env())).toEqual([]);
  });

  it('a projector upserts one row per entity id (what the compacted table topic keeps)', () => {
    const table = new ReadModelTable(projectorDefinition(t, t.projectors[0]!));
    const e = env();
    const [a1] = decide(account, initialState('a'), deposit('a', '1.00'), e);
    const [a2] = decide(account, apply(account, initialState('a'), a1!), deposit('a', '2.00'), e);
    const [b1] = decide(account, initialState('b'), deposit('b'), e);
    for (const ev of [a1!, a2!, b1!]) table.upsert(ev);
    expect(table.all().map((r) => [r.id, r.version, r.fields.amount])).toEqual([['a', 2, '2.00'], ['b', 1, '10.00']]);
  });
});

describe('external system runtime', () => {
  it('answers a command it receives with its events, weighted as on the board', () => {
    const b = new BoardBuilder();
    const charge = b.command('Charge payment', [field('orderId'), field('amount', 'double')]);
    const psp = b.external('Payment provider');
    const ok = b.event('Payment succeeded', [field('orderId'), field('amount', 'double')]);
    const ko = b.event('Payment failed', [field('orderId')]);
    b.chain(b.policy('Charge when placed'), charge, psp).link(psp, ok, { weight: 3 }).link(psp, ko, { weight: 1 });
    const topo = compileTopology(b.build());
    const def = externalSystemDefinition(topo, topo.externalSystems[0]!);
    expect(def.answers.map((a) => [a.event, a.weight])).toEqual([['PaymentSucceeded', 3], ['PaymentFailed', 1]]);
    const e = env(11);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 4000; i++) {
      const ev = answer(def, { type: 'ChargePayment', aggregateId: 'o-1', payload: { orderId: 'o-1', amount: 12.5 } }, e)!;
      counts[ev.type] = (counts[ev.type] ?? 0) + 1;
      expect(ev.aggregateId).toBe('o-1');
      if (ev.type === 'PaymentSucceeded') expect(ev.payload).toEqual({ orderId: 'o-1', amount: 12.5 });
    }
    expect(counts.PaymentSucceeded! / 4000).toBeGreaterThan(0.72);
    expect(counts.PaymentSucceeded! / 4000).toBeLessThan(0.78);
    expect(answer(def, { type: 'Other', aggregateId: 'x', payload: {} }, e)).toBeNull();
  });
});

describe('wire format and values', () => {
  it('round-trips events and commands through records with type and schema headers', () => {
    const [ev] = decide(account, initialState('a'), deposit('a'), env());
    const rec = eventToRecord(ev!, false);
    expect(rec.key).toBe('a');
    expect(rec.headers['event-type']).toBe('MoneyDeposited');
    expect(rec.headers['schema-version']).toBe('1');
    expect(recordToEvent(rec)).toEqual(ev);
    expect(eventToRecord(ev!, true).key).toBe('Account:a');
    const cmd = deposit('a');
    expect(recordToCommand(commandToRecord(cmd))).toEqual(cmd);
  });

  it('names instance topics validly and distinctly', () => {
    expect(instanceTopicName('svc.account.events', 'acc-1')).toBe('svc.account.events.acc-1');
    const a = instanceTopicName('p', 'a b');
    const b = instanceTopicName('p', 'a-b');
    expect(a).not.toBe(b);
    for (const id of ['..', '', 'ü'.repeat(500), 'x'.repeat(400)]) {
      const n = instanceTopicName('p'.repeat(100), id);
      expect(n).toMatch(/^[a-zA-Z0-9._-]{1,249}$/);
    }
  });

  it('generates valid values for every field type', () => {
    const e = env(5);
    for (const field of t.events.flatMap((x) => x.fields)) {
      expect(validatePayload([field], { [field.name]: generateValue(field, e) })).toEqual([]);
    }
  });
});

describe('runtime files', () => {
  it('import nothing outside their folder (the export embeds them verbatim)', () => {
    const dir = import.meta.dirname;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/from\s+'([^']+)'/g)) expect(m[1], `${f} imports ${m[1]}`).toMatch(/^\.\/[a-zA-Z]+\.js$/);
    }
  });
});
