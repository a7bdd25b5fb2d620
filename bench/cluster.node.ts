// Cluster simulation benchmark (Node): 3 brokers, 3 topics × 12 partitions, RF 3, 4 consumer
// groups. Prints produced records per wall-clock second, heap per million replicated records,
// how long a leader election takes in simulated time after a broker crash, and how long
// consumers stall under eager vs cooperative rebalancing.
//   npm run bench -- bench/cluster.node.ts [records=1000000]
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSimulatedCluster } from '../src/engine/groups/simulatedCluster';
import type { Acks } from '../src/engine/replication/producePath';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TOPICS = ['orders', 'payments', 'shipments'];
const PARTITIONS = 12;
const BATCH = 1_000;

function build(seed: number) {
  const c = createSimulatedCluster({ brokers: 3, seed, autoLeaderRebalance: false, initialRebalanceDelayMs: 100, lagSampleIntervalMs: 1_000 });
  for (const t of TOPICS) c.sim.createTopic({ name: t, partitions: PARTITIONS, replicationFactor: 3, minInsyncReplicas: 2 });
  return c;
}

function addGroups(c: ReturnType<typeof build>, groups: number, members: number, assignor: 'range' | 'sticky' | 'cooperative-sticky' = 'range') {
  for (let g = 0; g < groups; g++) {
    for (let m = 0; m < members; m++) {
      c.groups.addMember({ groupId: `group-${g}`, topics: TOPICS, assignor, autoOffsetReset: 'earliest', maxPollRecords: 5_000, pollIntervalMs: 5 });
    }
  }
}

function throughput(total: number, acks: Acks) {
  const c = build(1);
  addGroups(c, 4, 3);
  c.advance(500);
  const value = new Uint8Array(100);
  const records = Array.from({ length: BATCH }, () => ({ value }));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let produced = 0;
  let acked = 0;
  const t0 = performance.now();
  while (produced < total) {
    for (const t of TOPICS) {
      for (let p = 0; p < PARTITIONS && produced < total; p++) {
        c.sim.produceWith({ topic: t, partition: p, acks, records }, (err) => {
          if (!err) acked += BATCH;
        });
        produced += BATCH;
      }
    }
    c.advance(5);
  }
  c.advance(200);
  const wallMs = performance.now() - t0;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const s = c.snapshot();
  const replicated = s.partitions.reduce((sum, p) => sum + p.replicaLogEnd.reduce((a, b) => a + b, 0), 0);
  const consumed = s.counters.consumed;
  c.shutdown();
  return { acks, produced, acked, wallMs, rate: produced / (wallMs / 1000), replicated, heapMbPerMillion: (heapAfter - heapBefore) / 1e6 / (replicated / 1e6), consumed, simMs: s.at };
}

function election() {
  const c = build(2);
  c.advance(100);
  const led = c.snapshot().partitions.filter((p) => p.leader === 1).length;
  const crashAt = c.sim.now();
  c.sim.crashBroker(1);
  let doneAt = -1;
  for (let t = 0; t < 60_000; t += 10) {
    c.advance(10);
    if (c.snapshot().partitions.every((p) => p.leader !== 1 && p.leader !== null)) {
      doneAt = c.sim.now();
      break;
    }
  }
  const timeout = c.sim.core.config.brokerSessionTimeoutMs;
  c.shutdown();
  return { led, electionMs: doneAt - crashAt, timeout };
}

function stall(assignor: 'sticky' | 'cooperative-sticky') {
  const c = build(3);
  addGroups(c, 1, 3, assignor);
  const value = new Uint8Array(100);
  const load = () => {
    for (const t of TOPICS) for (let p = 0; p < PARTITIONS; p++) c.sim.produceWith({ topic: t, partition: p, acks: 1, records: [{ value }] }, () => {});
  };
  for (let i = 0; i < 100; i++) {
    load();
    c.advance(50);
  }
  c.groups.addMember({ groupId: 'group-0', topics: TOPICS, assignor, autoOffsetReset: 'earliest', maxPollRecords: 5_000, pollIntervalMs: 5 });
  for (let i = 0; i < 300; i++) {
    load();
    c.advance(50);
  }
  const ep = c.groups.rebalances('group-0').at(-1)!;
  c.shutdown();
  return ep;
}

export function main(args: string[]): void {
  const total = Number(args[0] ?? 1_000_000);
  console.log(`3 brokers, 3 topics × 12 partitions, RF 3, min.insync.replicas 2, 4 consumer groups × 3 members; ${total.toLocaleString('en')} records of 100 bytes in batches of ${BATCH}`);
  console.log('| acks | produced | acknowledged | consumed (4 groups) | wall s | produced records/s | simulated s | heap MB per million replicated records |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const acks of [1, -1] as Acks[]) {
    const r = throughput(total, acks);
    console.log(`| ${acks === -1 ? 'all' : acks} | ${r.produced.toLocaleString('en')} | ${r.acked.toLocaleString('en')} | ${r.consumed.toLocaleString('en')} | ${(r.wallMs / 1000).toFixed(2)} | ${Math.round(r.rate).toLocaleString('en')} | ${(r.simMs / 1000).toFixed(1)} | ${r.heapMbPerMillion.toFixed(1)} |`);
  }
  const e = election();
  console.log('');
  console.log('| leader election after crashing broker 1 | partitions it led | all re-elected after (simulated ms) | broker.session.timeout.ms |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| crash | ${e.led} | ${e.electionMs} | ${e.timeout} |`);
  console.log('');
  console.log('| a 4th member joins a 3-member group (36 partitions) | partitions paused | longest pause ms | total partition-pause ms | whole-group stall ms | rounds |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const a of ['sticky', 'cooperative-sticky'] as const) {
    const ep = stall(a);
    console.log(`| ${a} (${ep.protocol}) | ${ep.pausedPartitions} | ${ep.maxPauseMs} | ${ep.totalPauseMs} | ${ep.stallMs} | ${ep.rounds} |`);
  }
}
