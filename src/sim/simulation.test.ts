import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

async function runFor(sim: Simulation, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1000) await sim.advance(1000);
}

describe('Simulation of the Banking example', () => {
  it('runs commands through the aggregate, policy and projector groups', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 7 });
    await sim.start();
    await runFor(sim, 15_000);
    const s = sim.snapshot();
    expect(s.partitions.length).toBeGreaterThan(0);
    expect(s.counters.commandsIssued).toBeGreaterThan(400);
    expect(s.counters.acknowledged).toBeGreaterThan(400);
    const agg = s.groups.find((g) => g.kind === 'aggregate')!;
    expect(agg.members.length).toBe(2);
    expect(agg.handled).toBeGreaterThan(300);
    expect(Object.keys(s.outcomes).length).toBeGreaterThan(2);
    expect(s.readModels[0]!.rowCount).toBeGreaterThan(10);
    expect(s.counters.lost).toBe(0);
    expect(s.counters.handlerErrors).toBe(0);
    sim.stop();
  });
});

describe('Simulation controls', () => {
  it('is deterministic: same board and seed give the same run, another seed a different one', async () => {
    const run = async (seed: number) => {
      const sim = new Simulation(exampleBoard('banking'), { seed });
      await sim.start();
      await sim.advance(4000);
      sim.broker('stop', 1);
      await sim.advance(3000);
      const s = sim.snapshot();
      sim.stop();
      return JSON.stringify([s.counters, s.outcomes, s.partitions, s.groups.map((g) => [g.committed, g.members])]);
    };
    const a = await run(3);
    expect(await run(3)).toBe(a);
    expect(await run(4)).not.toBe(a);
  });

  it('stopping a broker moves every leadership away from it and the run continues (clean shutdown)', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 1 });
    await sim.start();
    await sim.advance(5000);
    expect(sim.snapshot().partitions.some((p) => p.leader === 1)).toBe(true);
    sim.broker('stop', 1);
    await sim.advance(500);
    const before = sim.snapshot().counters.acknowledged;
    expect(sim.snapshot().partitions.every((p) => p.leader !== 1 && !p.isr.includes(1))).toBe(true);
    await sim.advance(3000);
    expect(sim.snapshot().counters.acknowledged).toBeGreaterThan(before);
    sim.broker('start', 1);
    await sim.advance(3000);
    expect(sim.snapshot().partitions.every((p) => p.isr.includes(1))).toBe(true);
    sim.stop();
  });

  it('adding an instance rebalances its groups onto three members', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 2 });
    await sim.start();
    await sim.advance(5000);
    const agg = () => sim.snapshot().groups.find((g) => g.kind === 'aggregate')!;
    const before = agg().members.map((m) => m.assignment.length).sort();
    expect(before).toEqual([3, 3]);
    const id = sim.addInstance('account-service');
    expect(id).toBe('account-service-3');
    await sim.advance(3000);
    expect(agg().members.map((m) => m.assignment.length)).toEqual([2, 2, 2]);
    expect(agg().generation).toBeGreaterThan(1);
    sim.stop();
  });

  it('switching to cooperative-sticky rolls the instances onto incremental rebalancing', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 4 });
    await sim.start();
    await sim.advance(5000);
    sim.setAssignor('cooperative-sticky');
    await sim.advance(8000);
    const g = sim.snapshot().groups.find((x) => x.kind === 'aggregate')!;
    expect(g.protocol).toBe('cooperative');
    expect(g.assignor).toBe('cooperative-sticky');
    // The rolling restart replaced instances 1 and 2 by 3 and 4.
    expect(g.members.map((m) => m.id.split('-').slice(0, 3).join('-')).sort()).toEqual(['account-service-3', 'account-service-4']);
    expect(g.members.flatMap((m) => m.assignment)).toHaveLength(6);
    sim.stop();
  });

  it('a crashed instance leaves its groups after session.timeout.ms and its partitions move', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 6, sessionTimeoutMs: 6000 });
    await sim.start();
    await sim.advance(5000);
    sim.crashInstance('account-service-1');
    await sim.advance(3000);
    const agg = () => sim.snapshot().groups.find((x) => x.kind === 'aggregate')!;
    expect(agg().members).toHaveLength(2); // not noticed yet
    await sim.advance(6000);
    expect(agg().members).toHaveLength(1);
    expect(agg().members[0]!.assignment).toHaveLength(6);
    expect(sim.snapshot().services[0]!.instances.find((i) => i.id === 'account-service-1')!.state).toBe('crashed');
    sim.stop();
  });

  it('refuses illegal lifecycle calls', async () => {
    const sim = new Simulation(exampleBoard('banking'));
    await expect(sim.advance(10)).rejects.toThrow(/cannot tick while it is idle/);
    await sim.start();
    expect(() => sim.resume()).toThrow(/cannot resume while it is running/);
    sim.pause();
    await sim.step(100);
    expect(sim.now).toBe(100);
    await expect(sim.advance(10)).rejects.toThrow(/cannot tick while it is paused/);
    sim.stop();
    await expect(sim.start()).rejects.toThrow(/cannot start while it is stopped/);
  });

  it('runs the E-commerce example across services, with the payment provider answering', async () => {
    const sim = new Simulation(exampleBoard('ecommerce'), { seed: 5 });
    await sim.start();
    await runFor(sim, 12_000);
    const s = sim.snapshot();
    expect(s.services.map((x) => x.instances.length)).toEqual([2, 2, 1]);
    const handled = Object.fromEntries(s.groups.map((g) => [g.kind + ':' + g.label, g.handled]));
    for (const [k, v] of Object.entries(handled)) expect(v, k).toBeGreaterThan(0);
    // Placed → charged by the provider (succeeded or failed) → shipped when paid.
    expect(Object.keys(s.outcomes).sort()).toEqual(['OrderPlaced', 'OrderShipped', 'PaymentFailed', 'PaymentSucceeded']);
    expect(s.outcomes.OrderShipped!).toBeGreaterThan(s.outcomes.PaymentSucceeded! * 0.8);
    expect(s.outcomes.OrderShipped!).toBeLessThanOrEqual(s.outcomes.PaymentSucceeded!);
    expect(s.readModels[0]!.rowCount).toBeGreaterThan(5);
    sim.stop();
  });
});

