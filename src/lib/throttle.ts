// Sends a changing value at most once per interval: the first change goes at once, later ones
// within the interval are held and only the newest goes when the interval ends, so the last
// value always arrives and nothing stale follows it. Presence (cursors, views) rides on it; the
// clock is injected so tests run on virtual time.
import type { Clock, TimerId } from './clock';

export interface Throttle<T> {
  push(value: T): void;
  /** Drops a held value (e.g. the connection it was meant for is gone). */
  cancel(): void;
}

export function throttle<T>(send: (value: T) => void, intervalMs: number, clock: Clock): Throttle<T> {
  let lastSentAt = -Infinity;
  let held: { value: T } | null = null;
  let timer: TimerId | null = null;
  const flush = () => {
    timer = null;
    if (!held) return;
    const { value } = held;
    held = null;
    lastSentAt = clock.now();
    send(value);
  };
  return {
    push(value) {
      held = { value };
      if (timer !== null) return;
      const wait = intervalMs - (clock.now() - lastSentAt);
      if (wait <= 0) flush();
      else timer = clock.setTimeout(flush, wait);
    },
    cancel() {
      held = null;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
