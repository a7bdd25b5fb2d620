// The bigger Jepsen-style run: hundreds of seeds with more brokers and partitions. Same
// guarantees as jepsen.test.ts (Kafka: acks=all + min.insync.replicas=2 + RF 3 + unclean off
// loses nothing and keeps partition order; acks=1 loses on failover), more schedules.
import { describe, expect, it } from 'vitest';
import { ACKS_ONE, SAFE, runJepsen } from './runJepsen';

const SEEDS = Array.from({ length: 200 }, (_, i) => 100_003 + i * 104_729);

describe('Jepsen-style schedules, many seeds', () => {
  it('safe configuration (idempotent) on 5 brokers, 6 partitions: zero lost, zero written twice, zero reordered, all delivered', async () => {
    for (const seed of SEEDS) {
      const r = await runJepsen(seed, SAFE, { brokers: 5, partitions: 6, steps: 600 });
      expect({ seed, lost: r.lost, duplicatedInLog: r.duplicatedInLog, reordered: r.reordered, undelivered: r.undelivered, lostReported: r.lostReported }).toEqual({ seed, lost: 0, duplicatedInLog: 0, reordered: 0, undelivered: 0, lostReported: 0 });
    }
  });

  it('acks=1 on 5 brokers: losses happen and the live counter matches the read-back', async () => {
    let lost = 0;
    for (const seed of SEEDS.slice(0, 100)) {
      const r = await runJepsen(seed, ACKS_ONE, { brokers: 5, partitions: 6, steps: 600, faultRate: 0.2 });
      expect(r.lostReported, `seed ${seed}`).toBe(r.lost);
      expect(r.reordered, `seed ${seed}`).toBe(0);
      lost += r.lost;
    }
    expect(lost).toBeGreaterThan(0);
  });
});
