// The "Kafka as an event store" capability table, answered for this engine by doing each thing on
// the run's cluster after the run: every answer comes with what the demonstration did and the
// figures it saw. Demonstrations write to the measured aggregate's stream (copies of its own
// events), so they run after every figure of the run has been taken.
import { runtime } from '../../topology';
import { ConcurrencyConflictError, EventStore, VERSION_HEADER, type Cluster, type PartitionLog, type StoredEvent } from '../engineApi';
import { SIM_EPOCH_MS, type Simulation } from '../simulation';
import { countLogReads } from './logReadCounter';
import { logOf, type TypeStreams } from './eventStreams';
import { settleWithTime } from './settleWithTime';
import { CAPABILITIES, type CapabilityResult, type StrategyFigures } from './strategyTypes';
import { setOwn } from '../../lib/ownKey';

const ELECTION_POLL_MS = 100;
/** Twice the brokers' session timeout (9 s), after which the controller elects a new leader. */
const ELECTION_WAIT_MS = 20_000;
/** Header the correction demonstration puts on its event: the version it corrects. */
export const CORRECTS_HEADER = 'corrects-version';

export interface DemoContext {
  sim: Simulation;
  cluster: Cluster;
  /** The measured aggregate's type. */
  streams: TypeStreams;
  /** Every aggregate type's streams (a full read of the store reads them all). */
  allStreams: TypeStreams[];
  aggregateId: string;
  figures: StrategyFigures;
  /** Records a read of every event of every type from the start made the logs hand out. */
  fullRead: { records: number; topics: number; partitions: number };
  /** Events of the measured type when the run ended (a query by type need read no more). */
  typeRecords: number;
}

const headerText = (e: StoredEvent, name: string): string | undefined => {
  const v = e.headers[name];
  return v === undefined ? undefined : (Array.isArray(v) ? v[v.length - 1]! : v).toString();
};

/** A copy of a stored event to append as the key's next version (same type, payload and schema). */
function copyOf(e: StoredEvent, version: number, extra: Record<string, string> = {}, timestamp?: string): { value: Uint8Array | null; headers: Record<string, string>; timestamp?: string } {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(e.headers)) if (name !== VERSION_HEADER) setOwn(headers, name, headerText(e, name)!);
  headers[runtime.HEADER.aggregateVersion] = String(version);
  return { value: e.value, headers: { ...headers, ...extra }, ...(timestamp !== undefined ? { timestamp } : {}) };
}

/** Simulated seconds since the run began (record timestamps carry SIM_EPOCH_MS, append times do not). */
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number) => x.toLocaleString('en-US');

