import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster, defaultPartition, RequestTimeoutError, type AppendToPartition } from '../index';
import { during, readAll, setup } from '../testing/helpers';

describe('producer', () => {
  it('refuses bad input with typed errors and writes nothing', async () => {
    const { cluster, producer } = await setup('t', 2, { 'max.message.bytes': '200' });
    const admin = cluster.admin();
    await expect(producer.send({ topic: 'nope', messages: [{ value: 'x' }] })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await expect(producer.send({ topic: 't', messages: [{ value: 'x', partition: 5 }] })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await expect(producer.send({ topic: 't', messages: [{ key: 'a', value: 'ok' }, { value: 'y'.repeat(300) }] })).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    await expect(producer.send({ topic: 't', messages: [{ key: 'a', value: 'ok' }, { value: 42 as unknown as string }] })).rejects.toMatchObject({ code: 'INVALID_RECORD' });
    await expect(producer.send({ topic: 't', messages: [{ value: undefined as unknown as string }] })).rejects.toMatchObject({ code: 'INVALID_RECORD' });
    await expect(producer.send({ topic: 't', messages: [{ value: 'v', headers: { h: 3 as unknown as string } }] })).rejects.toMatchObject({ code: 'INVALID_RECORD' });
    for (const o of await admin.fetchTopicOffsets('t')) expect(o.high).toBe('0');
    // Kafka's topic name rules: [a-zA-Z0-9._-], ≤ 249 characters, not "." or "..".
    for (const bad of ['', '.', '..', 'a b', 'é', 'x'.repeat(250)]) {
      await expect(admin.createTopics({ topics: [{ topic: bad }] })).rejects.toMatchObject({ code: 'INVALID_TOPIC_EXCEPTION' });
    }
    await expect(admin.createTopics({ topics: [{ topic: 'x'.repeat(249) }] })).resolves.toBe(true);
    await expect(admin.createTopics({ topics: [{ topic: 'z', numPartitions: 0 }] })).rejects.toMatchObject({ code: 'INVALID_PARTITIONS' });
    await expect(admin.createTopics({ topics: [{ topic: 'z', numPartitions: -1 }] })).rejects.toMatchObject({ code: 'INVALID_PARTITIONS' });
    await expect(admin.createTopics({ topics: [{ topic: 'z', configEntries: [{ name: 'cleanup.policy', value: 'shred' }] }] })).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    expect(await admin.listTopics()).not.toContain('z');
    await expect(admin.createPartitions({ topicPartitions: [{ topic: 't', count: 2 }] })).rejects.toMatchObject({ code: 'INVALID_PARTITIONS' });
  });

  it('puts keyed records on murmur2 partitions and keeps per-key order', async () => {
    const { cluster, producer } = await setup('t', 5);
    const keys = ['alpha', 'beta', 'gamma', 'delta', 'eps'];
    for (let i = 0; i < 20; i++) await producer.send({ topic: 't', messages: [{ key: keys[i % 5]!, value: String(i) }] });
    for (let p = 0; p < 5; p++) {
      for (const r of await readAll(cluster, 't', p)) expect(defaultPartition(r.key!, 5)).toBe(p);
    }
  });

  it('sticks keyless records of one send to one partition and moves on with the next send (KIP-480)', async () => {
    const { cluster, producer } = await setup('t', 4);
    const parts: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await producer.send({ topic: 't', messages: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
      expect(res.length).toBe(1);
      parts.push(res[0]!.partition);
    }
    for (let i = 1; i < parts.length; i++) expect(parts[i]).not.toBe(parts[i - 1]);
    const total = (await cluster.admin().fetchTopicOffsets('t')).reduce((n, o) => n + Number(o.high), 0);
    expect(total).toBe(24);
  });

  it('honours message.timestamp.type=LogAppendTime (broker time replaces create time)', async () => {
    const { cluster, producer } = await setup('t', 1, { 'message.timestamp.type': 'LogAppendTime' });
    await cluster.advance(5000);
    const [meta] = await producer.send({ topic: 't', messages: [{ value: 'x', timestamp: '17' }] });
    expect(meta!.logAppendTime).toBe('5000');
    const [rec] = await cluster.engine.log('t', 0).read(0);
    expect(rec!.timestamp).toBe(5000);
    const { cluster: c2, producer: p2 } = await setup('t');
    await p2.send({ topic: 't', messages: [{ value: 'x', timestamp: '17' }] });
    expect((await c2.engine.log('t', 0).read(0))[0]!.timestamp).toBe(17);
  });

  it('idempotent producer: a retried batch whose acknowledgement was lost is written once (Kafka enable.idempotence)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 15 }), async (sends) => {
        const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
        await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 2 }] });
        const inner = cluster.engine.appendToPartition;
        let lose = 0;
        // The append lands, then the answer is lost `lose` times: the producer retries.
        const lossy: AppendToPartition = async (...args) => {
          const r = await inner(...args);
          if (lose > 0) {
            lose--;
            throw new RequestTimeoutError();
          }
          return r;
        };
        cluster.engine.appendToPartition = lossy;
        const producer = cluster.producer({ idempotent: true });
        await producer.connect();
        let n = 0;
        for (const [count, losses] of sends) {
          lose = losses;
          // Retries back off on the cluster's clock (100 ms, doubling): move time while waiting.
          await during(cluster, producer.send({ topic: 't', messages: Array.from({ length: count }, () => ({ key: 'k', value: String(n++) })) }));
        }
        const p = defaultPartition('k', 2);
        const values = (await readAll(cluster, 't', p)).map((r) => Number(r.value));
        expect(values).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { numRuns: 40 },
    );
  });

  it('a plain producer retrying a lost acknowledgement duplicates, as Kafka without idempotence does', async () => {
    const { cluster, producer } = await setup('t');
    const inner = cluster.engine.appendToPartition;
    let lose = 1;
    cluster.engine.appendToPartition = async (...args) => {
      const r = await inner(...args);
      if (lose-- > 0) throw new RequestTimeoutError();
      return r;
    };
    await during(cluster, producer.send({ topic: 't', messages: [{ value: 'once' }] }));
    expect((await readAll(cluster, 't')).length).toBe(2);
  });

  it('retries back off as the Java producer does (retry.backoff.ms 100, doubling), on the cluster clock', async () => {
    const { cluster, producer } = await setup('t');
    const inner = cluster.engine.appendToPartition;
    const tries: number[] = [];
    cluster.engine.appendToPartition = async (...args) => {
      tries.push(cluster.now());
      if (tries.length < 4) throw new RequestTimeoutError();
      return inner(...args);
    };
    const start = cluster.now();
    await during(cluster, producer.send({ topic: 't', messages: [{ value: 'late' }] }));
    expect(tries.map((t) => t - start)).toEqual([0, 100, 300, 700]);
  });
});
