// The run's producer batches like a Kafka producer's record accumulator with linger.ms 5
// (Kafka 4's and librdkafka's default): what one partition gets within the linger goes in one
// produce request, and nothing is written before the linger is up.
import { describe, expect, it } from 'vitest';
import type { Topology } from '../topology';
import { createCluster, defaultPartition, type Cluster } from './engineApi';
import { FlowCounters } from './flowCounters';
import { LINGER_MS, ProducerPort } from './producerPort';

async function setup() {
  const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
  await cluster.engine.createTopic('t', 2);
  const requests: { partition: number | undefined; count: number }[] = [];
  // Counts produce requests: the port's producer is the engine's, seen through a wrapper.
  const counting = new Proxy(cluster, {
    get(target, prop, receiver) {
      if (prop !== 'producer') return Reflect.get(target, prop, receiver);
      return (...args: Parameters<Cluster['producer']>) => {
        const p = target.producer(...args);
        const send = p.send.bind(p);
        p.send = (record) => {
          requests.push({ partition: record.messages[0]?.partition ?? undefined, count: record.messages.length });
          return send(record);
        };
        return p;
      };
    },
  });
  const topology = { topics: [{ id: 'topic-t', name: 't', partitions: 2 }] } as unknown as Topology;
  const flow = new FlowCounters();
  const port = new ProducerPort(counting, topology, () => -1, flow);
  const end = (p: number) => cluster.engine.log('t', p).logEndOffset;
  return { cluster, port, requests, flow, end };
}

const keyFor = (partition: number) => ['a', 'b', 'c', 'd', 'e', 'f'].find((k) => defaultPartition(k, 2) === partition)!;

describe('ProducerPort (the run producer)', () => {
  it('sends what a partition gets within linger.ms as one produce request once the linger is up', async () => {
    const { cluster, port, requests, flow, end } = await setup();
    const [k0, k1] = [keyFor(0), keyFor(1)];
    const header = { 'content-type': 'application/json' };
    port.send('t', { key: k0, value: '1', headers: header }, 0);
    port.send('t', { key: k0, value: '2', headers: header }, 0);
    await cluster.advance(LINGER_MS - 2);
    port.send('t', { key: k1, value: '3', headers: header }, 3);
    port.send('t', { key: k0, value: '4', headers: header }, 3);
    await cluster.advance(1);
    expect(requests).toEqual([]);
    expect(end(0) + end(1)).toBe(0);
    await cluster.advance(1);
    expect(requests).toEqual([
      { partition: 0, count: 3 },
      { partition: 1, count: 1 },
    ]);
    await cluster.advance(10);
    expect([end(0), end(1)]).toEqual([3, 1]);
    expect(flow.produced.get('t')).toBe(4);
  });

  it('starts a new linger with the next record after a send', async () => {
    const { cluster, port, requests } = await setup();
    const header = { 'content-type': 'application/json' };
    port.send('t', { key: keyFor(0), value: '1', headers: header }, 0);
    await cluster.advance(LINGER_MS);
    expect(requests).toHaveLength(1);
    port.send('t', { key: keyFor(0), value: '2', headers: header }, LINGER_MS);
    await cluster.advance(LINGER_MS - 1);
    expect(requests).toHaveLength(1);
    await cluster.advance(1);
    expect(requests).toHaveLength(2);
  });
});
