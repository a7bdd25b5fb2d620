// handleCommand with an AggregateCache: a command reads only the events after the cached
// state, and the store stays the truth (another writer's events are folded in; an append refused
// for its version drops the cached state; a log that lost events is loaded again).
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { compileTopology } from '../compileTopology';
import { aggregateDefinition } from '../runtimeDefinitions';
import { bankingBoard } from '../testing/bankingBoard';
import { AggregateCache, handleCommand, initialState } from './aggregate';
import { MemoryEventStore, type EventStore } from './eventStore';
import type { EventEnvelope, HandlerEnv } from './messages';

const t = compileTopology(bankingBoard());
const account = aggregateDefinition(t, t.aggregates.find((a) => a.label === 'Account')!);
const env = (seed = 1): HandlerEnv => {
  const rng = createRng(seed);
  return { random: () => rng.next(), now: () => 1_700_000_000_000 };
};
const deposit = (id: string) => ({ type: 'DepositMoney', aggregateId: id, payload: { accountId: id, amount: '10.00' } });

/** A memory store that counts what a command reads. */
class CountingStore extends MemoryEventStore {
  snapshotLoads = 0;
  readFrom: number[] = [];
  override async loadSnapshot(id: string) {
    this.snapshotLoads++;
    return super.loadSnapshot(id);
  }
  override async read(id: string, fromVersion: number): Promise<EventEnvelope[]> {
    this.readFrom.push(fromVersion);
    return super.read(id, fromVersion);
  }
}

describe('AggregateCache', () => {
  it('after the first command, reads only the events after the cached version, and decides the same as without a cache', async () => {
    const cached = new CountingStore();
    const plain = new MemoryEventStore();
    const cache = new AggregateCache();
    const e1 = env(5);
    const e2 = env(5);
    for (let i = 0; i < 6; i++) {
      const a = await handleCommand(account, cached, deposit('a'), e1, { cache });
      const b = await handleCommand(account, plain, deposit('a'), e2);
      expect(a.state).toEqual(b.state);
    }
    expect(cached.snapshotLoads).toBe(1);
    expect(cached.readFrom).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await cached.read('a', 0)).toEqual(await plain.read('a', 0));
  });

  it('folds in what another writer appended after the cached version', async () => {
    const store = new MemoryEventStore();
    const cache = new AggregateCache();
    await handleCommand(account, store, deposit('a'), env(), { cache });
    // Another instance (no shared memory) appends version 2.
    await handleCommand(account, store, deposit('a'), env(2));
    const r = await handleCommand(account, store, deposit('a'), env(3), { cache });
    expect(r.attempts).toBe(1);
    expect(r.state.version).toBe(3);
    expect(cache.get('a')?.version).toBe(3);
  });

  it('drops a cached state the log no longer holds (a lost tail) and loads again from the store', async () => {
    const events: EventEnvelope[] = [];
    // A store whose log can lose its tail, as a partition can after an unclean leader election.
    const lossy: EventStore & { truncate(n: number): void } = {
      async append(_id, evs, expected) {
        if (events.length !== expected) {
          const { ConcurrencyError } = await import('./eventStore');
          throw new ConcurrencyError('a', expected, events.length);
        }
        events.push(...evs);
        return events.length;
      },
      async read(_id, from) {
        return events.slice(from);
      },
      async loadSnapshot() {
        return null;
      },
      async saveSnapshot() {},
      truncate(n) {
        events.length = n;
      },
    };
    const cache = new AggregateCache();
    for (let i = 0; i < 3; i++) await handleCommand(account, lossy, deposit('a'), env(i), { cache });
    lossy.truncate(1);
    const r = await handleCommand(account, lossy, deposit('a'), env(9), { cache });
    expect(r.attempts).toBe(2);
    expect(r.state.version).toBe(2);
    expect(events.map((e) => e.version)).toEqual([1, 2]);
  });

  it('loads from the snapshot when the events after the cached version do not continue it (retention deleted some)', async () => {
    const base = new MemoryEventStore();
    const cache = new AggregateCache();
    const first = await handleCommand(account, base, deposit('a'), env(1), { cache });
    const second = await handleCommand(account, base, deposit('a'), env(2));
    await handleCommand(account, base, deposit('a'), env(3));
    // Retention deleted version 2; a snapshot at version 2 covers it.
    let snapshotLoads = 0;
    const store: EventStore = {
      append: (id, evs, expected) => base.append(id, evs, expected),
      read: async (id, from) => (await base.read(id, from)).filter((e) => e.version !== 2),
      loadSnapshot: async () => {
        snapshotLoads++;
        return { aggregateId: 'a', version: 2, state: second.state };
      },
      saveSnapshot: async () => {},
    };
    expect(cache.get('a')?.version).toBe(first.state.version);
    const r = await handleCommand(account, store, deposit('a'), env(4), { cache });
    expect(snapshotLoads).toBe(1);
    expect(r.attempts).toBe(1);
    expect(r.state.version).toBe(4);
  });

  it('keeps at most its capacity, the least recently used state going first; never replaces a newer state by an older one', () => {
    const cache = new AggregateCache(2);
    cache.set({ ...initialState('x'), version: 1 });
    cache.set({ ...initialState('y'), version: 1 });
    cache.get('x');
    cache.set({ ...initialState('z'), version: 1 });
    expect(cache.size).toBe(2);
    expect(cache.get('y')).toBeUndefined();
    expect(cache.get('x')?.version).toBe(1);
    cache.set({ ...initialState('x'), version: 5 });
    cache.set({ ...initialState('x'), version: 4 });
    expect(cache.get('x')?.version).toBe(5);
  });

  it('evicts exactly the least recently used, whatever was read, replaced or dropped since', () => {
    const cache = new AggregateCache(3);
    const put = (id: string, version = 1) => cache.set({ ...initialState(id), version });
    put('a');
    put('b');
    put('c');
    cache.get('a'); // b, c, a
    put('b', 2); // a newer state is a use: c, a, b
    put('c', 1); // not newer: no use
    put('d'); // c goes: a, b, d
    expect(cache.get('c')).toBeUndefined();
    cache.delete('b'); // a, d
    put('e'); // a, d, e
    cache.get('a'); // d, e, a
    put('f'); // d goes
    expect(['a', 'b', 'c', 'd', 'e', 'f'].filter((id) => cache.get(id) !== undefined)).toEqual(['a', 'e', 'f']);
    cache.delete('f');
    cache.delete('a');
    cache.delete('e');
    expect(cache.size).toBe(0);
    put('g');
    put('h');
    expect(cache.get('g')?.aggregateId).toBe('g');
    expect(cache.size).toBe(2);
  });
});

