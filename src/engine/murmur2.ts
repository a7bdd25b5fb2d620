// Kafka's partitioner for keyed records, bit for bit: the Java client's Utils.murmur2 (seed
// 0x9747b28c, signed 32-bit result) and toPositive(hash) % numPartitions. Handler code that
// relies on "same key, same partition as in production" keeps that property here.
import { toBytes } from './codec/bytes';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i << 2;
    let k = (data[i4]! & 0xff) | ((data[i4 + 1]! & 0xff) << 8) | ((data[i4 + 2]! & 0xff) << 16) | ((data[i4 + 3]! & 0xff) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = length & ~3;
  const rest = length & 3;
  if (rest === 3) h ^= (data[tail + 2]! & 0xff) << 16;
  if (rest >= 2) h ^= (data[tail + 1]! & 0xff) << 8;
  if (rest >= 1) {
    h ^= data[tail]! & 0xff;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs, which differs for MIN_VALUE). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

let keyScratch = new Uint8Array(256);

/** UTF-8 bytes of a key; ASCII keys are copied into a reused buffer instead of allocating. */
function keyBytes(key: string | Uint8Array): Uint8Array {
  if (typeof key !== 'string') return key;
  const n = key.length;
  if (n > keyScratch.length) keyScratch = new Uint8Array(Math.max(n, keyScratch.length * 2));
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x80) return toBytes(key);
    keyScratch[i] = c;
  }
  return keyScratch.subarray(0, n);
}

/** The partition Kafka's Java client (and kafkajs's DefaultPartitioner) picks for a keyed record. */
export function defaultPartition(key: string | Uint8Array, numPartitions: number): number {
  if (!(numPartitions > 0)) throw new RangeError(`numPartitions must be positive, got ${numPartitions}`);
  return toPositive(murmur2(keyBytes(key))) % numPartitions;
}
