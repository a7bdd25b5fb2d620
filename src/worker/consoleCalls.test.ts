// Kafka console calls through the worker host act on the running board's cluster: a browse
// answers from the run's topics without adding a group, a reset of a group whose instances
// run is refused with Kafka's error, and calls before a run answer with a typed error.
import { describe, expect, it } from 'vitest';
import { exampleBoard } from '../sim/testing/exampleBoards';
import type { BrowsePage } from '../sim';
import type { ConsoleReply, WorkerMessage } from './protocol';
import { SimWorkerHost } from './simWorkerHost';

function harness() {
  const posts: WorkerMessage[] = [];
  let now = 0;
  const host = new SimWorkerHost({ post: (m) => posts.push(m), now: () => now, setTimeout: () => 0 });
  const reply = (id: number) => posts.find((m): m is ConsoleReply => m.type === 'consoleReply' && m.id === id)!;
  return { host, posts, reply, advance: (ms: number) => (now += ms) };
}

describe('Kafka console calls on the worker host', () => {
  it("browse the run's topics, and refuse to reset a group that has members", async () => {
    const h = harness();
    await h.host.call({ type: 'console', id: 1, method: 'topicConfigs', args: ['nope'] });
    expect(h.reply(1)).toMatchObject({ ok: false, code: 'SIM_NOT_STARTED' });
    await h.host.handle({ type: 'start', board: exampleBoard('banking'), options: { seed: 3 } });
    for (let i = 0; i < 400; i++) {
      h.advance(25);
      await h.host.tick();
    }
    const snap = [...h.posts].reverse().find((m) => m.type === 'snapshot');
    if (snap?.type !== 'snapshot') throw new Error('expected a snapshot');
    const group = snap.snapshot.groups.find((g) => g.members.length > 0)!;
    const topic = group.topics[0]!;
    const groupsBefore = snap.snapshot.groups.map((g) => g.groupId).sort();
    await h.host.call({ type: 'console', id: 2, method: 'browse', args: [{ topic, partition: null, from: { kind: 'latest' }, limit: 5 }] });
    const browse = h.reply(2);
    expect(browse.ok).toBe(true);
    const page = (browse as { value: BrowsePage }).value;
    expect(page.messages.length).toBe(5);
    expect(page.messages.every((m) => m.atMs > 0 && m.atMs <= 10_000)).toBe(true);
    await h.host.call({ type: 'console', id: 3, method: 'resetOffsets', args: [{ groupId: group.groupId, topic, partition: null, to: { kind: 'earliest' } }] });
    expect(h.reply(3)).toMatchObject({ ok: false, code: 'UNKNOWN_MEMBER_ID' });
    h.advance(200);
    await h.host.tick();
    const after = [...h.posts].reverse().find((m) => m.type === 'snapshot');
    if (after?.type !== 'snapshot') throw new Error('expected a snapshot');
    expect(after.snapshot.groups.map((g) => g.groupId).sort()).toEqual(groupsBefore);
    await h.host.handle({ type: 'stop' });
  });

  it('a reset made while the run is paused waits for simulated time (acks=all) without holding up Resume', async () => {
    const h = harness();
    await h.host.handle({ type: 'start', board: exampleBoard('banking'), options: { seed: 3 } });
    for (let i = 0; i < 200; i++) {
      h.advance(25);
      await h.host.tick();
    }
    const snap = [...h.posts].reverse().find((m) => m.type === 'snapshot');
    if (snap?.type !== 'snapshot') throw new Error('expected a snapshot');
    for (const i of snap.snapshot.services[0]!.instances) await h.host.handle({ type: 'instance', action: 'remove', target: i.id });
    for (let i = 0; i < 40; i++) {
      h.advance(25);
      await h.host.tick();
    }
    await h.host.handle({ type: 'pause' });
    let answered = false;
    void h.host.call({ type: 'console', id: 7, method: 'resetOffsets', args: [{ groupId: 'account-service.balance.projector', topic: 'account-service.account.events', partition: null, to: { kind: 'earliest' } }] }).then(() => (answered = true));
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(answered).toBe(false);
    await h.host.handle({ type: 'resume' });
    for (let i = 0; i < 40 && !answered; i++) {
      h.advance(25);
      await h.host.tick();
    }
    expect(h.reply(7)).toMatchObject({ ok: true });
    const reset = (h.reply(7) as { value: { partitions: { after: string }[] } }).value;
    expect(reset.partitions.map((p) => p.after)).toEqual(['0', '0', '0', '0', '0', '0']);
    await h.host.handle({ type: 'stop' });
  });
});