export async function demonstrateCapabilities(cx: DemoContext): Promise<CapabilityResult[]> {
  const { sim, cluster, streams: s, aggregateId, figures: f } = cx;
  const topic = s.topicOf(aggregateId);
  const key = s.keyOf(aggregateId);
  const store = cluster.eventStore(topic);
  const log = logOf(cluster, topic, key);
  const rows: CapabilityResult[] = [];
  const r = f.rehydration;

  // append
  const before = await store.version(key);
  const [latest] = await store.read(key, { fromVersion: before });
  const eventType = latest ? headerText(latest, runtime.HEADER.eventType) ?? 'event' : 'event';
  let appended: StoredEvent | undefined;
  if (latest) {
    const done = await settleWithTime(sim, store.append(key, [copyOf(latest, before + 1)], { expectedVersion: before, acks: 1 }));
    if (done.ok) [appended] = await store.read(key, { fromVersion: done.value });
    rows.push({
      id: 'append',
      answer: appended ? 'yes' : 'no',
      evidence: appended
        ? `Appended a ${eventType} to ${s.aggregate.typeName} ${aggregateId} at version ${before} → ${appended.version}: ${topic} partition ${appended.partition}, offset ${appended.offset}.`
        : `The append to ${s.aggregate.typeName} ${aggregateId} failed: ${done.ok ? 'it was not read back' : (done.error as Error).message}`,
    });
  } else {
    rows.push({ id: 'append', answer: 'no', evidence: `${s.aggregate.typeName} ${aggregateId} has no event to copy: the run wrote none.` });
  }

  // per-aggregate ordered read
  const o = f.ordering;
  const inOrder = o.aggregatesChecked > 0 && o.aggregatesInOrder === o.aggregatesChecked;
  rows.push({
    id: 'orderedRead',
    answer: inOrder ? 'yes' : 'no',
    evidence:
      `Read ${s.aggregate.typeName} ${aggregateId}: ${n(r.events)} events, versions 1…${n(r.events)} in offset order (${n(o.aggregatesInOrder)} of ${n(o.aggregatesChecked)} aggregates checked in order). ` +
      `With the engine's key index it read ${n(r.withIndex.byOffset)} records; without one it scanned ${n(r.withoutIndex.scanned)} records (the whole partition of ${n(r.partitionRecords)}) to find them.`,
  });

  // full sequential read
  const manyTopics = cx.fullRead.topics > cx.allStreams.length;
  rows.push({
    id: 'sequentialRead',
    answer: manyTopics ? 'costly' : 'yes',
    evidence:
      `Read every event of the store from the start: ${n(cx.fullRead.records)} records from ${n(cx.fullRead.topics)} topic${cx.fullRead.topics === 1 ? '' : 's'} (${n(cx.fullRead.partitions)} partitions), ` +
      `in order within each partition only${manyTopics ? ` — a reader must find and open one topic per aggregate` : ''}.`,
  });

  // consistent writes: two writers at the same version at once
  const at = await store.version(key);
  const [tail] = await store.read(key, { fromVersion: at });
  if (tail) {
    const race = await settleWithTime(
      sim,
      Promise.allSettled([0, 1].map(() => store.append(key, [copyOf(tail, at + 1)], { expectedVersion: at, acks: 1 }))),
    );
    const outcomes = race.ok ? race.value : [];
    const won = outcomes.filter((x) => x.status === 'fulfilled').length;
    const refused = outcomes.flatMap((x) => (x.status === 'rejected' && x.reason instanceof ConcurrencyConflictError ? [x.reason] : []));
    rows.push({
      id: 'consistentWrites',
      answer: won === 1 && refused.length === 1 ? 'yes' : 'no',
      evidence:
        `Two writers appended to ${aggregateId} expecting version ${at} at the same instant: ${won} wrote version ${at + 1}, ${refused.length} was refused (${refused[0] ? `${refused[0].code}: expected ${at}, the key was at ${String(refused[0].context?.['actual'])}` : 'no conflict error'}). ` +
        `During the run the aggregates retried ${n(sim.flow.conflicts)} such conflicts.`,
    });
  } else {
    rows.push({ id: 'consistentWrites', answer: 'no', evidence: 'No event to race on.' });
  }

  // versioning
  const now = await store.version(key);
  const [last] = await store.read(key, { fromVersion: now });
  rows.push({
    id: 'versioning',
    answer: last && headerText(last, VERSION_HEADER) === String(now) ? 'yes' : 'no',
    evidence: last
      ? `Each record carries its stream version: offset ${last.offset} of ${topic} has ${VERSION_HEADER}: ${headerText(last, VERSION_HEADER)}; the stream stands at version ${now}, and an append expecting any other version is refused.`
      : 'The stream has no record to show a version on.',
  });

  // corrections and bi-temporal time: a correction of version 1, dated at the event it corrects
  const [first] = await store.read(key, { fromVersion: 1, toVersion: 1 });
  let correction: StoredEvent | undefined;
  if (first) {
    const v = await store.version(key);
    const done = await settleWithTime(sim, store.append(key, [copyOf(first, v + 1, { [CORRECTS_HEADER]: String(first.version) }, first.timestamp)], { expectedVersion: v, acks: 1 }));
    if (done.ok) [correction] = await store.read(key, { fromVersion: done.value });
  }
  const [original] = first ? await store.read(key, { fromVersion: first.version, toVersion: first.version }) : [];
  const kept = !!(first && original && original.offset === first.offset);
  rows.push({
    id: 'corrections',
    answer: correction && kept ? 'yes' : 'no',
    evidence:
      correction && first
        ? `Appended a correction of version ${first.version} as version ${correction.version} (header ${CORRECTS_HEADER}: ${first.version}); version ${first.version} is still at offset ${original?.offset}: history is kept, the correction is a new event.`
        : 'The correction could not be appended.',
  });
  const byEventTime = first ? await store.query({ key, from: Number(first.timestamp), to: Number(first.timestamp) }) : [];
  const found = !!correction && byEventTime.some((e) => e.offset === correction.offset) && byEventTime.some((e) => e.offset === first?.offset);
  rows.push({
    id: 'biTemporal',
    answer: correction && found && Number(correction.ingestionTime) > Number(correction.timestamp) - SIM_EPOCH_MS ? 'yes' : 'no',
    evidence: correction
      ? `The correction's event time is ${secs(Number(correction.timestamp) - SIM_EPOCH_MS)} into the run (when the corrected event happened); it was recorded at ${secs(Number(correction.ingestionTime))}. A query by event time for ${secs(Number(first!.timestamp) - SIM_EPOCH_MS)} returns ${byEventTime.length} event${byEventTime.length === 1 ? '' : 's'}${found ? `: the original (offset ${first!.offset}) and its correction (offset ${correction.offset})` : ', without both the original and its correction'}.`
      : 'No correction to show two times on.',
  });

  // ad-hoc query: every event of one type, over every topic that holds the type's events
  const logs = s.topics.flatMap((t) => cluster.engine.topic(t).partitions.map((p) => cluster.engine.leaderLog(p)));
  const q = await countLogReads(logs, async () => {
    let hits = 0;
    for (const t of s.topics) hits += (await cluster.eventStore(t).query({ header: { [runtime.HEADER.eventType]: eventType } })).length;
    return hits;
  });
  const queryCostly = s.topics.length > 1 || q.reads.scanned > cx.typeRecords * 1.5;
  rows.push({
    id: 'adHocQuery',
    answer: queryCostly ? 'costly' : 'yes',
    evidence:
      `Queried ${eventType} events by header over ${n(s.topics.length)} topic${s.topics.length === 1 ? '' : 's'}: found ${n(q.value)}, scanning ${n(q.reads.scanned)} records ` +
      `(the run had written ${n(cx.typeRecords)} ${s.aggregate.typeName} events when it stopped); the engine has no secondary index, so a query reads every record it might match.`,
  });

  // availability: crash the leader of the aggregate's partition and append again
  const parts = sim.snapshot().partitions;
  const view = parts.find((p) => p.topic === topic && p.partition === log.partition);
  const leader = view?.leader ?? null;
  if (view && leader !== null && latest) {
    const led = parts.filter((p) => p.leader === leader && !p.topic.startsWith('__')).length;
    // The demonstrations' acks=1 appends answered as soon as the leader wrote them: they are
    // replicated first, so the crash shows a failover, not the loss of what was just shown.
    await replicated(sim, log);
    const crashedAt = sim.now;
    sim.broker('crash', leader);
    const next = await leaderAfter(sim, topic, log.partition, leader);
    const electedMs = sim.now - crashedAt;
    const v = next === null ? null : await store.version(key);
    const done = v === null ? null : await settleWithTime(sim, store.append(key, [copyOf(latest, v + 1)], { expectedVersion: v, acks: -1 }), 40_000);
    rows.push({
      id: 'availability',
      answer: done?.ok ? 'yes' : 'no',
      evidence: done?.ok
        ? `Crashed broker ${leader}, leader of ${topic} partition ${log.partition} and of ${n(led)} partitions in all: broker ${next} was elected ${n(electedMs)} ms later (broker session timeout), and an acks=all append succeeded ${n(done.ms)} ms after that (replicas ${view.replicas.join(', ')}, min.insync.replicas ${view.minInsync ?? '?'}).`
        : `Crashed broker ${leader}, leader of ${topic} partition ${log.partition} (replicas ${view.replicas.join(', ')}): ${next === null ? 'no other replica was elected' : `broker ${next} was elected, but the append was refused (${done && !done.ok ? (done.error as Error).message : 'no answer'})`}.`,
    });
    // The broker comes back, so what follows runs on a whole cluster (a single replica's partition needs it).
    sim.broker('start', leader);
    await leaderAfter(sim, topic, log.partition, null);
  } else {
    rows.push({ id: 'availability', answer: 'no', evidence: `${topic} partition ${log.partition} has no leader to fail over from.` });
  }

  // subscription: the groups following the type's events, and what new topics cost them
  const groups = sim.snapshot().groups.filter((g) => Object.keys(g.committed).some((k) => s.topics.some((t) => k.startsWith(`${t}-`))));
  const seen = appended ? groups.filter((g) => (g.committed[`${topic}-${appended.partition}`] ?? 0) > Number(appended.offset)) : [];
  rows.push({
    id: 'subscription',
    answer: seen.length === 0 ? 'no' : f.rebalancesBySubscription > 0 || s.topics.length > 1 ? 'costly' : 'yes',
    evidence:
      `${n(groups.length)} consumer group${groups.length === 1 ? '' : 's'} follow ${s.aggregate.typeName} events over ${n(s.topics.length)} topic${s.topics.length === 1 ? '' : 's'}; ` +
      `${seen.length} had consumed the appended event (offset ${appended?.offset ?? '—'}) when the demonstrations ended. ` +
      `New topics made groups rebalance ${n(f.rebalancesBySubscription)} time${f.rebalancesBySubscription === 1 ? '' : 's'} during the run.`,
  });

  // snapshots: save one at the stream's version, append one more, rehydrate from a cold reader
  rows.push(await snapshotDemo(cx, store, key, topic));
  // The order demonstrated in is the order that disturbs least; the table reads in the talk's.
  return CAPABILITIES.map((c) => rows.find((r) => r.id === c.id)!);
}

