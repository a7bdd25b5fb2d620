// The one worker protocol: engine calls are answered by id (a value or a typed error), and
// simulation commands reach the simulation, through the same host and message port.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { exampleBoard } from '../sim/testing/exampleBoards';
import type { WorkerMessage } from './protocol';
import { WorkerHost } from './workerHost';

function harness() {
  const posts: WorkerMessage[] = [];
  const host = new WorkerHost({ post: (m) => posts.push(m), now: () => 0, setTimeout: () => 0 }, { indexedDB: new IDBFactory() });
  return { host, posts };
}

describe('WorkerHost', () => {
  it('answers engine calls by id, with the value or the error code and message', async () => {
    const { host, posts } = harness();
    await host.handle({ type: 'engine', id: 1, method: 'open', args: [{ storage: 'memory' }] });
    await host.handle({ type: 'engine', id: 2, method: 'createTopics', args: [[{ topic: 'orders', numPartitions: 2 }]] });
    await host.handle({ type: 'engine', id: 3, method: 'listTopics', args: [] });
    await host.handle({ type: 'engine', id: 4, method: 'send', args: ['missing', [{ value: 'x' }]] });
    expect(posts.map((p) => (p.type === 'engineReply' ? p.id : -1))).toEqual([1, 2, 3, 4]);
    expect(posts[2]).toMatchObject({ ok: true, value: ['orders'] });
    expect(posts[3]).toMatchObject({ ok: false, code: 'UNKNOWN_TOPIC_OR_PARTITION' });
  });

  it('routes simulation commands to the simulation (its structure comes back on the same port)', async () => {
    const { host, posts } = harness();
    await host.handle({ type: 'start', board: exampleBoard('banking'), options: { seed: 1 } });
    expect(posts.map((p) => p.type)).toContain('structure');
    await host.handle({ type: 'stop' });
  });
});
