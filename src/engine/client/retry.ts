// The one retry policy of the engine's clients, the Java producer's: a failed request is tried
// again after retry.backoff.ms, doubling up to retry.backoff.max.ms, until delivery.timeout.ms
// has passed since the first try (or the producer's `retries` are spent). The wait runs on the
// cluster's clock, so a virtual clock makes retries deterministic. Two forms: a promise one for
// the kafkajs-shaped producer, and a callback one for callers that answer at one simulated
// instant (the simulation's handlers and actors, the Jepsen producer).
import type { Clock } from '../../lib/clock';

/** retry.backoff.ms, retry.backoff.max.ms and delivery.timeout.ms: the Java client's defaults. */
export const RETRY_BACKOFF_MS = 100;
export const RETRY_BACKOFF_MAX_MS = 1_000;
export const DELIVERY_TIMEOUT_MS = 120_000;

/** The errors a leader gives before it writes anything: retrying them can never duplicate. */
const REFUSED_BEFORE_WRITE = new Set(['NOT_ENOUGH_REPLICAS', 'NOT_LEADER_OR_FOLLOWER', 'LEADER_NOT_AVAILABLE', 'BROKER_NOT_AVAILABLE']);

export function refusedBeforeWrite(error: unknown): boolean {
  return REFUSED_BEFORE_WRITE.has((error as { code?: string } | null)?.code ?? '');
}

/** The wait before retry number `attempt` (1 for the first retry). */
export function backoffFor(attempt: number): number {
  return Math.min(RETRY_BACKOFF_MS * 2 ** Math.max(0, attempt - 1), RETRY_BACKOFF_MAX_MS);
}

export interface RetryHooks {
  /** +1 while a retry waits out its backoff, −1 when it is sent. */
  backingOff?(delta: number): void;
  /** Each retry sent. */
  retried?(): void;
}

export interface RetryPolicy {
  /** Whether this failure may be tried again. */
  retriable(error: unknown): boolean;
  /** At most this many retries (kafkajs's retry.retries); unlimited within the delivery timeout otherwise. */
  retries?: number;
  deliveryTimeoutMs?: number;
}

/**
 * How long to wait before trying a failed request again, or null when it must not be: the error
 * is not retriable, the retries are spent, or the next try would fall past delivery.timeout.ms.
 */
function retryWait(clock: Clock, policy: RetryPolicy, error: Error, tries: number, firstAt: number): number | null {
  const wait = backoffFor(tries + 1);
  if (!policy.retriable(error) || tries >= (policy.retries ?? Infinity)) return null;
  return clock.now() + wait - firstAt <= (policy.deliveryTimeoutMs ?? DELIVERY_TIMEOUT_MS) ? wait : null;
}

/**
 * Runs `attempt` (one request; it calls `answer` once) and retries it by the policy; `done`
 * gets the final outcome.
 */
export function sendRetrying(clock: Clock, attempt: (answer: (error: Error | null) => void) => void, done: (error: Error | null) => void, hooks: RetryHooks = {}, policy: RetryPolicy = { retriable: refusedBeforeWrite }): void {
  const firstAt = clock.now();
  let tries = 0;
  const go = (): void =>
    attempt((error) => {
      const wait = error ? retryWait(clock, policy, error, tries, firstAt) : null;
      if (wait === null) return done(error);
      tries++;
      hooks.backingOff?.(1);
      clock.setTimeout(() => {
        hooks.backingOff?.(-1);
        hooks.retried?.();
        go();
      }, wait);
    });
  go();
}

/**
 * The promise form: `attempt` is tried again by the policy; resolves or rejects with the final
 * outcome. The answer of a first try that succeeds is passed on as it is, settling as early as
 * the callback form would: most requests succeed at once, and every write goes through here.
 */
export function withRetries<T>(clock: Clock, attempt: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  return withRetriesThen(clock, attempt, policy, hooks, undefined, undefined);
}

/**
 * withRetries(...).then(onAnswer, onFailure) in one step: a first try that succeeds goes
 * straight to `onAnswer`, with no promise in between (every produce request goes through here).
 */
export function withRetriesThen<T, R = T>(clock: Clock, attempt: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks, onAnswer: ((answer: T) => R) | undefined, onFailure: ((error: unknown) => never) | undefined): Promise<R> {
  const firstAt = clock.now();
  let answer: Promise<T>;
  try {
    answer = attempt();
  } catch (e) {
    const refused = Promise.reject(e);
    return (onFailure ? refused.then(undefined, onFailure) : refused) as Promise<R>;
  }
  // The retry loop is built only for a request that failed.
  return answer.then(onAnswer, (e: unknown) => {
    let retried: Promise<T>;
    try {
      retried = retryFailed(clock, attempt, policy, hooks, firstAt, 0, e);
    } catch (err) {
      // Not retried: the failure as it is.
      if (onFailure) return onFailure(err);
      throw err;
    }
    // Without onAnswer, R is T (withRetries).
    return onAnswer || onFailure ? retried.then(onAnswer, onFailure) : (retried as unknown as Promise<R>);
  }) as Promise<R>;
}

/** After try number `tries` + 1 failed with `e`: the next try after its backoff, or the failure. */
function retryFailed<T>(clock: Clock, attempt: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks, firstAt: number, tries: number, e: unknown): Promise<T> {
  const error = e instanceof Error ? e : new Error(String(e));
  const wait = retryWait(clock, policy, error, tries, firstAt);
  if (wait === null) throw error;
  hooks.backingOff?.(1);
  return new Promise<T>((resolve) =>
    clock.setTimeout(() => {
      hooks.backingOff?.(-1);
      hooks.retried?.();
      let answer: Promise<T>;
      try {
        answer = attempt();
      } catch (err) {
        resolve(Promise.reject(err));
        return;
      }
      resolve(answer.then(undefined, (err: unknown) => retryFailed(clock, attempt, policy, hooks, firstAt, tries + 1, err)));
    }, wait),
  );
}
