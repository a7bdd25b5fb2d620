import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exampleBoard } from '../sim/testing/exampleBoards';
import { SNAPSHOT_INTERVAL_MS, type WorkerMessage } from './protocol';
import { SimWorkerHost } from './simWorkerHost';

/** A host on a hand-moved clock recording what it posts; with IndexedDB it stores runs. */
function harness(env: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
  const posts: { m: WorkerMessage; transfer: Transferable[]; at: number }[] = [];
  let now = 0;
  const host = new SimWorkerHost({ post: (m, transfer) => posts.push({ m, transfer, at: now }), now: () => now, setTimeout: () => 0 }, env);
  return { host, posts, advance: (ms: number) => (now += ms) };
}

describe('SimWorkerHost', () => {
  it('coalesces snapshots to at most one per SNAPSHOT_INTERVAL_MS and transfers the series buffers', async () => {
    const h = harness();
    await h.host.handle({ type: 'start', board: exampleBoard('banking'), options: { seed: 1 } });
    expect(h.posts[0]!.m.type).toBe('structure');
    for (let i = 0; i < 300; i++) {
      h.advance(5);
      await h.host.tick();
    }
    const snaps = h.posts.filter((p) => p.m.type === 'snapshot');
    expect(snaps.length).toBeGreaterThan(1500 / SNAPSHOT_INTERVAL_MS / 2);
    expect(snaps.length).toBeLessThanOrEqual(Math.ceil(1500 / SNAPSHOT_INTERVAL_MS) + 1);
    for (let i = 1; i < snaps.length; i++) expect(snaps[i]!.at - snaps[i - 1]!.at).toBeGreaterThanOrEqual(SNAPSHOT_INTERVAL_MS);
    const last = snaps[snaps.length - 1]!;
    if (last.m.type !== 'snapshot') throw new Error('expected a snapshot');
    expect(last.m.snapshot.at).toBeGreaterThanOrEqual(1400);
    // Series travel only when a sample was added (every 500 ms of simulated time), transferred.
    const withSeries = snaps.filter((p) => p.m.type === 'snapshot' && p.m.series.columns.length > 0);
    expect(withSeries.length).toBeGreaterThanOrEqual(2);
    expect(withSeries.length).toBeLessThanOrEqual(4);
    for (const p of withSeries) {
      if (p.m.type !== 'snapshot') continue;
      expect(p.m.series.columns.length).toBe(p.m.series.names.length);
      // The whole-run history travels with them, transferred too.
      expect(p.m.series.history!.columns.length).toBe(p.m.series.history!.names.length);
      expect(p.transfer.length).toBe(p.m.series.columns.length + p.m.series.history!.columns.length);
    }
  });

  it('reports the speed the run really has: the chosen one while it keeps up, less when a tick cannot advance that far', async () => {
    const h = harness();
    await h.host.handle({ type: 'start', board: exampleBoard('banking'), options: { seed: 1, speed: 2 } });
    const achieved = () => h.posts.filter((p) => p.m.type === 'snapshot').map((p) => (p.m.type === 'snapshot' ? p.m.achievedSpeed : undefined));
    for (let i = 0; i < 60; i++) {
      h.advance(50);
      await h.host.tick();
    }
    const kept = achieved();
    expect(kept[0]).toBeUndefined(); // not measured before a second of running
    expect(kept.at(-1)).toBeCloseTo(2, 1);
    // 100× asked, ticks 100 ms apart: each advances at most MAX_SIM_MS_PER_TICK (2 s) — 20×.
    await h.host.handle({ type: 'speed', speed: 100 });
    // Past the 3 s window, so it holds only this phase.
    for (let i = 0; i < 32; i++) {
      h.advance(100);
      await h.host.tick();
    }
    expect(achieved().at(-1)).toBeCloseTo(20, 0);
    await h.host.handle({ type: 'pause' });
    for (let i = 0; i < 5; i++) {
      h.advance(100);
      await h.host.tick();
    }
    expect(achieved().at(-1)).toBeUndefined();
  });

  it('answers an illegal command with a typed error message instead of throwing', async () => {
    const h = harness();
    await h.host.handle({ type: 'pause' });
    const m = h.posts[0]!.m;
    expect(m.type).toBe('error');
    if (m.type === 'error') expect(m.code).toBe('SIM_NOT_STARTED');
    await h.host.handle({ type: 'start', board: exampleBoard('banking'), options: {} });
    await h.host.handle({ type: 'resume' });
    const e = h.posts[h.posts.length - 1]!.m;
    expect(e.type === 'error' && e.code).toBe('SIM_ILLEGAL_TRANSITION');
  });

  it('compiles a board for its problems without starting a run', async () => {
    const h = harness();
    const banking = exampleBoard('banking');
    const broken = { ...banking, links: banking.links.filter((l) => !l.source.includes('overdraft-policy')) };
    await h.host.handle({ type: 'compile', board: broken, seq: 7 });
    const m = h.posts[0]!.m;
    expect(m.type === 'problems' && m.seq).toBe(7);
    if (m.type === 'problems') expect(m.problems.some((p) => p.code === 'policy-without-command' && p.severity === 'error')).toBe(true);
    expect(h.posts.filter((p) => p.m.type === 'snapshot')).toHaveLength(0);
  });

  it("answers a compile with the schema verdicts of events that have registered versions (the inspector's, off the page)", async () => {
    const h = harness();
    const banking = exampleBoard('banking');
    const deposited = banking.elements.find((e) => e.kind === 'event' && e.text === 'Money deposited')!;
    if (deposited.kind !== 'event') throw new Error('Money deposited is an event');
    const evolved = { ...deposited, schemaVersions: [{ fields: deposited.fields }], fields: [...deposited.fields, { name: 'channel', type: 'string' as const, optional: false, doc: '' }] };
    await h.host.handle({ type: 'compile', board: { ...banking, elements: banking.elements.map((e) => (e.id === deposited.id ? evolved : e)) }, seq: 3 });
    const m = h.posts[0]!.m;
    if (m.type !== 'problems') throw new Error(`expected problems, got ${m.type}`);
    expect(Object.keys(m.schemas ?? {})).toEqual([deposited.id]);
    const verdict = m.schemas![deposited.id]!;
    expect('proposal' in verdict && verdict.proposal.verdict?.issues.map((i) => [i.rule, i.field])).toEqual([['READER_FIELD_MISSING_DEFAULT_VALUE', 'channel']]);
  });

  it('shows a fault experiment instead of the board while it plays', async () => {
    const h = harness();
    await h.host.handle({ type: 'experiment', action: 'start', id: 'acks1-leader-crash' });
    await h.host.handle({ type: 'experiment', action: 'finish' });
    h.advance(40);
    await h.host.tick();
    const snap = h.posts.filter((p) => p.m.type === 'snapshot').pop()!.m;
    if (snap.type !== 'snapshot') throw new Error('expected a snapshot');
    expect(snap.snapshot.source).toBe('experiment');
    expect(snap.snapshot.counters.lost).toBe(25);
  });

  it('an experiment waits for "next" instead of playing on, and plays on when asked', async () => {
    const h = harness();
    await h.host.handle({ type: 'experiment', action: 'start', id: 'acks1-leader-crash' });
    const step = () => {
      const m = h.posts.filter((p) => p.m.type === 'snapshot').pop()!.m;
      if (m.type !== 'snapshot') throw new Error('expected a snapshot');
      return m.snapshot.experiment!.step;
    };
    h.advance(2000);
    await h.host.tick();
    expect(step()).toBe(0);
    await h.host.handle({ type: 'experiment', action: 'next' });
    for (let i = 0; i < 10; i++) {
      h.advance(400);
      await h.host.tick();
    }
    expect(step()).toBe(1);
    await h.host.handle({ type: 'experiment', action: 'next' });
    h.advance(400);
    await h.host.tick();
    expect(step()).toBe(2);
    await h.host.handle({ type: 'experiment', action: 'play' });
    for (let i = 0; i < 10; i++) {
      h.advance(400);
      await h.host.tick();
    }
    expect(step()).toBeGreaterThan(2);
  });
});

