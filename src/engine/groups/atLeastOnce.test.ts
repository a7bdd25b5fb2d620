// Pins Kafka's at-least-once delivery with auto-commit: the Java consumer commits, on its next
// poll(), only what the application already handled, and kafkajs's eachMessage commits an offset
// once its handler returned. So records whose handling a crash interrupted go to the partition's
// next owner again; none is skipped.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';

const RECORDS = 200;
const HANDLING_MS = 10;

async function setUp() {
  const c = await createCluster({ brokers: 1, seed: 1, clock: 'virtual', cleanerIntervalMs: 0 });
  await c.engine.createTopic('t', 1);
  for (let i = 0; i < RECORDS; i++) c.replication.produceWith({ topic: 't', partition: 0, acks: 1, records: [{ value: i }] }, () => undefined);
  const handled = new Set<number>();
  const started: string[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  const sleep = (ms: number) => new Promise<void>((r) => c.clock.setTimeout(r, ms));
  // One record at a time, as eachMessage handles a partition; work for a lapsed lease never runs.
  c.groups.onDeliver((_g, _t, _p, offset, _id, lease) => {
    chain = chain.then(async () => {
      if (!lease.current()) return;
      started.push(lease.member);
      await sleep(HANDLING_MS);
      handled.add(offset);
    });
    return chain;
  });
  const run = async (ms: number) => {
    for (let i = 0; i < ms; i++) {
      await c.advance(1);
    }
  };
  const member = () =>
    c.groups.addMember({ groupId: 'g', topics: ['t'], autoOffsetReset: 'earliest', autoCommitIntervalMs: 100, sessionTimeoutMs: 1_000, heartbeatIntervalMs: 100, maxPollRecords: 50 });
  return { c, handled, started, run, member };
}

describe('at-least-once with auto-commit (Kafka: commits cover handled records only)', () => {
  it('a member that crashes mid-handling leaves no record unhandled: its successor starts from the first unhandled one', async () => {
    const { c, handled, started, run, member } = await setUp();
    const a = member();
    await run(600);
    const before = handled.size;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(RECORDS);
    const committed = c.groups.snapshot()[0]!.committed['t-0']!;
    expect(committed).toBeLessThanOrEqual(before); // never beyond what was handled
    c.groups.crashMember(a);
    const b = member();
    await run(1_500 + RECORDS * HANDLING_MS);
    expect([...Array(RECORDS).keys()].filter((o) => !handled.has(o))).toEqual([]);
    expect(started.filter((m) => m === b).length).toBeGreaterThan(0);
    expect(c.groups.snapshot()[0]!.committed['t-0']).toBe(RECORDS);
  });

  it('keeps at most max.poll.records records in handling: a slow application fetches no further ahead', async () => {
    const { c, run, member } = await setUp();
    const a = member();
    let most = 0;
    for (let i = 0; i < 30; i++) {
      await run(20);
      most = Math.max(most, c.groups.member(a).inHandling);
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(50);
  });
});
