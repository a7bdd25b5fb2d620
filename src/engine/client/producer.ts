// kafkajs-shaped producer. A send is validated and encoded whole before anything is appended,
// so a refused request writes nothing. Keyed records go where Kafka's Java client would put
// them (murmur2); keyless records stick to one partition per send and move on with the next
// (KIP-480's sticky partitioner). An idempotent producer numbers its batches per partition so a
// retried batch is recognised and not written twice.
import { withRetriesThen, type RetryHooks, type RetryPolicy } from './retry';
import { encodeBatches, retryCopy, ATTR_LOG_APPEND_TIME, type RecordInput } from '../codec/recordBatch';
import type { Acks, AppendRequestOptions, Engine } from '../broker/engine';
import { isCompacted } from '../log/topicConfig';
import { EngineError, IllegalStateError, InvalidRecordError, KeylessRecordOnCompactedTopicError, MessageTooLargeError, OutOfOrderSequenceError, UnknownTopicOrPartitionError } from '../errors';
import { CHUNK_BYTES } from '../log/truncate';
import { defaultPartition } from '../murmur2';
import { toRecordInput } from './messages';
import type { Message, ProducerBatch, ProducerRecord, RecordMetadata } from './types';

export interface ProducerOptions {
  idempotent?: boolean;
  /** How many times a retriable failure is retried (kafkajs's retry.retries, default 5; Infinity: the Java client's, until delivery.timeout.ms), with the Java client's backoff. */
  retries?: number;
  /** Called at each retry of a partition request with its record count (Kafka's record-retry metric). */
  onRetry?: (records: number) => void;
}

type TopicMessages = ProducerBatch['topicMessages'][number];

/**
 * One partition's part of a send. It is also its retries' hooks (Kafka's record-retry metric
 * counts its records), so a request needs no hooks object of its own.
 */
class PartitionRequest implements RetryHooks {
  /** The messages until they are encoded; then none (see prepare). */
  records: RecordInput[] = [];
  count = 0;
  batches: Uint8Array[] = [];
  baseSequence = -1;

  constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly onRetry: ((records: number) => void) | undefined,
  ) {}

  retried(): void {
    this.onRetry?.(this.count);
  }
}

const ENCODED: RecordInput[] = [];

/** Shared by every request that has none (the engine only reads them). */
const NO_OPTIONS: AppendRequestOptions = Object.freeze({});

export class Producer {
  private connected = false;
  private readonly producerId: number;
  private epoch = 0;
  private readonly sequences = new Map<string, number>();
  /** Per partition, the sequence the leader expects next as far as this producer knows (its acknowledged batches). */
  private readonly acknowledged = new Map<string, number>();
  private readonly sticky = new Map<string, number>();

  constructor(
    private readonly engine: Engine,
    private readonly opts: ProducerOptions = {},
  ) {
    this.producerId = opts.idempotent ? engine.allocateProducerId() : -1;
    this.plainPolicy = { retriable: (e) => (e instanceof EngineError && e.retriable) || e instanceof OutOfOrderSequenceError, retries: opts.retries ?? 5 };
  }