describe('stored runs in the worker', () => {
  it('a new worker on the same storage brings the board run back paused; discard deletes it', async () => {
    const { IDBFactory, IDBKeyRange } = await import("fake-indexeddb");
    const indexedDB = new IDBFactory();
    const board = exampleBoard('banking');
    const first = harness({ indexedDB, IDBKeyRange });
    await first.host.handle({ type: 'start', board, options: { seed: 2, speed: 10 } });
    for (let i = 0; i < 40; i++) {
      first.advance(50);
      await first.host.tick();
    }
    await first.host.handle({ type: 'pause' });
    // The page stores the run when it is hidden or closed (a reload): the pause's checkpoint is written by then.
    await first.host.handle({ type: 'checkpoint' });
    first.advance(200);
    await first.host.tick();
    const paused = lastSnapshot(first.posts)!;
    if (!paused) throw new Error(JSON.stringify(first.posts.map((p) => p.m.type === "error" ? p.m : p.m.type)));
    expect(paused.state).toBe('paused');
    expect(paused.stored).toBe(true);
    expect(paused.at).toBeGreaterThan(1_000);

    // A reload: a new worker, the same browser storage.
    const second = harness({ indexedDB, IDBKeyRange });
    await second.host.handle({ type: 'restore', board });
    expect(second.posts.map((p) => p.m.type)).toEqual(['restored', 'structure']);
    expect(second.posts[0]!.m).toEqual({ type: 'restored', boardId: board.id, found: true });
    second.advance(200);
    await second.host.tick();
    const restored = lastSnapshot(second.posts)!;
    expect(restored).toMatchObject({ state: 'paused', at: paused.at, stored: true });
    expect(restored.counters.acknowledged).toBe(paused.counters.acknowledged);

    await second.host.handle({ type: 'stop' });
    await second.host.handle({ type: 'discard', boardId: board.id });
    expect(second.posts.at(-1)!.m).toEqual({ type: 'discarded', boardId: board.id });
    const third = harness({ indexedDB, IDBKeyRange });
    await third.host.handle({ type: 'restore', board });
    expect(third.posts.map((p) => p.m)).toEqual([{ type: 'restored', boardId: board.id, found: false }]);
  }, 60_000);
});

function lastSnapshot(posts: { m: WorkerMessage }[]) {
  for (let i = posts.length - 1; i >= 0; i--) {
    const m = posts[i]!.m;
    if (m.type === 'snapshot') return m.snapshot;
  }
  return null;
}
