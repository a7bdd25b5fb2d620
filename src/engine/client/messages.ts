// Validates kafkajs messages and turns them into records for the batch encoder, and turns
// stored records back into kafkajs messages. Refusals are typed and happen before any write.
import type { RecordInput } from '../codec/recordBatch';
import type { DecodedRecord } from '../codec/recordBatch';
import { InvalidRecordError } from '../errors';
import { setOwn } from '../../lib/ownKey';
import type { IHeaders, KafkaMessage, Message } from './types';

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

function describe(v: unknown): string {
  return v === undefined ? 'undefined' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;
}

function checkHeader(topic: string, name: string, x: unknown): void {
  if (typeof x !== 'string' && !isBytes(x)) throw new InvalidRecordError(`Header "${name}" for "${topic}" must be a string or byte array, got ${describe(x)}.`, { topic, header: name });
}

function checkHeaders(topic: string, h: IHeaders | undefined): void {
  if (h === undefined) return;
  if (h === null || typeof h !== 'object' || Array.isArray(h)) throw new InvalidRecordError(`Message headers for "${topic}" must be an object of strings or byte arrays, got ${describe(h)}.`, { topic });
  for (const name in h) {
    const v = h[name];
    if (v === undefined) continue;
    if (!Array.isArray(v)) checkHeader(topic, name, v);
    else for (const x of v) checkHeader(topic, name, x);
  }
}

/**
 * Checks a kafkajs message and returns it as a record for the encoder (the same object: the
 * encoder reads kafkajs's shapes directly, so nothing is copied per message).
 */
export function toRecordInput(topic: string, m: Message): RecordInput {
  if (m === null || typeof m !== 'object') throw new InvalidRecordError(`Each message for "${topic}" must be an object like { key, value }, got ${describe(m)}.`, { topic });
  const { value, key, timestamp } = m;
  if (value === undefined) throw new InvalidRecordError(`Invalid message without value for topic "${topic}": give it a value (null for a tombstone).`, { topic });
  if (value !== null && typeof value !== 'string' && !isBytes(value)) {
    throw new InvalidRecordError(`A message value for "${topic}" must be a string, a byte array or null, got ${describe(value)}: serialise it first (e.g. JSON.stringify).`, { topic });
  }
  if (key !== undefined && key !== null && typeof key !== 'string' && !isBytes(key)) {
    throw new InvalidRecordError(`A message key for "${topic}" must be a string, a byte array or null, got ${describe(key)}.`, { topic });
  }
  if (timestamp !== undefined && timestamp !== null) {
    const t = typeof timestamp === 'number' ? timestamp : Number(timestamp);
    if ((typeof timestamp !== 'number' && typeof timestamp !== 'string') || !Number.isFinite(t) || t < 0) {
      throw new InvalidRecordError(`Message timestamp "${String(timestamp)}" for "${topic}" is not a number of milliseconds.`, { topic });
    }
  }
  checkHeaders(topic, m.headers);
  return m as RecordInput;
}

export function toKafkaMessage(r: DecodedRecord): KafkaMessage {
  const headers: Record<string, Uint8Array | Uint8Array[] | undefined> = {};
  for (const [name, v] of r.headers) {
    if (v === null) continue;
    // Own entries only: "constructor" or "__proto__" would otherwise find Object.prototype's.
    const prev = Object.hasOwn(headers, name) ? headers[name] : undefined;
    setOwn(headers, name, prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]);
  }
  return { key: r.key, value: r.value, timestamp: String(r.timestamp), attributes: 0, offset: String(r.offset), size: r.size, headers };
}
