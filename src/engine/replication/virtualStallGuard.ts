// A guard for a common mistake with a virtual clock: awaiting an acks=all send (or a commit, or
// disconnect(), which commit) without moving simulated time. Replication needs time to pass, so
// the promise would never settle; instead, once nothing has advanced the clock for `stallMs` of
// real time, the wait fails with an error that says what to do.
import type { Clock } from '../../lib/clock';
/**
 * Calls `stalled` if the virtual clock does not move for `stallMs` of real time before the
 * returned cancel function is called. Does nothing on a real clock or with stallMs 0.
 */
export function watchVirtualClock(clock: Clock, stallMs: number, stalled: () => void): () => void {
  if (clock.kind !== 'virtual' || !(stallMs > 0)) return () => undefined;
  let seen = clock.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    timer = setTimeout(() => {
      if (clock.now() === seen) stalled();
      else {
        seen = clock.now();
        arm();
      }
    }, stallMs);
    // Never keeps a Node process alive on its own.
    (timer as { unref?: () => void }).unref?.();
  };
  arm();
  return () => clearTimeout(timer);
}
