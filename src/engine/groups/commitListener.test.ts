// The commit listener hears every accepted OffsetCommit, including auto-commits of offsets that
// did not move (Kafka writes each one to __consumer_offsets, and lag monitors such as Burrow
// tell a stalled consumer — committing the same offset — from a stopped one by them).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/createCluster';

describe('groups.onCommit', () => {
  it('hears every accepted commit, moved or not, with its time', async () => {
    const c = await createCluster({ brokers: 1, seed: 1, clock: 'virtual', cleanerIntervalMs: 0 });
    await c.engine.createTopic('t', 1);
    for (let i = 0; i < 5; i++) c.replication.produceWith({ topic: 't', partition: 0, acks: 1, records: [{ value: i }] }, () => undefined);
    const heard: { group: string; offset: number; at: number }[] = [];
    c.groups.onCommit((group, offsets, at) => {
      for (const o of offsets.values()) heard.push({ group, offset: o, at });
    });
    c.groups.addMember({ groupId: 'g', topics: ['t'], autoOffsetReset: 'earliest', autoCommitIntervalMs: 1_000 });
    for (let i = 0; i < 10; i++) await c.advance(1_000);
    expect(heard.length).toBeGreaterThanOrEqual(5);
    expect(heard.every((h) => h.group === 'g')).toBe(true);
    expect(heard[heard.length - 1]!.offset).toBe(5);
    // Nothing new to read: the auto-commits keep committing offset 5, and each one is heard.
    expect(heard.filter((h) => h.offset === 5).length).toBeGreaterThanOrEqual(4);
    const times = heard.map((h) => h.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    await c.close();
  });
});
