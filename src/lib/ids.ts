import type { Rng } from './rng';

// Prefixed, serialisable ids ("el:…", "link:…", "board:…") so a bare id says what it names.
export type Prefixed<P extends string> = `${P}:${string}`;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id with a prefix. Pass an Rng where the id must be reproducible (tests, sim). */
export function newId<P extends string>(prefix: P, rng?: Rng, length = 12): Prefixed<P> {
  let out = '';
  if (rng) {
    for (let i = 0; i < length; i++) out += ALPHABET[rng.int(ALPHABET.length)];
  } else {
    const bytes = new Uint8Array(length);
    globalThis.crypto.getRandomValues(bytes);
    for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  }
  return `${prefix}:${out}`;
}

export function hasPrefix<P extends string>(id: string, prefix: P): id is Prefixed<P> {
  return id.startsWith(`${prefix}:`) && id.length > prefix.length + 1;
}

/** Longest id body after its prefix: ids are names, not payloads. */
export const MAX_ID_BODY_CHARS = 100;
const SAFE_BODY = /^[A-Za-z0-9_-]+$/;

/**
 * An id made only of letters, digits, "-" and "_" after its prefix. Ids end up in CSS
 * selectors, DOM attributes, file names and topic names; quotes, brackets or spaces there
 * broke connecting stickies, so documents accept only this alphabet.
 */
export function isSafeId<P extends string>(id: unknown, prefix: P): id is Prefixed<P> {
  if (typeof id !== 'string' || !id.startsWith(`${prefix}:`)) return false;
  const body = id.slice(prefix.length + 1);
  return body.length > 0 && body.length <= MAX_ID_BODY_CHARS && SAFE_BODY.test(body);
}
