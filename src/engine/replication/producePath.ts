// The produce path on a partition leader, with Kafka's acks semantics: acks=0 answers nothing,
// acks=1 answers once the leader has the records, acks=all waits until the high watermark covers
// them. acks=all is refused up front with NotEnoughReplicas when the ISR is smaller than
// min.insync.replicas (nothing written); if the ISR shrinks below it while waiting, the answer is
// NotEnoughReplicasAfterAppend. A request still waiting after request.timeout.ms fails.
import type { ClusterCore } from './clusterCore';
import {
  BrokerNotAvailableError,
  LeaderNotAvailableError,
  NotEnoughReplicasAfterAppendError,
  NotEnoughReplicasError,
  NotLeaderOrFollowerError,
  OutOfOrderSequenceError,
  RequestTimeoutError,
  UnknownTopicOrPartitionError,
} from '../errors';
import type { PartitionState, PendingAck } from './partitionState';
import { batchCount } from '../codec/recordBatch';
import type { LeaderAppendOptions } from '../log/partitionLog';
import { encodeRecords, recordId, type ProduceRecord } from './records';
import { countsAsApplication, type Ledger } from './ledger';

export type Acks = 0 | 1 | -1;
export type { ProduceRecord };

export interface ProduceRequest {
  topic: string;
  partition: number;
  acks: Acks;
  /** The records, encoded here into one batch… */
  records?: readonly ProduceRecord[];
  /** …or batches a client already encoded (the engine's producer); stamped by the leader's log. */
  batches?: Uint8Array[];
  /** enable.idempotence: the producer id and the sequence number of the first record. */
  producer?: { id: number; firstSequence: number; epoch?: number };
  /** Runs with the offset the append would start at; throw to refuse it (nothing written). */
  precondition?: LeaderAppendOptions['precondition'];
}

export interface ProduceAnswer {
  topic: string;
  partition: number;
  baseOffset: number;
  /** Identities of the records written (recordId: leader epoch and offset). */
  ids: number[];
  acknowledged: boolean;
  /** A retry of a batch already in the log: answered with its original offsets, nothing written. */
  duplicate?: boolean;
  appendTime?: number;
}

export type ProduceCallback = (error: Error | null, answer: ProduceAnswer | null) => void;

/**
 * Who gets a request's answer, as a method: a caller that keeps an object per request (the
 * engine's appends) needs no closure as well. A callback is wrapped into one at the boundary
 * (ClusterSim.produceWith).
 */
export interface ProduceSink {
  produced(error: Error | null, answer: ProduceAnswer | null): void;
}

/**
 * The broker a producer sends to: the controller's leader, or — with clientMetadataMaxAgeMs —
 * what the client's metadata cache last said (refreshed when older than metadata.max.age.ms or
 * after an error), which may be a deposed leader that still believes it leads.
 */
function routeTo(core: ClusterCore, p: PartitionState): number | null {
  const maxAge = core.config.clientMetadataMaxAgeMs;
  if (maxAge <= 0) return p.leader;
  const key = `${p.topic}\u0000${p.partition}`;
  const now = core.clock.now();
  const cached = core.clientMetadata.get(key);
  if (cached && now - cached.at <= maxAge) return cached.leader;
  core.clientMetadata.set(key, { leader: p.leader, at: now });
  return p.leader;
}

/** The leader's checks before an append, in Kafka's order; null when the append may go ahead. */
function refusal(p: PartitionState, leader: number | null, acks: Acks, core: ClusterCore): Error | null {
  if (leader === null) return new LeaderNotAvailableError(p.topic, p.partition);
  if (core.broker(leader).status !== 'running') return new BrokerNotAvailableError(leader);
  // The broker answers from its own belief, stale or not.
  if (p.view(leader).leader !== leader) return new NotLeaderOrFollowerError(p.topic, p.partition, leader);
  const minIsr = p.settings.minInsyncReplicas;
  if (acks === -1 && p.isr.length < minIsr) return new NotEnoughReplicasError(p.topic, p.partition, p.isr.length, minIsr);
  return null;
}

function idsOf(epoch: number, base: number, n: number): number[] {
  const ids = new Array<number>(n);
  for (let i = 0; i < n; i++) ids[i] = recordId(epoch, base + i);
  return ids;
}

