// Where handlers get time and randomness: the system clock and Math.random in services,
// a seeded generator in tests so every run decides the same outcomes.
import type { HandlerEnv } from '../runtime/messages.js';
export { seededEnv } from '../runtime/seededEnv.js';

export function systemEnv(): HandlerEnv {
  return { random: () => Math.random(), now: () => Date.now() };
}