describe('topic strategies', () => {
  it('runs the one-shared-topic strategy (keys prefixed by aggregate type)', async () => {
    const banking = exampleBoard('ecommerce');
    const sim = new Simulation({ ...banking, settings: { ...banking.settings, topicStrategy: 'sharedTopic' } }, { seed: 8 });
    await sim.start();
    for (let i = 0; i < 8; i++) await sim.advance(1000);
    const s = sim.snapshot();
    expect(s.counters.handlerErrors).toBe(0);
    expect(s.outcomes.OrderShipped).toBeGreaterThan(0);
    expect(s.readModels[0]!.rowCount).toBeGreaterThan(0);
    sim.stop();
  });
});

describe('one topic per aggregate instance', () => {
  it('creates a single-partition topic per aggregate; pattern consumers pick up new ones and rebalance', async () => {
    const shop = exampleBoard('ecommerce');
    const sim = new Simulation({ ...shop, settings: { ...shop.settings, topicStrategy: 'perAggregateInstance' } }, { seed: 9, aggregateIds: 40, commandsPerSecond: 10 });
    await sim.start();
    const instanceTopics = () => new Set(sim.snapshot().partitions.filter((p) => p.topic.startsWith('order-service.order.events.')).map((p) => p.topic));
    expect(instanceTopics().size).toBe(40); // the actors' orders exist from the start
    const shipments = () => sim.snapshot().partitions.filter((p) => p.topic.startsWith('shipping-service.shipment.events.')).length;
    for (let i = 0; i < 15; i++) await sim.advance(1000);
    const s = sim.snapshot();
    expect(s.counters.handlerErrors).toBe(0);
    expect(shipments()).toBeGreaterThan(3); // ShipOrder makes new shipments: new topics on the fly
    expect(s.partitions.every((p) => !p.topic.startsWith('order-service.order.events.') || p.partition === 0)).toBe(true);
    const projector = s.groups.find((g) => g.kind === 'projector')!;
    expect(projector.handled).toBeGreaterThan(50);
    // Each metadata refresh that found new shipment topics rebalanced the projector's group.
    expect(projector.generation).toBeGreaterThan(2);
    expect(s.outcomes.OrderShipped).toBeGreaterThan(0);
    sim.stop();
  });
});

describe('boards the simulator refuses', () => {
  it('names the problem: errors on the board, nothing to run', () => {
    const banking = exampleBoard('banking');
    const broken = { ...banking, links: banking.links.filter((l) => !l.source.includes('overdraft-policy')) };
    expect(() => new Simulation(broken)).toThrow(/problem.* to fix before it can run: Policy .* issues no command/);
    expect(() => new Simulation({ ...banking, elements: [], links: [] })).toThrow(/no aggregate/);
  });
});

describe('pausing while time moves', () => {
  it('a pause during advance() takes effect at the end of the step it came in, not at the end of the advance', async () => {
    const sim = new Simulation(exampleBoard('banking'), { seed: 2, commandsPerSecond: 100 });
    await sim.start();
    await sim.advance(1_000);
    const from = sim.now;
    const moving = sim.advance(5_000);
    await Promise.resolve();
    sim.pause();
    await moving;
    expect(sim.state).toBe('paused');
    expect(sim.now - from).toBeGreaterThan(0);
    expect(sim.now - from).toBeLessThanOrEqual(100); // the step it came in (10 ms), not 5 s
    await sim.stop();
  });
});
