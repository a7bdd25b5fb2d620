// A record its handler cannot read — a test message produced from the Topics tab without the
// event's headers — is counted as a handler error, and the group goes on with the records after
// it (before, the error escaped the engine's poll loop and the group read nothing more).
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('a record no handler can read', () => {
  it('counts as a handler error; the group that read it goes on consuming', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 5, commandsPerSecond: 40 });
    await sim.start();
    await sim.advance(6_000);
    const cluster = sim.clusterForTests!;
    const deposited = sim.topology.events.find((e) => e.typeName === 'MoneyDeposited')!;
    const topic = sim.topology.topics.find((t) => t.id === deposited.topicId)!.name;
    const producer = cluster.producer();
    await producer.connect();
    const sent = producer.send({ topic, acks: -1, messages: Array.from({ length: 6 }, (_, p) => ({ key: `test-${p}`, value: '{"hello":"workshop"}' })) });
    await sim.advance(500);
    await sent;
    const before = sim.snapshot();
    await sim.advance(10_000);
    const after = sim.snapshot();
    expect(after.counters.handlerErrors).toBeGreaterThan(0);
    // Every group that reads the topic got past the test messages: its handled count still grows.
    const readers = after.groups.filter((g) => g.topics.includes(topic));
    expect(readers.length).toBeGreaterThan(0);
    for (const g of readers) expect(g.handled).toBeGreaterThan(before.groups.find((b) => b.groupId === g.groupId)!.handled + 10);
    await sim.stop();
  }, 60_000);
});
