// Seeded random consumer groups for comparing our assignors with Kafka's: topics with partition
// counts, members with equal or differing subscriptions, static members, and — as a group
// looks when it rebalances — owned partitions from a previous round with generations, after
// members left or joined, partitions were added, or owners went stale.
import { createRng, type Rng } from '../../lib/rng';
import type { AssignorInput, AssignorMember, TopicPartitionTuple } from '../index';

const TOPIC_WORDS = ['orders', 'payments', 'accounts', 'a', 'a.b', 'a_b', 'A', 'orders-v2', 'Über', 'z'];

export interface GroupShape {
  /** Whether members carry owned partitions and generations (a rebalance, not a first join). */
  readonly rejoin: boolean;
  /** Whether every member subscribes to the same topics. */
  readonly equalSubscriptions: boolean;
}

function memberId(rng: Rng, i: number): string {
  const style = rng.int(3);
  if (style === 0) return `consumer-${i}`;
  if (style === 1) return `m${rng.int(1000)}`;
  return `app-${rng.int(5)}-${(rng.int(0xffffff) + 0x1000000).toString(16).slice(1)}`;
}

function subset<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.filter(() => rng.chance(0.5));
  return out.length > 0 ? out : [rng.pick(items)];
}

/** Splits `partitions` among `members` at random: what some earlier round may have left. */
function scatter(rng: Rng, partitions: TopicPartitionTuple[], members: number): TopicPartitionTuple[][] {
  const out: TopicPartitionTuple[][] = Array.from({ length: members }, () => []);
  if (members === 0) return out;
  for (const tp of partitions) out[rng.int(members)]!.push(tp);
  return out;
}

export function randomGroup(seed: number, shape: GroupShape): AssignorInput {
  const rng = createRng(seed);
  const topicCount = 1 + rng.int(4);
  const names = new Set<string>();
  while (names.size < topicCount) names.add(rng.chance(0.6) ? rng.pick(TOPIC_WORDS) : `t${rng.int(40)}`);
  const topicNames = [...names];
  const topics: Record<string, number> = {};
  for (const t of topicNames) topics[t] = 1 + (rng.chance(0.15) ? rng.int(40) : rng.int(10));

  const memberCount = 1 + (rng.chance(0.2) ? rng.int(16) : rng.int(7));
  const ids = new Set<string>();
  while (ids.size < memberCount) ids.add(memberId(rng, ids.size));
  const common = subset(rng, topicNames);
  const members: { id: string; topics: string[]; owned?: TopicPartitionTuple[]; generation?: number; groupInstanceId?: string }[] = [...ids].map((id) => ({
    id,
    topics: shape.equalSubscriptions ? common : subset(rng, topicNames),
  }));
  const statics = rng.int(3); // 0: none, 1: some, 2: all static
  for (const m of members) {
    if (statics === 2 || (statics === 1 && rng.chance(0.5))) m.groupInstanceId = `instance-${rng.int(100)}-${m.id.length}`;
  }
  // Instance ids are unique within a group.
  const seen = new Set<string>();
  for (const m of members) {
    if (m.groupInstanceId === undefined) continue;
    while (seen.has(m.groupInstanceId)) m.groupInstanceId += 'x';
    seen.add(m.groupInstanceId);
  }

  if (shape.rejoin) {
    // The previous round: partitions as they were (possibly fewer per topic), split among the
    // members that were there (some of today's are new), at generation g.
    const generation = 1 + rng.int(20);
    // Older claims come from an earlier generation (generations count from 0).
    const previous: TopicPartitionTuple[] = [];
    for (const t of topicNames) {
      const before = rng.chance(0.2) ? Math.max(1, topics[t]! - rng.int(3)) : topics[t]!;
      for (let p = 0; p < before; p++) if (members.some((m) => m.topics.includes(t)) || rng.chance(0.1)) previous.push([t, p]);
    }
    const old = members.filter(() => rng.chance(0.8));
    const parts = scatter(rng, previous.filter(() => rng.chance(0.92)), old.length);
    old.forEach((m, i) => {
      const owned = parts[i]!;
      // A member whose subscription changed still reports what it held.
      if (rng.chance(0.05) && previous.length > 0) owned.push(rng.pick(previous));
      m.owned = owned;
      const r = rng.next();
      m.generation = r < 0.9 ? generation : Math.max(0, generation - 1 - rng.int(3));
    });
    // Now and then two members claim one partition (a zombie), in the same or another generation.
    if (old.length >= 2 && rng.chance(0.1)) {
      const [a, b] = [old[0]!, old[1]!];
      const tp = a.owned?.[0];
      if (tp && !b.owned!.some((x) => x[0] === tp[0] && x[1] === tp[1])) b.owned!.push(tp);
      if (rng.chance(0.5)) b.generation = a.generation!;
    }
  }
  const out: AssignorMember[] = members.map((m) => ({
    id: m.id,
    topics: m.topics,
    ...(m.owned ? { owned: m.owned } : {}),
    ...(m.generation !== undefined ? { generation: m.generation } : {}),
    ...(m.groupInstanceId !== undefined ? { groupInstanceId: m.groupInstanceId } : {}),
  }));
  return { topics, members: out };
}
