// Puts the engine of createCluster() under the replication simulation. The simulation is the
// authority on placement, leadership, ISR, high watermark, acks and faults; the engine keeps one
// physical log per partition (what consumers, admin and the event store read), kept equal to the
// current leader's log: appends are refused or acknowledged as the simulation decides, the high
// watermark is the simulation's, and when a new leader lacks records the physical log is
// truncated to match (and re-extended from shared batch bytes when the new leader holds records
// it lacks). Wired through the engine's seams: appendToPartition, PartitionState, events.
import type { Engine, PartitionState as EnginePartition } from '../broker/engine';
import type { PartitionLog } from '../log/partitionLog';
import { readMeta } from '../codec/recordBatch';
import { ClusterSim } from './clusterSim';
import type { ClusterSimOptions } from './clusterConfig';
import { refusal, type Acks } from './producePath';
import type { StampedEvent } from './eventFeed';
import { InvalidClusterConfigError, VirtualClockStalledError } from '../errors';
import { assignReplicasToBrokers } from './placement';
import { OffsetIds } from './offsetIds';
import { watchVirtualClock } from './virtualStallGuard';

/** What a simulated record stands for in the physical log: one record of a stored batch. */
interface PhysicalRef {
  readonly batch: Uint8Array;
}

const INTERNAL_RF = 3;

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface ReplicationBridge {
  readonly sim: ClusterSim;
  stopBroker(id: number): void;
  startBroker(id: number): void;
  crashBroker(id: number): void;
  isolateBroker(id: number): void;
  heal(): void;
}

const ATTACHED = new WeakSet<Engine>();

/** Real milliseconds an acks=all answer may wait on a virtual clock nobody advances (virtualStallGuard.ts). */
export const VIRTUAL_STALL_MS = 5_000;

