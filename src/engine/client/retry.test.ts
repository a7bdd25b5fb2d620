// Pins the Java producer's retry behaviour the simulator follows: refused-before-write errors are
// retried with exponential backoff (100 ms doubling to 1 s) until delivery.timeout.ms (120 s);
// errors after an append are not.
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { DELIVERY_TIMEOUT_MS, sendRetrying } from './retry';

const coded = (code: string) => Object.assign(new Error(code), { code });

describe('sendRetrying', () => {
  it('retries a refused send with backoff 100, 200, 400, 800, 1000 ms and succeeds once the leader takes it', () => {
    const clock = createVirtualClock();
    const at: number[] = [];
    let outcome: Error | null | undefined;
    sendRetrying(
      clock,
      (answer) => {
        at.push(clock.now());
        answer(at.length < 6 ? coded('NOT_ENOUGH_REPLICAS') : null);
      },
      (e) => (outcome = e),
    );
    clock.advance(10_000);
    expect(at).toEqual([0, 100, 300, 700, 1500, 2500]);
    expect(outcome).toBeNull();
  });

  it('gives up with the last error once delivery.timeout.ms has passed', () => {
    const clock = createVirtualClock();
    let tries = 0;
    let outcome: Error | null | undefined;
    sendRetrying(clock, (answer) => answer((tries++, coded('LEADER_NOT_AVAILABLE'))), (e) => (outcome = e));
    clock.advance(DELIVERY_TIMEOUT_MS - 1_000);
    expect(outcome).toBeUndefined();
    clock.advance(2_000);
    expect((outcome as { code?: string }).code).toBe('LEADER_NOT_AVAILABLE');
    expect(tries).toBeGreaterThan(100);
    expect(tries).toBeLessThan(130);
  });

  it('does not retry an error raised after the records were written (a retry could duplicate them)', () => {
    const clock = createVirtualClock();
    let tries = 0;
    let outcome: Error | null | undefined;
    sendRetrying(clock, (answer) => answer((tries++, coded('NOT_ENOUGH_REPLICAS_AFTER_APPEND'))), (e) => (outcome = e));
    clock.advance(5_000);
    expect(tries).toBe(1);
    expect((outcome as { code?: string }).code).toBe('NOT_ENOUGH_REPLICAS_AFTER_APPEND');
  });

  it('reports each retry and the time spent backing off', () => {
    const clock = createVirtualClock();
    let tries = 0;
    let waiting = 0;
    let retried = 0;
    sendRetrying(clock, (answer) => answer(tries++ < 2 ? coded('BROKER_NOT_AVAILABLE') : null), () => undefined, { backingOff: (d) => (waiting += d), retried: () => retried++ });
    expect(waiting).toBe(1);
    clock.advance(100);
    expect(waiting).toBe(1); // the second try was refused too
    clock.advance(200);
    expect(waiting).toBe(0);
    expect(retried).toBe(2);
  });
});