export function produce(core: ClusterCore, req: ProduceRequest, to: ProduceSink): void {
  const p = core.partition(req.topic, req.partition);
  if (!p) return to.produced(new UnknownTopicOrPartitionError(req.topic, req.partition), null);
  const routed = routeTo(core, p);
  const refused = refusal(p, routed, req.acks, core);
  if (refused) {
    // A client refreshes its metadata after an error.
    core.clientMetadata.delete(`${req.topic}\u0000${req.partition}`);
    return to.produced(refused, null);
  }
  const leader = routed!;
  const view = p.view(leader);
  const now = core.clock.now();
  const log = p.log(leader);
  const pr = req.producer;
  const batches = req.batches ?? encodeRecords(req.records ?? [], now, pr);
  let result;
  try {
    const opts: LeaderAppendOptions = { leaderEpoch: view.leaderEpoch };
    if (pr) opts.producer = { id: pr.id, epoch: pr.epoch ?? 0, baseSequence: pr.firstSequence };
    if (req.precondition) opts.precondition = req.precondition;
    result = log.append(batches, opts);
  } catch (e) {
    return to.produced(e instanceof Error ? e : new Error(String(e)), null);
  }
  const count = result.lastOffset - result.baseOffset + 1;
  if (result.duplicate) {
    // A retry of a batch already in the log: its records keep the identity they were written with.
    const epoch = log.epochs.epochAt(result.baseOffset);
    return answerDuplicate(core, p, leader, req, result.baseOffset, idsOf(epoch, result.baseOffset, count), to, result.appendTime);
  }
  const baseOffset = result.baseOffset;
  const ids = idsOf(view.leaderEpoch, baseOffset, count);
  if (countsAsApplication(req.topic)) core.ledger.produced += count;
  // The record budget is enforced as records arrive, not only at each retention check.
  if (log.logEndOffset - log.logStartOffset > core.recordsPerPartition && leader === p.leader) core.applyRetention(p);
  const answer: ProduceAnswer = { topic: req.topic, partition: req.partition, baseOffset, ids, acknowledged: req.acks !== 0, appendTime: result.appendTime };

  // A deposed leader that still believes it leads (stale client metadata) appends, but its
  // high watermark no longer moves: only the controller's leader tracks the ISR.
  const current = leader === p.leader;
  if (current) core.wakeFollowers(p);
  if (req.acks === 0) {
    core.ledger.recordUnacknowledged(req.topic, count);
    if (current && p.recomputeHighWatermark(leader)) core.completeAcks(p);
    return to.produced(null, { ...answer, acknowledged: false });
  }
  if (req.acks === 1) {
    core.ledger.recordAck(req.topic, req.partition, baseOffset, ids);
    if (current && p.recomputeHighWatermark(leader)) core.completeAcks(p);
    return to.produced(null, answer);
  }
  const pending: PendingAck = {
    requiredOffset: baseOffset + count,
    baseOffset,
    leaderEpoch: view.leaderEpoch,
    leader,
    ids,
    deadline: now + core.config.requestTimeoutMs,
    done: false,
    reply: to,
    answer,
    unacknowledgedIn: core.ledger,
  };
  p.pendingAcks.push(pending);
  armTimeout(core, p);
  if (current) p.recomputeHighWatermark(leader);
  completeAcks(core, p);
}

/** Records in the batches of a request (for callers that count before appending). */
export function recordCount(batches: readonly Uint8Array[]): number {
  let n = 0;
  for (const b of batches) n += batchCount(b);
  return n;
}

/**
 * The answer to a duplicate: acks=1 at once; acks=all once the high watermark covers the
 * original (it may still be replicating). Not counted as produced again; acknowledged now, since
 * a producer retries only what was not acknowledged.
 */
function answerDuplicate(core: ClusterCore, p: PartitionState, leader: number, req: ProduceRequest, baseOffset: number, ids: number[], to: ProduceSink, appendTime: number): void {
  const answer: ProduceAnswer = { topic: req.topic, partition: req.partition, baseOffset, ids, acknowledged: req.acks !== 0, duplicate: true, appendTime };
  const required = baseOffset + ids.length;
  if (req.acks === 0) return to.produced(null, { ...answer, acknowledged: false });
  if (req.acks === 1 || p.log(leader).highWatermark >= required) {
    // The first attempt failed, so these records are acknowledged only now.
    acknowledgeDuplicate(core, req.topic, req.partition, baseOffset, ids);
    return to.produced(null, answer);
  }
  const pending: PendingAck = {
    requiredOffset: required,
    baseOffset,
    leaderEpoch: p.leaderEpoch,
    leader,
    ids,
    deadline: core.clock.now() + core.config.requestTimeoutMs,
    done: false,
    duplicate: true,
    reply: to,
    answer,
    unacknowledgedIn: null,
  };
  p.pendingAcks.push(pending);
  p.pendingAcks.sort((a, b) => a.requiredOffset - b.requiredOffset);
  armTimeout(core, p);
}

