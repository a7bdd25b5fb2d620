// A producer with max.in.flight 1 sends its next batch from the previous one's acknowledgement.
// That send happens while the leader is answering its waiting acks=all requests; it must still
// be answered when the followers have it — not dropped from the waiting list and left to time out.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

describe('acks=all requests sent from an acknowledgement', () => {
  it('are each acknowledged once replicated, none waits for request.timeout.ms', async () => {
    const c = await createCluster({ brokers: 3, clock: 'virtual', cleanerIntervalMs: 0, virtualStallMs: 0, replication: { autoLeaderRebalance: false, requestTimeoutMs: 2_000 } });
    await c.engine.createTopic('t', 1, [{ name: 'min.insync.replicas', value: '2' }], 3);
    let acked = 0;
    let failed = 0;
    const next = (): void =>
      c.replication.produceWith({ topic: 't', partition: 0, acks: -1, records: [{ value: 'x' }] }, (err) => {
        if (err) failed++;
        else acked++;
        if (acked + failed < 50) next(); // at once, from inside the answer
      });
    next();
    c.replication.advance(1_000);
    expect({ acked, failed }).toEqual({ acked: 50, failed: 0 });
    await c.close();
  });
});
