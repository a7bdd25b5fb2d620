// Pins the Java producer's retry behaviour the simulator follows: refused-before-write errors are
// retried with exponential backoff (100 ms doubling to 1 s) until delivery.timeout.ms (120 s);
// errors after an append are not.
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { DELIVERY_TIMEOUT_MS, refusedBeforeWrite, sendRetrying, withRetries, withRetriesThen } from './retry';

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

describe('withRetries', () => {
  const policy = { retriable: refusedBeforeWrite };

  it('passes on the answer of a first try that succeeds', async () => {
    const clock = createVirtualClock();
    let tries = 0;
    await expect(withRetries(clock, () => (tries++, Promise.resolve(7)), policy)).resolves.toBe(7);
    expect(tries).toBe(1);
  });

  it('tries a refused request again after the backoff, reporting each retry, and answers with the try that succeeded', async () => {
    const clock = createVirtualClock();
    const at: number[] = [];
    let waiting = 0;
    let retried = 0;
    const answer = withRetries(clock, () => (at.push(clock.now()), at.length < 3 ? Promise.reject(coded('NOT_LEADER_OR_FOLLOWER')) : Promise.resolve('written')), policy, { backingOff: (d) => (waiting += d), retried: () => retried++ });
    for (let i = 0; i < 10; i++) {
      await Promise.resolve();
      clock.advance(50);
    }
    await expect(answer).resolves.toBe('written');
    expect(at).toEqual([0, 100, 300]);
    expect(retried).toBe(2);
    expect(waiting).toBe(0);
  });

  it('rejects at once with an error that may not be retried, and with a synchronous failure of the try', async () => {
    const clock = createVirtualClock();
    let tries = 0;
    await expect(withRetries(clock, () => (tries++, Promise.reject(coded('NOT_ENOUGH_REPLICAS_AFTER_APPEND'))), policy)).rejects.toMatchObject({ code: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' });
    expect(tries).toBe(1);
    await expect(withRetries(clock, () => Promise.reject('refused'), policy)).rejects.toThrow('refused');
    const broken = withRetries(clock, () => {
      throw coded('BROKEN');
    }, policy);
    await expect(broken).rejects.toMatchObject({ code: 'BROKEN' });
  });

  it('gives up after `retries` retries', async () => {
    const clock = createVirtualClock();
    let tries = 0;
    const answer = withRetries(clock, () => (tries++, Promise.reject(coded('LEADER_NOT_AVAILABLE'))), { ...policy, retries: 2 });
    const outcome = answer.catch((e: unknown) => e);
    for (let i = 0; i < 20; i++) {
      await Promise.resolve();
      clock.advance(100);
    }
    expect(await outcome).toMatchObject({ code: 'LEADER_NOT_AVAILABLE' });
    expect(tries).toBe(3);
  });
});

describe('withRetriesThen', () => {
  const policy = { retriable: refusedBeforeWrite };
  const failed = (e: unknown): never => {
    throw Object.assign(new Error('handled'), { cause: e });
  };

  it('maps the answer of the try that succeeded, first or retried', async () => {
    const clock = createVirtualClock();
    await expect(withRetriesThen(clock, () => Promise.resolve(7), policy, {}, (n) => n * 2, failed)).resolves.toBe(14);
    let tries = 0;
    const answer = withRetriesThen(clock, () => (++tries < 2 ? Promise.reject(coded('NOT_LEADER_OR_FOLLOWER')) : Promise.resolve(5)), policy, {}, (n) => `got ${n}`, failed);
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
      clock.advance(50);
    }
    await expect(answer).resolves.toBe('got 5');
    expect(tries).toBe(2);
  });

  it('hands every final failure to onFailure: not retriable, retries spent, or a synchronous failure of the try', async () => {
    const clock = createVirtualClock();
    const cause = (p: Promise<unknown>) => p.catch((e: { message: string; cause: { code: string } }) => `${e.message}: ${e.cause.code}`);
    expect(await cause(withRetriesThen(clock, () => Promise.reject(coded('NOT_ENOUGH_REPLICAS_AFTER_APPEND')), policy, {}, () => 0, failed))).toBe('handled: NOT_ENOUGH_REPLICAS_AFTER_APPEND');
    const broken = () => {
      throw coded('BROKEN');
    };
    expect(await cause(withRetriesThen(clock, broken, policy, {}, () => 0, failed))).toBe('handled: BROKEN');
    const spent = cause(withRetriesThen(clock, () => Promise.reject(coded('LEADER_NOT_AVAILABLE')), { ...policy, retries: 1 }, {}, () => 0, failed));
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
      clock.advance(100);
    }
    expect(await spent).toBe('handled: LEADER_NOT_AVAILABLE');
  });
});