/** A retry the log already held is acknowledged now: its records move from "not acknowledged" to acknowledged. */
function acknowledgeDuplicate(core: ClusterCore, topic: string, partition: number, baseOffset: number, ids: readonly number[]): void {
  core.ledger.recordAck(topic, partition, baseOffset, ids);
  core.ledger.recordUnacknowledged(topic, -ids.length);
}

/**
 * request.timeout.ms for the partition's waiting acks=all requests: one timer per partition, for
 * the earliest deadline, re-armed for the next when it fires. A timer per request would keep
 * every request of the last request.timeout.ms in memory (~600,000 at 20,000 commands a second).
 */
function armTimeout(core: ClusterCore, p: PartitionState): void {
  if (p.timeoutAt !== null) return;
  let earliest = Infinity;
  for (const a of p.pendingAcks) if (!a.done && a.deadline < earliest) earliest = a.deadline;
  if (earliest === Infinity) return;
  p.timeoutAt = earliest;
  core.clock.setTimeout(() => {
    p.timeoutAt = null;
    const now = core.clock.now();
    // The list is updated before any answer goes out, as in completeAcks.
    const expired = p.pendingAcks.filter((a) => !a.done && a.deadline <= now);
    if (expired.length > 0) p.pendingAcks = p.pendingAcks.filter((a) => !a.done && a.deadline > now);
    for (const a of expired) settleAck(a, RequestTimeoutError.forWrite(p.topic, p.partition, core.config.requestTimeoutMs));
    armTimeout(core, p);
  }, Math.max(0, earliest - core.clock.now()));
}

const ANSWERED: ProduceSink = { produced: () => undefined };

/** Answers a waiting acks=all request once, and lets go of the caller, its answer and the record ids. */
function settleAck(a: PendingAck, error: Error | null): void {
  if (a.done) return;
  a.done = true;
  const to = a.reply;
  const answer = a.answer;
  a.reply = ANSWERED;
  a.answer = null;
  a.ids = NO_IDS;
  if (!error) return to.produced(null, answer);
  // Written, and the request ended without an acknowledgement: the producer may retry it.
  if (a.unacknowledgedIn && answer) a.unacknowledgedIn.recordUnacknowledged(answer.topic, a.requiredOffset - a.baseOffset);
  to.produced(error, null);
}

const NO_IDS: readonly number[] = [];

/**
 * Answers the acks=all requests the leader's high watermark now covers. Requests a deposed leader
 * took (stale client metadata) wait for their timeout: they never block the current leader's.
 * The list is updated before any answer goes out: an answer's callback may send again at once
 * (a producer with max.in.flight 1), and that request must not be lost from the list.
 */
export function completeAcks(core: ClusterCore, p: PartitionState): void {
  if (p.pendingAcks.length === 0 || p.leader === null) return;
  const leader = p.leader;
  const hw = p.log(leader).highWatermark;
  // Called on every high-watermark move: nothing is allocated unless something is answered.
  let due: PendingAck[] | undefined;
  let answered = false;
  for (const a of p.pendingAcks) {
    if (a.done) answered = true;
    else if (a.leader === leader && a.requiredOffset <= hw) (due ??= []).push(a);
  }
  if (!due && !answered) return;
  // In place: every other pass over the list (timeouts, failures) takes what it answers out
  // of it before answering, so nothing iterates it while an answer runs.
  const list = p.pendingAcks;
  let kept = 0;
  for (const a of list) if (!a.done && !(a.leader === leader && a.requiredOffset <= hw)) list[kept++] = a;
  list.length = kept;
  if (!due) return;
  const minIsr = p.settings.minInsyncReplicas;
  for (const a of due) {
    if (p.isr.length < minIsr) {
      settleAck(a, new NotEnoughReplicasAfterAppendError(p.topic, p.partition, p.isr.length, minIsr));
    } else {
      if (a.duplicate) acknowledgeDuplicate(core, p.topic, p.partition, a.baseOffset, a.ids);
      else core.ledger.recordAck(p.topic, p.partition, a.baseOffset, a.ids);
      settleAck(a, null);
    }
  }
}

/** Requests waiting on `broker` as leader fail: it crashed, stopped or lost leadership (the list is updated first, as above). */
export function failPendingAcks(p: PartitionState, broker: number | null): void {
  if (broker === null) return;
  const failed = p.pendingAcks.filter((a) => !a.done && a.leader === broker);
  p.pendingAcks = p.pendingAcks.filter((a) => !a.done && a.leader !== broker);
  for (const a of failed) settleAck(a, new NotLeaderOrFollowerError(p.topic, p.partition, broker));
}