/** Moves time until the leader's high watermark reaches its log end (at most ELECTION_WAIT_MS). */
async function replicated(sim: Simulation, log: PartitionLog): Promise<void> {
  for (let waited = 0; waited < ELECTION_WAIT_MS && log.highWatermark < log.logEndOffset; waited += ELECTION_POLL_MS) await sim.step(ELECTION_POLL_MS);
}

/** The partition's leader once it is not `crashed` (null if none is elected within ELECTION_WAIT_MS). */
async function leaderAfter(sim: Simulation, topic: string, partition: number, crashed: number | null): Promise<number | null> {
  for (let waited = 0; waited < ELECTION_WAIT_MS; waited += ELECTION_POLL_MS) {
    const leader = sim.snapshot().partitions.find((p) => p.topic === topic && p.partition === partition)?.leader ?? null;
    if (leader !== null && leader !== crashed) return leader;
    await sim.step(ELECTION_POLL_MS);
  }
  return null;
}

async function snapshotDemo(cx: DemoContext, store: EventStore, key: string, topic: string): Promise<CapabilityResult> {
  const { sim, cluster } = cx;
  // The paused run's handlers still work off their lag while the demonstration moves time, and
  // may append to this aggregate between the snapshot and the append: then it starts again at
  // the new version, as any writer with optimistic concurrency does.
  let v = 0;
  let next: Awaited<ReturnType<typeof settleWithTime<number>>> | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    v = await store.version(key);
    const [tail] = await store.read(key, { fromVersion: v });
    if (!tail) return { id: 'snapshots', answer: 'no', evidence: 'No event to snapshot.' };
    // A state of the runtime's shape (no fields): a handler that loads it cold decides on it rather than failing.
    const state = { ...runtime.initialState(cx.aggregateId), version: v };
    const saved = await settleWithTime(sim, store.saveSnapshot(key, { version: v, state }, { acks: 1 }));
    next = saved.ok ? await settleWithTime(sim, store.append(key, [copyOf(tail, v + 1)], { expectedVersion: v, acks: 1 })) : saved;
    if (next.ok || !(next.error instanceof ConcurrencyConflictError)) break;
  }
  if (!next!.ok) return { id: 'snapshots', answer: 'no', evidence: `The snapshot demonstration failed: ${(next!.error as Error).message}` };
  // A reader of its own, index built first: what rehydrating from the snapshot reads.
  const reader = new EventStore(cluster.engine, topic);
  await reader.read(key, { fromVersion: 1, toVersion: 0 });
  const log = logOf(cluster, topic, key);
  const r = await countLogReads([log], async () => {
    const snap = await reader.loadSnapshot(key);
    return { snap, events: await reader.read(key, { fromVersion: (snap?.version ?? 0) + 1 }) };
  });
  const { snap, events } = r.value;
  const total = next!.value;
  return {
    id: 'snapshots',
    answer: snap?.version === v ? 'yes' : 'no',
    evidence: snap
      ? `Saved a snapshot at version ${v} and appended version ${total}: rehydrating loaded the snapshot (version ${snap.version}) and read ${events.length} event${events.length === 1 ? '' : 's'} after it (${r.reads.byOffset} record${r.reads.byOffset === 1 ? '' : 's'} from the log) instead of all ${n(snap.version + events.length)}.`
      : 'The saved snapshot was not found on rehydrate.',
  };
}
