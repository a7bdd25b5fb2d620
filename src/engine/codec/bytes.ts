// Conversions between the kafkajs boundary types (string | Buffer | null) and bytes. Buffer is
// a Uint8Array, so the engine only ever sees Uint8Array and stays runnable in a worker.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function toBytes(v: string | Uint8Array): Uint8Array {
  return typeof v === 'string' ? encoder.encode(v) : v;
}

export function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

// Node runs TextEncoder.encodeInto about 6x faster than Chromium, where copying ASCII by hand
// is about 2.4x faster than encodeInto (TOOLCHAIN.md): pick the faster path per runtime.
const NATIVE_ENCODE_FROM = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node ? 32 : Infinity;

/** Writes a string as UTF-8 at `at`, returning the byte count; ASCII is copied by hand. */
export function writeUtf8(s: string, into: Uint8Array, at: number): number {
  const n = s.length;
  if (n > NATIVE_ENCODE_FROM) return encoder.encodeInto(s, into.subarray(at)).written;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    into[at + i] = c;
  }
  if (i === n) return n;
  return i + encoder.encodeInto(s.slice(i), into.subarray(at + i)).written;
}

/** Worst-case UTF-8 length of a string (3 bytes per UTF-16 unit). */
export function maxUtf8Length(s: string): number {
  return s.length * 3;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
