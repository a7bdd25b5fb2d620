// The Java producer's retries, for the simulated actors and handlers: a send the leader refused
// before writing anything (NotEnoughReplicas, NotLeaderOrFollower, no leader, the leader's broker
// down) is tried again after retry.backoff.ms, doubling up to retry.backoff.max.ms, until
// delivery.timeout.ms has passed since the first try. So a broker crash delays commands until a
// new leader is elected instead of dropping them. Errors after an append (NotEnoughReplicasAfter-
// Append, an acknowledgement that timed out) are not retried: without the idempotent producer a
// retry could write the records twice.
import type { Clock } from '../lib/clock';

/** retry.backoff.ms, retry.backoff.max.ms and delivery.timeout.ms: the Java client's defaults. */
export const RETRY_BACKOFF_MS = 100;
export const RETRY_BACKOFF_MAX_MS = 1_000;
export const DELIVERY_TIMEOUT_MS = 120_000;

const REFUSED_BEFORE_WRITE = new Set(['NOT_ENOUGH_REPLICAS', 'NOT_LEADER_OR_FOLLOWER', 'LEADER_NOT_AVAILABLE', 'BROKER_NOT_AVAILABLE']);

/** True for the errors a leader gives before it writes anything. */
export function refusedBeforeWrite(error: Error): boolean {
  return REFUSED_BEFORE_WRITE.has((error as { code?: string }).code ?? '');
}

export interface RetryHooks {
  /** +1 while a retry waits out its backoff, −1 when it is sent. */
  backingOff?(delta: number): void;
  /** Each retry sent. */
  retried?(): void;
}

/**
 * Runs `attempt` (one produce request; it calls `answer` once) and retries it as the producer
 * would; `done` gets the final outcome.
 */
export function sendRetrying(clock: Clock, attempt: (answer: (error: Error | null) => void) => void, done: (error: Error | null) => void, hooks: RetryHooks = {}): void {
  const firstAt = clock.now();
  let backoff = RETRY_BACKOFF_MS;
  const go = (): void =>
    attempt((error) => {
      if (error && refusedBeforeWrite(error) && clock.now() + backoff - firstAt <= DELIVERY_TIMEOUT_MS) {
        const wait = backoff;
        backoff = Math.min(backoff * 2, RETRY_BACKOFF_MAX_MS);
        hooks.backingOff?.(1);
        clock.setTimeout(() => {
          hooks.backingOff?.(-1);
          hooks.retried?.();
          go();
        }, wait);
        return;
      }
      done(error);
    });
  go();
}
