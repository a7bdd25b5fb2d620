import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcurrencyConflictError } from '../errors';
import { defaultPartition } from '../murmur2';
import { setup } from '../testing/helpers';

describe('event store (Kafka as an event store)', () => {
  it('appends on expectedVersion and refuses a stale writer with a typed conflict, writing nothing', async () => {
    const { cluster } = await setup('accounts', 3);
    const store = cluster.eventStore('accounts');
    expect(await store.append('acc-1', [{ value: '{"type":"Opened"}' }], { expectedVersion: 0 })).toBe(1);
    expect(await store.append('acc-1', [{ value: '{"type":"Deposited","amount":5}' }, { value: '{"type":"Deposited","amount":7}' }], { expectedVersion: 1 })).toBe(3);
    const end = (await cluster.admin().fetchTopicOffsets('accounts')).reduce((n, o) => n + Number(o.high), 0);
    await expect(store.append('acc-1', [{ value: 'late' }], { expectedVersion: 1 })).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(store.append('acc-1', [{ value: 'late' }], { expectedVersion: 1 })).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT', context: { actual: 3 } });
    expect((await cluster.admin().fetchTopicOffsets('accounts')).reduce((n, o) => n + Number(o.high), 0)).toBe(end);
    const events = await store.read('acc-1');
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
    expect((await store.read('acc-1', { fromVersion: 2 })).map((e) => JSON.parse(e.value!.toString()).amount)).toEqual([5, 7]);
  });

  it('writes an event with its headers as given, in their order, then its version (an own "__proto__" header too), leaving the caller\'s headers untouched', async () => {
    const { cluster } = await setup('tagged', 1);
    const store = cluster.eventStore('tagged');
    const headers = JSON.parse('{"b":"2","__proto__":"p","a":"1"}') as Record<string, string>;
    await store.append('k', [{ value: 'x', headers }], { expectedVersion: 0 });
    const [r] = await cluster.engine.log('tagged', 0).readOffsets([0]);
    expect(r!.headers.map(([name, v]) => [name, v?.toString()])).toEqual([
      ['b', '2'],
      ['__proto__', 'p'],
      ['a', '1'],
      ['event-store-version', '1'],
    ]);
    expect(Object.keys(headers)).toEqual(['b', '__proto__', 'a']);
    await cluster.close();
  });

  it('lets exactly one of several concurrent writers at the same version win (consistent writes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 5 }), async (writers, noise) => {
        const { cluster, producer } = await setup('agg', 2);
        const store = cluster.eventStore('agg');
        await store.append('a', [{ value: 'init' }], { expectedVersion: 0 });
        const attempts = Array.from({ length: writers }, (_, i) => store.append('a', [{ value: `w${i}` }], { expectedVersion: 1 }).then(() => 'ok', (e: unknown) => (e instanceof ConcurrencyConflictError ? 'conflict' : 'other')));
        // Unrelated traffic on the same partitions interleaves with the writers.
        const others = Array.from({ length: noise }, (_, i) => producer.send({ topic: 'agg', messages: [{ key: `other${i}`, value: 'x' }] }));
        const results = await Promise.all(attempts);
        await Promise.all(others);
        expect(results.filter((r) => r === 'ok').length).toBe(1);
        expect(results.filter((r) => r === 'other').length).toBe(0);
        expect((await store.read('a')).length).toBe(2);
        await cluster.close();
      }),
      { numRuns: 30 },
    );
  });

  it('reads one key through its index, with event time and ingestion time on every record', async () => {
    const { cluster, producer } = await setup('orders', 1);
    await cluster.advance(1000);
    const store = cluster.eventStore('orders');
    for (let i = 0; i < 50; i++) await producer.send({ topic: 'orders', messages: [{ key: `o${i % 10}`, value: JSON.stringify({ n: i }), timestamp: String(i) }] });
    const evs = await store.read('o3');
    expect(evs.map((e) => JSON.parse(e.value!.toString()).n)).toEqual([3, 13, 23, 33, 43]);
    expect(evs.map((e) => e.offset)).toEqual(['3', '13', '23', '33', '43']);
    expect(evs[0]!.timestamp).toBe('3');
    expect(evs[0]!.ingestionTime).toBe('1000');
    expect(evs[0]!.partition).toBe(0);
    // New appends after the index was built are found too (incremental catch-up).
    await producer.send({ topic: 'orders', messages: [{ key: 'o3', value: '{"n":99}' }] });
    expect((await store.read('o3')).length).toBe(6);
  });

  it('keeps the latest snapshot per key in a compacted topic', async () => {
    const { cluster } = await setup('carts', 2);
    const store = cluster.eventStore('carts');
    expect(await store.loadSnapshot('c1')).toBeNull();
    await store.saveSnapshot('c1', { version: 3, state: { items: 2 } });
    await store.saveSnapshot('c1', { version: 7, state: { items: 5 } });
    await store.saveSnapshot('c2', { version: 1, state: { items: 0 } });
    expect(await store.loadSnapshot('c1')).toMatchObject({ version: 7, state: { items: 5 } });
    expect((await cluster.admin().fetchTopicMetadata({ topics: ['__event_store_snapshots'] })).topics.length).toBe(1);
  });

  it('answers ad-hoc queries by key, time range, header and JSON field path', async () => {
    const { cluster, producer } = await setup('ev', 3);
    const store = cluster.eventStore('ev');
    for (let i = 0; i < 30; i++) {
      await producer.send({ topic: 'ev', messages: [{ key: `k${i % 4}`, value: JSON.stringify({ type: i % 2 ? 'Paid' : 'Placed', order: { total: i } }), headers: { source: i % 3 === 0 ? 'web' : 'app' }, timestamp: String(100 + i) }] });
    }
    const paidOver20 = await store.query({ where: [{ path: 'type', equals: 'Paid' }, { path: 'order.total', gt: 20 }] });
    expect(paidOver20.map((e) => JSON.parse(e.value!.toString()).order.total).sort((a, b) => a - b)).toEqual([21, 23, 25, 27, 29]);
    const web = await store.query({ header: { source: 'web' }, from: 110, to: 120 });
    expect(web.map((e) => Number(e.timestamp)).sort((a, b) => a - b)).toEqual([112, 115, 118]);
    const k1 = await store.query({ key: 'k1', where: { path: 'order.total', lt: 10 } });
    expect(k1.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(k1.map((e) => JSON.parse(e.value!.toString()).order.total)).toEqual([1, 5, 9]);
  });

  it('places a key by the partition count it has now: after partitions are added, its next events go where murmur2 puts it', async () => {
    const { cluster } = await setup('carts', 1);
    const store = cluster.eventStore('carts');
    // A key that moves off partition 0 when the topic grows to 4 partitions.
    const key = Array.from({ length: 50 }, (_, i) => `cart-${i}`).find((k) => defaultPartition(k, 4) !== 0)!;
    expect(await store.append(key, [{ value: 'a' }])).toBe(1);
    expect((await store.read(key)).map((e) => e.partition)).toEqual([0]);
    await cluster.admin().createPartitions({ topicPartitions: [{ topic: 'carts', count: 4 }] });
    // A new partition holds none of the key's events: its stream starts again there, as in Kafka.
    expect(await store.append(key, [{ value: 'b' }])).toBe(1);
    expect((await store.read(key)).map((e) => [e.partition, e.value?.toString()])).toEqual([[defaultPartition(key, 4), 'b']]);
  });
});