  async connect(): Promise<void> {
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    this.connected = false;
  }

  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    // One topic: its requests are made straight from the record (no batch wrapper per send).
    return this.sendRequests(record.acks, record, null);
  }

  sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    return this.sendRequests(batch.acks, null, batch.topicMessages);
  }

  /**
   * Not an async function: a send to one partition (most of them) answers with its append's
   * result, without Promise.all and an await adding turns and promises to every write.
   */
  private sendRequests(acksGiven: number | undefined, one: TopicMessages | null, many: readonly TopicMessages[] | null): Promise<RecordMetadata[]> {
    let requests: PartitionRequest[];
    let acks: Acks;
    try {
      if (!this.connected) throw new IllegalStateError('The producer is not connected: call producer.connect() first.');
      acks = (acksGiven ?? -1) as Acks;
      if (acks !== -1 && acks !== 0 && acks !== 1) throw new InvalidRecordError(`acks must be -1, 0 or 1, got ${String(acksGiven)}.`);
      requests = this.prepare(one, many);
    } catch (e) {
      return Promise.reject(e);
    }
    if (requests.length === 1) return this.appendWithRetry(requests[0]!, acks, true);
    return Promise.all(requests.map((r) => this.appendWithRetry(r, acks, false)));
  }

  private prepare(one: TopicMessages | null, many: readonly TopicMessages[] | null): PartitionRequest[] {
    const now = this.engine.clock.now();
    const requests: PartitionRequest[] = [];
    if (one) this.place(one.topic, one.messages, [], requests);
    else {
      // Requests by topic and partition (no per-message string keys); a topic listed twice in
      // one batch adds to the same requests.
      const byTopic = new Map<string, (PartitionRequest | undefined)[]>();
      for (const { topic, messages } of many!) {
        let perPartition = byTopic.get(topic);
        if (!perPartition) byTopic.set(topic, (perPartition = []));
        this.place(topic, messages, perPartition, requests);
      }
    }
    const idempotent = this.producerId >= 0;
    for (const req of requests) {
      const t = this.engine.topic(req.topic);
      const max = t.config['max.message.bytes'];
      const attributes = t.config['message.timestamp.type'] === 'LogAppendTime' ? ATTR_LOG_APPEND_TIME : 0;
      const seq = idempotent ? (this.sequences.get(`${req.topic}\u0000${req.partition}`) ?? 0) : -1;
      req.baseSequence = seq;
      req.batches = encodeBatches(req.records, { defaultTimestamp: now, producerId: this.producerId, producerEpoch: idempotent ? this.epoch : -1, baseSequence: seq, attributes, slab: this.engine.encodeSlab(t, req.partition) }, CHUNK_BYTES, (size) => {
        if (size > max) throw new MessageTooLargeError(req.topic, size, max);
      });
    }
    for (const req of requests) {
      // Sequences are reserved only once the whole request is valid, so a refused send leaves no hole.
      req.count = req.records.length;
      if (idempotent) this.sequences.set(`${req.topic}\u0000${req.partition}`, req.baseSequence + req.count);
      // A request waits for its acks across simulated time with its bytes only: holding the
      // caller's message objects until then kept every one of them past young collections.
      req.records = ENCODED;
    }
    return requests;
  }

  /** Checks one topic's messages and adds each to its partition's request (new ones to `requests`). */
  private place(topic: string, messages: Message[], perPartition: (PartitionRequest | undefined)[], requests: PartitionRequest[]): void {
    const t = this.engine.topic(topic);
    if (!Array.isArray(messages)) throw new InvalidRecordError(`messages for "${topic}" must be an array.`, { topic });
    const n = t.partitions.length;
    const compacted = isCompacted(t.config);
    const stickyNow = this.stickyPartition(topic, n);
    for (const m of messages) {
      const r = toRecordInput(topic, m);
      const key = r.key ?? null;
      if (compacted && key === null) throw new KeylessRecordOnCompactedTopicError(topic);
      let p: number;
      if (m.partition !== undefined && m.partition !== null) {
        p = m.partition;
        if (!Number.isInteger(p) || p < 0 || p >= n) throw new UnknownTopicOrPartitionError(topic, p);
      } else if (key !== null) p = defaultPartition(key, n);
      else p = stickyNow;
      let req = perPartition[p];
      if (!req) requests.push((perPartition[p] = req = new PartitionRequest(topic, p, this.opts.onRetry)));
      req.records.push(r);
    }
  }

  private stickyPartition(topic: string, n: number): number {
    const prev = this.sticky.get(topic);
    let next: number;
    if (prev === undefined || n === 1) next = this.engine.rng.int(n);
    else next = (prev + 1 + this.engine.rng.int(n - 1)) % n;
    this.sticky.set(topic, next);
    return next;
  }

  /**
   * One partition's batches, retried by the one retry policy (client/retry.ts: backoff on the
   * cluster's clock, at most `retries` times, within delivery.timeout.ms). A non-idempotent
   * producer retrying a lost acknowledgement may duplicate, as in Kafka.
   */
  private appendWithRetry(req: PartitionRequest, acks: Acks, alone: true): Promise<RecordMetadata[]>;
  private appendWithRetry(req: PartitionRequest, acks: Acks, alone: false): Promise<RecordMetadata>;
  /** `alone`: the send's only request, answered in the array the send resolves to (no further turn to wrap it). */
  private appendWithRetry(req: PartitionRequest, acks: Acks, alone: boolean): Promise<RecordMetadata | RecordMetadata[]> {
    const seq = req.baseSequence;
    const idempotent = this.producerId >= 0;
    const seqKey = idempotent ? `${req.topic}\u0000${req.partition}` : '';
    // A retry keeps the epoch its sequence was numbered in (a later epoch bump restarts at 0).
    const epoch = this.epoch;
    const options: AppendRequestOptions = idempotent ? { producer: { id: this.producerId, epoch, baseSequence: seq } } : NO_OPTIONS;
    let attempt = 0;
    return withRetriesThen(
      this.engine.clock,
      () => this.engine.appendToPartition(req.topic, req.partition, retryCopy(req.batches, attempt++), acks, options),
      idempotent ? { retriable: (e) => (e instanceof EngineError && e.retriable) || this.earlierBatchPending(e, seqKey, epoch, seq), retries: this.opts.retries ?? 5 } : this.plainPolicy,
      req,
      (res): RecordMetadata | RecordMetadata[] => {
        if (idempotent && epoch === this.epoch) this.acknowledged.set(seqKey, Math.max(this.acknowledged.get(seqKey) ?? 0, seq + req.count));
        const t = this.engine.topic(req.topic);
        const log = this.engine.log(req.topic, req.partition);
        const meta: RecordMetadata = {
          topicName: req.topic,
          partition: req.partition,
          errorCode: 0,
          baseOffset: String(res.baseOffset),
          logAppendTime: t.config['message.timestamp.type'] === 'LogAppendTime' ? String(res.appendTime) : '-1',
          logStartOffset: String(log.logStartOffset),
        };
        return alone ? [meta] : meta;
      },
      // KIP-360: after a failed batch the sequence may have a hole; a new epoch restarts at 0.
      idempotent ? (e: unknown) => this.newEpoch(e) : undefined,
    );
  }

  private newEpoch(e: unknown): never {
    this.epoch++;
    this.sequences.clear();
    this.acknowledged.clear();
    throw e;
  }

  /**
   * A producer without sequences retries what the engine calls retriable; an out-of-order
   * sequence cannot happen to it (retried, as earlierBatchPending would say).
   */
  private readonly plainPolicy: RetryPolicy;

  /**
   * The Java producer's rule for OUT_OF_ORDER_SEQUENCE_NUMBER: when the batch is not the next one
   * the leader should get (an earlier batch of this epoch is still unacknowledged, e.g. retried
   * after a failover and not yet arrived), the gap is that batch in flight, not lost records: retry.
   */
  private earlierBatchPending(e: unknown, seqKey: string, epoch: number, seq: number): boolean {
    return e instanceof OutOfOrderSequenceError && epoch === this.epoch && seq !== (this.acknowledged.get(seqKey) ?? 0);
  }
}
