// Validates kafkajs messages and turns them into records for the batch encoder, and turns
// stored records back into kafkajs messages. Refusals are typed and happen before any write.
import type { RecordInput } from '../codec/recordBatch';
import type { DecodedRecord } from '../codec/recordBatch';
import { InvalidRecordError } from '../errors';
import type { IHeaders, KafkaMessage, Message } from './types';

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

function describe(v: unknown): string {
  return v === undefined ? 'undefined' : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v;
}

function headersOf(topic: string, h: IHeaders | undefined): [string, string | Uint8Array | null][] | undefined {
  if (h === undefined) return undefined;
  if (h === null || typeof h !== 'object') throw new InvalidRecordError(`Message headers for "${topic}" must be an object of strings or byte arrays, got ${describe(h)}.`, { topic });
  const out: [string, string | Uint8Array | null][] = [];
  for (const [name, v] of Object.entries(h)) {
    if (v === undefined) continue;
    const list = Array.isArray(v) ? v : [v];
    for (const x of list) {
      if (typeof x !== 'string' && !isBytes(x)) throw new InvalidRecordError(`Header "${name}" for "${topic}" must be a string or byte array, got ${describe(x)}.`, { topic, header: name });
      out.push([name, x]);
    }
  }
  return out;
}

export function toRecordInput(topic: string, m: Message, now: number): RecordInput {
  if (m === null || typeof m !== 'object') throw new InvalidRecordError(`Each message for "${topic}" must be an object like { key, value }, got ${describe(m)}.`, { topic });
  const { value } = m;
  if (value === undefined) throw new InvalidRecordError(`Invalid message without value for topic "${topic}": give it a value (null for a tombstone).`, { topic });
  if (value !== null && typeof value !== 'string' && !isBytes(value)) {
    throw new InvalidRecordError(`A message value for "${topic}" must be a string, a byte array or null, got ${describe(value)}: serialise it first (e.g. JSON.stringify).`, { topic });
  }
  const key = m.key ?? null;
  if (key !== null && typeof key !== 'string' && !isBytes(key)) {
    throw new InvalidRecordError(`A message key for "${topic}" must be a string, a byte array or null, got ${describe(key)}.`, { topic });
  }
  let timestamp = now;
  if (m.timestamp !== undefined && m.timestamp !== null) {
    timestamp = Number(m.timestamp);
    if (!Number.isFinite(timestamp) || timestamp < 0) throw new InvalidRecordError(`Message timestamp "${String(m.timestamp)}" for "${topic}" is not a number of milliseconds.`, { topic });
  }
  return { key, value, headers: headersOf(topic, m.headers), timestamp };
}

export function toKafkaMessage(r: DecodedRecord): KafkaMessage {
  const headers: Record<string, Uint8Array | Uint8Array[] | undefined> = {};
  for (const [name, v] of r.headers) {
    if (v === null) continue;
    const prev = headers[name];
    headers[name] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return { key: r.key, value: r.value, timestamp: String(r.timestamp), attributes: 0, offset: String(r.offset), size: r.size, headers };
}
