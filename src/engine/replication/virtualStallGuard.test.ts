// A cluster on a virtual clock: an acks=all send needs simulated time to replicate. Awaiting it
// without advancing the clock fails with a typed, actionable error instead of hanging.
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { createCluster } from '../index';
import { watchVirtualClock } from './virtualStallGuard';

async function replicatedTopic(virtualStallMs: number) {
  const cluster = await createCluster({ brokers: 3, clock: 'virtual', seed: 3, virtualStallMs });
  await cluster.admin().createTopics({ topics: [{ topic: 't', numPartitions: 1, replicationFactor: 3 }] });
  const producer = cluster.producer();
  await producer.connect();
  return { cluster, producer };
}

describe('awaiting acks=all on a virtual clock', () => {
  it('fails with VIRTUAL_CLOCK_STALLED, naming the fix, when nothing advances the clock', async () => {
    const { cluster, producer } = await replicatedTopic(50);
    const sent = producer.send({ topic: 't', acks: -1, messages: [{ key: 'k', value: 'v' }] });
    await expect(sent).rejects.toMatchObject({ code: 'VIRTUAL_CLOCK_STALLED', message: expect.stringContaining('cluster.advance(ms)') });
    await cluster.close();
  });

  it('settles normally while the caller keeps advancing the clock', async () => {
    const { cluster, producer } = await replicatedTopic(2_000);
    let done = false;
    const sent = producer.send({ topic: 't', acks: -1, messages: [{ key: 'k', value: 'v' }] }).finally(() => (done = true));
    for (let i = 0; i < 200 && !done; i++) {
      await cluster.advance(5);
      await new Promise((r) => setTimeout(r, 1));
    }
    await expect(sent).resolves.toHaveLength(1);
    await cluster.close();
  });

  it('watches only while the clock stands still: moving it re-arms the watch', async () => {
    const clock = createVirtualClock();
    let stalled = 0;
    const stop = watchVirtualClock(clock, 300, () => stalled++);
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 20));
      clock.advance(1);
    }
    expect(stalled).toBe(0);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(stalled).toBe(1);
    stop();
  });
});
