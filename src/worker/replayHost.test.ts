// Exact replay in the worker: a stored run with a broker stopped, paused at some instant and run
// on, brought back by a new worker (a reload), replayed and scrubbed back to that instant shows
// the same counters, offsets and assignments; the replay refuses controls until taken over,
// and a run taken over goes on from there, stored, recording new actions after the old ones.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { SimSnapshot } from '../sim';
import { exampleBoard } from '../sim/testing/exampleBoards';
import type { ReplayView, WorkerMessage } from './protocol';
import { SimWorkerHost } from './simWorkerHost';

function harness(env: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
  const posts: WorkerMessage[] = [];
  let now = 0;
  const host = new SimWorkerHost({ post: (m) => posts.push(m), now: () => now, setTimeout: () => 0 }, env);
  const ticks = async (n: number, ms = 50) => {
    for (let i = 0; i < n; i++) {
      now += ms;
      await host.tick();
    }
  };
  const last = (): { snapshot: SimSnapshot; replay: ReplayView } => {
    for (let i = posts.length - 1; i >= 0; i--) {
      const m = posts[i]!;
      if (m.type === 'snapshot' && m.replay) return { snapshot: m.snapshot, replay: m.replay };
    }
    throw new Error('no snapshot yet');
  };
  const errors = () => posts.filter((m) => m.type === 'error').map((m) => (m.type === 'error' ? m.code : ''));
  return { host, posts, ticks, last, errors };
}

const state = (s: SimSnapshot) => JSON.stringify([s.at, s.counters, s.partitions.map((p) => [p.topic, p.partition, p.leader, p.isr, p.highWatermark, p.logEnd]), s.groups.map((g) => [g.groupId, g.generation, g.committed, g.members])]);

describe('exact replay in the worker', () => {
  it('replays a reloaded run to an instant it showed, read-only until taken over', async () => {
    const indexedDB = new IDBFactory();
    const board = exampleBoard('banking');
    const first = harness({ indexedDB, IDBKeyRange });
    await first.host.handle({ type: 'start', board, options: { seed: 5, speed: 10 } });
    await first.ticks(10);
    await first.host.handle({ type: 'broker', action: 'stop', id: 1 });
    await first.ticks(8);
    await first.host.handle({ type: 'pause' });
    await first.ticks(3);
    const seen = first.last().snapshot;
    expect(seen.state).toBe('paused');
    await first.host.handle({ type: 'resume' });
    await first.ticks(8);
    await first.host.handle({ type: 'pause' });
    await first.host.handle({ type: 'checkpoint' });
    await first.ticks(2);
    const end = first.last();
    expect(end.replay).toMatchObject({ mode: 'live', end: end.snapshot.at });
    expect(end.replay.marks.map((m) => m.label)).toEqual(['Stop broker 1']);
    // The page goes away (a reload ends its worker): its connections to the storage close.
    await first.host.handle({ type: 'stop' });

    const second = harness({ indexedDB, IDBKeyRange });
    await second.host.handle({ type: 'restore', board });
    await second.host.handle({ type: 'replay', action: 'open' });
    await second.ticks(1);
    expect(second.last().replay).toMatchObject({ mode: 'replay', at: 0, end: end.snapshot.at });
    // Forward to the end, then back to the paused instant (replayed from the start).
    await second.host.handle({ type: 'replay', action: 'seek', at: end.snapshot.at });
    await second.ticks(200);
    expect(state(second.last().snapshot)).toBe(state(end.snapshot));
    await second.host.handle({ type: 'replay', action: 'seek', at: seen.at });
    await second.ticks(1);
    expect(second.last().replay.seeking).toMatchObject({ target: seen.at, fromStart: true });
    await second.ticks(200);
    expect(second.last().replay.seeking).toBeNull();
    expect(state(second.last().snapshot)).toBe(state(seen));
    await second.host.handle({ type: 'replay', action: 'step' });
    await second.ticks(2);
    expect(second.last().snapshot.at).toBe(seen.at + 10);

    // Read-only: a fault is refused, the replay is untouched.
    await second.host.handle({ type: 'broker', action: 'crash', id: 2 });
    expect(second.errors()).toEqual(['SIM_REPLAY_READ_ONLY']);

    await second.host.handle({ type: 'replay', action: 'takeOver' });
    await second.ticks(1);
    const taken = second.last();
    expect(taken.replay.mode).toBe('live');
    expect(taken.snapshot.at).toBe(seen.at + 10);
    expect(taken.snapshot.stored).toBe(true);
    await second.host.handle({ type: 'broker', action: 'start', id: 1 });
    await second.host.handle({ type: 'resume' });
    await second.ticks(5);
    const after = second.last();
    expect(after.snapshot.at).toBeGreaterThan(seen.at + 10);
    expect(after.replay.marks.map((m) => [m.label, m.at])).toEqual([
      ['Stop broker 1', end.replay.marks[0]!.at],
      ['Start broker 1', seen.at + 10],
    ]);
    expect(second.errors()).toEqual(['SIM_REPLAY_READ_ONLY']);
    await second.host.handle({ type: 'stop' });
  }, 240_000);
});
