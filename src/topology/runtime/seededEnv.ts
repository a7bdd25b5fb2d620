// Shared handler runtime: a small seeded random source (mulberry32) and a fixed clock, so a
// generated test and the generator that wrote its expectations decide identically.
// Embedded verbatim in exported projects; imports nothing outside this folder.
import type { HandlerEnv } from './messages.js';

export function seededEnv(seed: number, now = 1_700_000_000_000): HandlerEnv {
  let a = seed >>> 0;
  return {
    random() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    now: () => now,
  };
}
