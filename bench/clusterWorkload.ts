// The cluster benchmark's workloads, shared by the Node run (bench/cluster.node.ts) and the
// Web Worker run (bench/cluster.bench.worker.ts): no Node or DOM APIs here.
import { createCluster, type Cluster } from '../src/engine';
import type { RebalanceEpisode } from '../src/engine/groups/pauseTracker';
import type { Acks } from '../src/engine/replication/producePath';

export const TOPICS = ['orders', 'payments', 'shipments'];
export const PARTITIONS = 12;
export const BATCH = 1_000;

export async function build(seed: number): Promise<Cluster> {
  const c = await createCluster({
    brokers: 3,
    seed,
    clock: 'virtual',
    cleanerIntervalMs: 0,
    virtualStallMs: 0,
    replication: { autoLeaderRebalance: false },
    groups: { initialRebalanceDelayMs: 100, lagSampleIntervalMs: 1_000 },
  });
  for (const t of TOPICS) await c.engine.createTopic(t, PARTITIONS, [{ name: 'min.insync.replicas', value: '2' }], 3);
  return c;
}

export function addGroups(c: Cluster, groups: number, members: number, assignor: 'range' | 'sticky' | 'cooperative-sticky' = 'range'): void {
  for (let g = 0; g < groups; g++) {
    for (let m = 0; m < members; m++) {
      c.groups.addMember({ groupId: `group-${g}`, topics: TOPICS, assignor, autoOffsetReset: 'earliest', maxPollRecords: 5_000, pollIntervalMs: 5 });
    }
  }
}

export interface ThroughputResult {
  acks: Acks;
  produced: number;
  acked: number;
  consumed: number;
  wallMs: number;
  rate: number;
  replicated: number;
  simMs: number;
  heapBytes: number | null;
  snapshotMs: number;
}

/** Produces `total` records of 100 bytes in batches of 1,000 while 4 groups consume everything. */
export async function throughput(total: number, acks: Acks, heap: () => number | null = () => null): Promise<ThroughputResult> {
  const c = await build(1);
  addGroups(c, 4, 3);
  c.replication.advance(500);
  const value = new Uint8Array(100);
  const records = Array.from({ length: BATCH }, () => ({ value }));
  const heapBefore = heap();
  let produced = 0;
  let acked = 0;
  const t0 = performance.now();
  while (produced < total) {
    for (const t of TOPICS) {
      for (let p = 0; p < PARTITIONS && produced < total; p++) {
        c.replication.produceWith({ topic: t, partition: p, acks, records }, (err) => {
          if (!err) acked += BATCH;
        });
        produced += BATCH;
      }
    }
    c.replication.advance(5);
  }
  c.replication.advance(200);
  const wallMs = performance.now() - t0;
  const heapAfter = heap();
  const s0 = performance.now();
  const rounds = 200;
  let s = c.snapshot();
  for (let i = 1; i < rounds; i++) s = c.snapshot();
  const snapshotMs = (performance.now() - s0) / rounds;
  const replicated = s.partitions.reduce((sum, p) => sum + p.replicaLogEnd.reduce((a, b) => a + b, 0), 0);
  await c.close();
  return {
    acks,
    produced,
    acked,
    consumed: s.counters.consumed,
    wallMs,
    rate: produced / (wallMs / 1000),
    replicated,
    simMs: s.at,
    heapBytes: heapBefore === null || heapAfter === null ? null : heapAfter - heapBefore,
    snapshotMs,
  };
}

export async function election(): Promise<{ led: number; electionMs: number; timeout: number }> {
  const c = await build(2);
  c.replication.advance(100);
  const led = c.snapshot().partitions.filter((p) => p.leader === 1).length;
  const crashAt = c.replication.now();
  c.replication.crashBroker(1);
  let doneAt = -1;
  for (let t = 0; t < 60_000; t += 10) {
    c.replication.advance(10);
    if (c.snapshot().partitions.every((p) => p.leader !== 1 && p.leader !== null)) {
      doneAt = c.replication.now();
      break;
    }
  }
  const timeout = c.replication.core.config.brokerSessionTimeoutMs;
  await c.close();
  return { led, electionMs: doneAt - crashAt, timeout };
}

/** A fourth member joins a 3-member group under steady load: the rebalance it causes. */
export async function stall(assignor: 'sticky' | 'cooperative-sticky'): Promise<RebalanceEpisode> {
  const c = await build(3);
  addGroups(c, 1, 3, assignor);
  const value = new Uint8Array(100);
  const load = () => {
    for (const t of TOPICS) for (let p = 0; p < PARTITIONS; p++) c.replication.produceWith({ topic: t, partition: p, acks: 1, records: [{ value }] }, () => {});
  };
  for (let i = 0; i < 100; i++) {
    load();
    c.replication.advance(50);
  }
  c.groups.addMember({ groupId: 'group-0', topics: TOPICS, assignor, autoOffsetReset: 'earliest', maxPollRecords: 5_000, pollIntervalMs: 5 });
  for (let i = 0; i < 300; i++) {
    load();
    c.replication.advance(50);
  }
  const ep = c.groups.rebalances('group-0').at(-1)!;
  await c.close();
  return ep;
}

export function header(total: number): string {
  return `3 brokers, 3 topics × 12 partitions, RF 3, min.insync.replicas 2, 4 consumer groups × 3 members; ${total.toLocaleString('en')} records of 100 bytes in batches of ${BATCH}`;
}

export function throughputRow(r: ThroughputResult): string {
  const heap = r.heapBytes === null ? 'n/a' : (r.heapBytes / 1e6 / (r.replicated / 1e6)).toFixed(1);
  return `| ${r.acks === -1 ? 'all' : r.acks} | ${r.produced.toLocaleString('en')} | ${r.acked.toLocaleString('en')} | ${r.consumed.toLocaleString('en')} | ${(r.wallMs / 1000).toFixed(2)} | ${Math.round(r.rate).toLocaleString('en')} | ${(r.simMs / 1000).toFixed(1)} | ${heap} | ${r.snapshotMs.toFixed(3)} |`;
}

export const THROUGHPUT_HEAD = [
  '| acks | produced | acknowledged | consumed (4 groups) | wall s | produced records/s | simulated s | heap MB per million replicated records | snapshot() ms |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