export function attachReplication(engine: Engine, options: ClusterSimOptions = {}, virtualStallMs = VIRTUAL_STALL_MS): ReplicationBridge {
  if (ATTACHED.has(engine)) throw new InvalidClusterConfigError('This engine already runs under a replication simulation (createCluster attaches one for brokers ≥ 2); use cluster.replication.');
  ATTACHED.add(engine);
  const sim = new ClusterSim(engine.clock, { brokers: engine.brokers.length, seed: engine.rng.seed, ...options });
  const core = sim.core;
  /** Per partition: the simulated record id at each physical offset. */
  const physIds = new Map<string, OffsetIds>();
  const key = (t: string, p: number) => `${t}\u0000${p}`;

  const adopt = (topic: string) => {
    const t = engine.topics.get(topic);
    if (!t) return;
    const fresh = !core.partition(topic, 0);
    if (fresh) {
      // Kafka's placement with start index and shift 0 (what Kafka computes when its random draws
      // are 0): partition p leads on broker p mod n, as the engine already reported, and the
      // followers follow Kafka's shifted layout. Internal topics get Kafka's
      // offsets.topic.replication.factor of 3 so a broker stop does not lose group offsets.
      const n = engine.brokers.length;
      const internal = topic.startsWith('__');
      const rf = internal ? Math.min(INTERNAL_RF, n) : (t.partitions[0]?.replicas.length ?? 1);
      const assignment = assignReplicasToBrokers(t.partitions.length, rf, engine.brokers.map((b) => b.id), { fixedStartIndex: 0 });
      sim.createTopic({
        name: topic,
        partitions: t.partitions.length,
        replicationFactor: rf,
        assignment,
        minInsyncReplicas: t.config['min.insync.replicas'],
        uncleanLeaderElection: t.config['unclean.leader.election.enable'],
      });
    } else if (core.partitionsOfTopic(topic).length < t.partitions.length) {
      const existing = core.partitionsOfTopic(topic);
      const layout = assignReplicasToBrokers(t.partitions.length - existing.length, existing[0]!.settings.replicationFactor, engine.brokers.map((b) => b.id), {
        fixedStartIndex: 0,
        startPartitionId: existing.length,
      });
      core.createPartitions(topic, t.partitions.length, layout);
    }
    for (const ep of t.partitions) {
      const k = key(topic, ep.partition);
      if (physIds.has(k)) continue;
      const log = physicalLog(ep);
      log.autoHighWatermark = false;
      const ids = core.seedPartition(topic, ep.partition, log.logStartOffset, log.logEndOffset);
      const arr = new OffsetIds();
      ids.forEach((id, i) => arr.set(log.logStartOffset + i, id));
      physIds.set(k, arr);
      syncPartition(topic, ep.partition);
    }
  };

  const physicalLog = (ep: EnginePartition): PartitionLog => [...ep.logs.values()][0]!;

  /** Mirrors the simulation's view of one partition into the engine's PartitionState and log. */
  const syncPartition = (topic: string, partition: number) => {
    const sp = core.partition(topic, partition);
    const ep = engine.topics.get(topic)?.partitions[partition];
    if (!sp || !ep) return;
    const log = physicalLog(ep);
    // Runs after every replication round: copy only what changed.
    if (!sameList(ep.replicas, sp.replicas)) ep.replicas = [...sp.replicas];
    if (!sameList(ep.isr, sp.isr)) ep.isr = [...sp.isr];
    if (sp.leader !== null && sp.leader !== ep.leader) {
      ep.logs.clear();
      ep.logs.set(sp.leader, log);
      ep.leader = sp.leader;
    }
    ep.leaderEpoch = Math.max(0, sp.leaderEpoch);
    if (sp.leader !== null) {
      const hw = sp.log(sp.leader).highWatermark;
      if (hw !== log.highWatermark) log.setHighWatermark(hw);
    }
  };

  /** After a leader change: cut the physical log back to where it diverges from the new leader's. */
  const realign = (topic: string, partition: number) => {
    const sp = core.partition(topic, partition);
    const ep = engine.topics.get(topic)?.partitions[partition];
    const ids = physIds.get(key(topic, partition));
    if (!sp || !ep || !ids || sp.leader === null) return;
    const leaderLog = sp.log(sp.leader);
    const log = physicalLog(ep);
    // Below what the simulation still holds, every replica agrees by construction.
    let d = Math.max(log.logStartOffset, leaderLog.heldFrom);
    const end = Math.min(log.logEndOffset, leaderLog.logEndOffset);
    while (d < end) {
      const want = leaderLog.recordAt(d)?.id;
      const have = ids.get(d);
      if (have !== undefined && want !== have) break;
      d++;
    }
    const missing: Uint8Array[] = [];
    for (let o = d; o < leaderLog.logEndOffset; o++) {
      const ref = leaderLog.recordAt(o)?.value as PhysicalRef | null | undefined;
      if (ref?.batch && missing[missing.length - 1] !== ref.batch) missing.push(ref.batch);
    }
    if (d >= log.logEndOffset && missing.length === 0) return;
    engine.track(
      (async () => {
        if (d < log.logEndOffset) await log.truncateTo(d);
        ids.truncateTo(d);
        // Batches the new leader holds but the physical log lost: re-append them as a follower
        // would (they carry their offsets), when they start exactly where the log now ends.
        if (missing.length > 0 && readMeta(missing[0]!).baseOffset === log.logEndOffset) {
          await log.appendAsFollower(missing);
          for (let o = d; o < leaderLog.logEndOffset; o++) ids.set(o, leaderLog.recordAt(o)!.id);
        }
        syncPartition(topic, partition);
      })(),
    );
  };

  const original = engine.appendToPartition;
  engine.appendToPartition = (topic, partition, batches, acks, opts) => {
    const theirs = opts.precondition;
    return new Promise((resolve, reject) => {
      const guarded = {
        ...opts,
        precondition: (next: number) => {
          theirs?.(next);
          const refused = refusal(core, topic, partition, acks as Acks);
          if (refused) throw refused;
        },
      };
      // Tracked until the simulation has the records, so cluster.advance() never runs the clock
      // before a pending append reached it; the wait for acks=all is not tracked.
      const issued = original(topic, partition, batches, acks, guarded).then((result) => {
        if (result.duplicate) return resolve(result);
        const sp = core.partition(topic, partition);
        const ids = physIds.get(key(topic, partition));
        if (!sp || sp.leader === null || !ids) return resolve(result);
        const records = batches.flatMap((batch) => Array.from({ length: readMeta(batch).count }, () => ({ value: { batch } as PhysicalRef })));
        let stopWatching: (() => void) | null = null;
        let answered = false;
        sim.produceWith({ topic, partition, acks: acks as Acks, records }, (err, answer) => {
          answered = true;
          stopWatching?.();
          if (answer) answer.ids.forEach((id, i) => ids.set(result.baseOffset + i, id));
          else if (err) {
            // Refused between the physical append and now (a fault in between): take it back.
            const log = physicalLog(engine.partition(topic, partition));
            if (log.logEndOffset === result.lastOffset + 1) engine.track(log.truncateTo(result.baseOffset));
          }
          syncPartition(topic, partition);
          if (err) reject(err);
          else resolve(result);
        });
        if (!answered) stopWatching = watchVirtualClock(engine.clock, virtualStallMs, () => reject(new VirtualClockStalledError(topic, partition, virtualStallMs)));
      }, reject);
      engine.track(issued);
    });
  };

  for (const t of engine.topics.keys()) adopt(t);
  engine.events.on('topicCreated', ({ topic }) => adopt(topic));
  engine.events.on('partitionsAdded', ({ topic }) => adopt(topic));
  engine.events.on('topicDeleted', ({ topic }) => {
    core.deleteTopic(topic);
    for (const k of [...physIds.keys()]) if (k.startsWith(`${topic}\u0000`)) physIds.delete(k);
  });

  sim.onEvent((e: StampedEvent) => {
    if (e.type === 'leader-elected') realign(e.topic, e.partition);
    else if (e.type === 'isr-shrunk' || e.type === 'isr-expanded' || e.type === 'partition-offline') syncPartition(e.topic, e.partition);
  });
  // The high watermark moves on follower fetches: mirror it after each replication round. The
  // engine's log start (retention, deleteRecords) goes the other way, and the prefix every replica
  // holds is dropped from the simulation's memory (the physical log keeps the records).
  const mirror = () => {
    if (engine.closed) return;
    for (const p of core.allPartitions()) {
      syncPartition(p.topic, p.partition);
      const ep = engine.topics.get(p.topic)?.partitions[p.partition];
      if (ep && p.leader !== null) {
        const start = physicalLog(ep).logStartOffset;
        if (start > p.log(p.leader).logStartOffset) core.advanceLogStart(p, start);
      }
      core.dropReplicatedPrefix(p);
      physIds.get(key(p.topic, p.partition))?.dropBelow(p.log(p.replicas[0]!).heldFrom);
    }
    engine.clock.setTimeout(mirror, core.config.replicaFetchIntervalMs);
  };
  engine.clock.setTimeout(mirror, core.config.replicaFetchIntervalMs);

  const status = () => {
    for (const b of engine.brokers) {
      const s = core.broker(b.id);
      b.status = s.status === 'running' ? (s.isolated ? 'isolated' : 'up') : s.status;
    }
  };
  const fault = (fn: () => void) => {
    fn();
    status();
  };
  return {
    sim,
    stopBroker: (id) => fault(() => sim.stopBroker(id)),
    startBroker: (id) => fault(() => sim.startBroker(id)),
    crashBroker: (id) => fault(() => sim.crashBroker(id)),
    isolateBroker: (id) => fault(() => sim.isolateBroker(id)),
    heal: () => fault(() => sim.heal()),
  };
}
