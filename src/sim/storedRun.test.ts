// A run stored per board survives a reload (the one-engine issue): every replica is a durable
// PartitionLog in IndexedDB and a checkpoint keeps the rest, so a restored run has the same
// partitions, offsets and counters, comes back paused, and resumes losing nothing acknowledged.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';
import type { RunStorage } from './runStore';
import type { SimSnapshot } from './simSnapshot';

const storage = (): RunStorage => ({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'run-banking' });

const offsets = (s: SimSnapshot) => s.partitions.map((p) => `${p.topic}/${p.partition}: ${p.logStart}..${p.highWatermark}..${p.logEnd}`).sort();

describe('a stored run', () => {
  it('comes back paused after a reload with the same partitions, offsets and counters, and resumes losing nothing', async () => {
    const where = storage();
    const first = new Simulation(exampleBoard('banking'), { seed: 4, commandsPerSecond: 60 });
    await first.start(where);
    await first.advance(6_000);
    // Paused where a write is not yet replicated (a read model's acks=1 table write): Kafka
    // reopens a replica at its checkpointed high watermark, so the reload must show that
    // partition's high watermark below its log end, as the run did.
    const unreplicated = (s: SimSnapshot) => s.partitions.some((p) => p.highWatermark < p.logEnd);
    for (let i = 0; i < 300 && !unreplicated(first.snapshot()); i++) await first.advance(10);
    expect(unreplicated(first.snapshot())).toBe(true);
    first.pause();
    await first.checkpoint();
    const before = first.snapshot();
    const at = first.now;
    const rows = before.readModels.map((r) => r.rowCount);
    await first.stop();

    const second = await Simulation.restore(exampleBoard('banking'), where);
    expect(second).not.toBeNull();
    const sim = second!;
    expect(sim.state).toBe('paused');
    expect(sim.now).toBe(at);
    const after = sim.snapshot();
    expect(offsets(after)).toEqual(offsets(before));
    expect(after.counters).toMatchObject({ produced: before.counters.produced, acknowledged: before.counters.acknowledged, lost: 0 });
    expect(after.counters.commandsIssued).toBe(before.counters.commandsIssued);
    expect(after.readModels.map((r) => r.rowCount)).toEqual(rows);
    // Each group's committed offsets (from __consumer_offsets), hence its lag, before any member rejoined.
    expect(after.groups.map((g) => [g.label, g.committed, g.totalLag])).toEqual(before.groups.map((g) => [g.label, g.committed, g.totalLag]));
    expect(after.services.flatMap((s) => s.instances.map((i) => i.id))).toEqual(before.services.flatMap((s) => s.instances.map((i) => i.id)));

    sim.resume();
    await sim.advance(8_000);
    const resumed = sim.snapshot();
    expect(resumed.counters.produced).toBeGreaterThan(before.counters.produced);
    expect(resumed.counters.consumed).toBeGreaterThan(before.counters.consumed);
    expect(resumed.counters.lost).toBe(0);
    expect(resumed.counters.handlerErrors).toBe(0);
    // The groups rejoined in a new generation and read on from their committed offsets.
    for (const g of resumed.groups) expect(g.generation, g.label).toBeGreaterThan(0);
    expect(resumed.groups.every((g) => g.state === 'Stable')).toBe(true);
    await sim.stop();
  }, 120_000);

  it('restored before any group committed: every group still shows what it has to read (lag from the log start)', async () => {
    const where = storage();
    const first = new Simulation(exampleBoard('banking'), { seed: 5, commandsPerSecond: 60 });
    await first.start(where);
    await first.advance(2_000); // auto-commit is every 5 s: nothing committed yet
    first.pause();
    await first.checkpoint();
    const before = first.snapshot();
    expect(before.groups.every((g) => Object.keys(g.committed).length === 0)).toBe(true);
    await first.stop();
    const sim = (await Simulation.restore(exampleBoard('banking'), where))!;
    const after = sim.snapshot();
    expect(after.groups.map((g) => [g.label, g.lag, g.totalLag])).toEqual(before.groups.map((g) => [g.label, g.lag, g.totalLag]));
    expect(after.groups.some((g) => g.totalLag > 0)).toBe(true);
    await sim.stop();
  }, 60_000);

  it('a board with nothing stored restores nothing; a discarded run is gone', async () => {
    const where = storage();
    expect(await Simulation.restore(exampleBoard('banking'), where)).toBeNull();
    const sim = new Simulation(exampleBoard('banking'), { seed: 1 });
    await sim.start(where);
    await sim.advance(1_000);
    await sim.checkpoint();
    await sim.discard();
    await sim.stop();
    expect(await Simulation.restore(exampleBoard('banking'), where)).toBeNull();
  }, 60_000);

  it('a board whose topics changed cannot continue its stored run: it says so and discards it', async () => {
    const where = storage();
    const sim = new Simulation(exampleBoard('banking'), { seed: 1 });
    await sim.start(where);
    await sim.advance(1_000);
    await sim.checkpoint();
    await sim.stop();
    await expect(Simulation.restore(exampleBoard('ecommerce'), where)).rejects.toThrow(/changed since its run was stored/);
    expect(await Simulation.restore(exampleBoard('banking'), where)).toBeNull();
  }, 60_000);

  it('storage refusing a checkpoint (full): the run goes on in memory, cuts nothing acknowledged, and a reload finds no stored run', async () => {
    let full = false;
    const where: RunStorage = {
      ...storage(),
      beforeCommit: () => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const sim = new Simulation(exampleBoard('banking'), { seed: 3, commandsPerSecond: 60 });
    await sim.start(where);
    await sim.advance(4_000);
    await sim.checkpoint();
    full = true;
    await sim.advance(3_000);
    const before = sim.snapshot();
    await expect(sim.checkpoint()).rejects.toMatchObject({ code: 'SIM_STORED_RUN' });
    await sim.keepInMemory();
    expect(sim.durable).toBe(false);
    // What storage refused stays in memory: no replica's log went back.
    const after = sim.snapshot();
    const ends = (s: SimSnapshot) => s.partitions.map((p) => `${p.topic}/${p.partition} ${p.replicaLogEnd.join(',')}`).sort();
    expect(ends(after)).toEqual(ends(before));
    await sim.advance(5_000);
    const end = sim.snapshot();
    expect(end.counters.lost).toBe(0);
    expect(end.counters.acknowledged).toBeGreaterThan(before.counters.acknowledged);
    expect(end.counters.consumed).toBeGreaterThan(before.counters.consumed);
    // Checkpoints are no longer tried.
    await sim.checkpoint();
    await sim.stop();
    full = false;
    expect(await Simulation.restore(exampleBoard('banking'), where)).toBeNull();
  }, 60_000);
});

