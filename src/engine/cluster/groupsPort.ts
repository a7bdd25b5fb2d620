// The engine's side of the consumer groups: the one coordinator and member implementation
// (src/engine/groups) reach the engine's logs through this port — partition counts, the
// leader's log start and high watermark, fetches (async: chunks may be paged out of IndexedDB)
// — and store accepted commits in __consumer_offsets. Fetched records carry their offset as the
// id the groups use to count deliveries of a record already passed (duplicates).
import type { Rng } from '../../lib/rng';
import type { GroupsAccess } from '../client/groupViews';
import { ConsumerGroups, type GroupsPort } from '../groups/consumerGroups';
import type { GroupsOptions } from '../groups/types';
import type { EventFeed } from '../replication/eventFeed';
import type { Ledger } from '../replication/ledger';
import { readConsumed } from '../replication/records';
import type { Engine } from '../broker/engine';
import type { OffsetStore } from '../broker/offsetStore';

const NOTHING_FETCHED = Object.freeze({ records: Object.freeze([]) });

export function createEngineGroups(engine: Engine, offsets: OffsetStore, feed: EventFeed, ledger: Ledger, rng: Rng, options: GroupsOptions): GroupsAccess {
  /** Commits not yet acknowledged, and commits not yet written to their partition's leader. */
  const writing = new Set<Promise<unknown>>();
  const unwritten = new Set<Promise<unknown>>();
  const chains = new Map<string, Promise<unknown>>();
  const port: GroupsPort = {
    clock: engine.clock,
    rng,
    feed,
    ledger,
    partitionCount: (t) => engine.topics.get(t)?.partitions.length ?? 0,
    offsets: (t, p) => engine.cluster.offsets(t, p),
    // Refused as a broker refuses (no leader, leader down or isolated, out of range); the
    // member retries at its next poll. Records carry Kafka's identity (epoch, offset), so a
    // record rewritten at the same offset after a failover is not taken for a duplicate.
    fetch(t, p, offset, max) {
      const records = readConsumed(engine.cluster.fetchLog(t, p, offset), offset, max);
      if (records instanceof Promise) return records.then((r) => ({ records: r }));
      return records.length === 0 ? NOTHING_FETCHED : { records };
    },
    track: (work) => void engine.track(work),
    persistCommit(groupId, changed) {
      const list = [...changed].map(([k, offset]) => {
        const at = k.lastIndexOf('\u0000');
        return { topic: k.slice(0, at), partition: Number(k.slice(at + 1)), offset: String(offset) };
      });
      // The commit is accepted (in memory) now; its record is written to __consumer_offsets in
      // commit order, one after another per group (an older offset written after a newer one
      // would win on reopen), and acknowledged as the partition's acks allow. A failure leaves
      // the in-memory offset, as a coordinator's cache would.
      const written = (chains.get(groupId) ?? Promise.resolve()).then(() => offsets.write(groupId, list)).catch(() => undefined);
      chains.set(groupId, written);
      void written.finally(() => chains.get(groupId) === written && chains.delete(groupId));
      unwritten.add(written);
      void written.finally(() => unwritten.delete(written));
      const w = written.then((x) => x?.acked).catch(() => undefined);
      writing.add(w);
      void w.finally(() => writing.delete(w));
    },
  };
  const groups = new ConsumerGroups(port, options);
  // New records wake idle members that own the partition, as a parked fetch would answer.
  const watch = (topic: string) => {
    const t = engine.topics.get(topic);
    if (!t) return;
    for (const ps of t.partitions) {
      for (const log of ps.logs.values()) {
        if (watched.has(log)) continue;
        watched.add(log);
        // Consumers read the leader: a follower's high watermark moving wakes nobody.
        log.events.on('highWatermark', () => ps.logs.get(ps.leader) === log && groups.wake(topic, ps.partition));
      }
    }
  };
  const watched = new WeakSet<object>();
  for (const name of engine.topics.keys()) watch(name);
  engine.events.on('topicCreated', ({ topic }) => watch(topic));
  engine.events.on('partitionsAdded', ({ topic }) => watch(topic));
  return {
    groups,
    offsets,
    async persisted() {
      while (writing.size > 0) await Promise.all([...writing]);
    },
    async written() {
      while (unwritten.size > 0) await Promise.all([...unwritten]);
    },
  };
}
