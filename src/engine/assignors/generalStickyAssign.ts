// Kafka's AbstractStickyAssignor.GeneralAssignmentBuilder (no racks), used when members have
// different subscriptions: keep every still-valid owned partition, give each unassigned one to
// the least-loaded eligible member, then move partitions (preferring a partition's previous
// owner from an older generation) until no move improves balance, reverting if the balance
// score did not improve. Member and partition orders follow Kafka's comparators.
import { PartitionMovements } from './partitionMovements';
import type { OwnershipClaims } from './stickyOwnership';
import type { StickyResult } from './constrainedStickyAssign';
import { DEFAULT_GENERATION, compareStrings, parseTpKey, tpKey } from './types';

export function generalAssign(partitionsPerTopic: ReadonlyMap<string, number>, claims: OwnershipClaims): StickyResult {
  const subscriptions = new Map(claims.order.map((m) => [m.id, new Set(m.topics)]));
  const topicConsumers = new Map<string, string[]>();
  for (const t of partitionsPerTopic.keys()) topicConsumers.set(t, []);
  const consumerTopics = new Map<string, string[]>();
  for (const m of claims.order) {
    const list: string[] = [];
    consumerTopics.set(m.id, list);
    for (const t of new Set(m.topics)) {
      const c = topicConsumers.get(t);
      if (c) { list.push(t); c.push(m.id); }
    }
  }
  const current = new Map<string, string[]>();
  for (const m of claims.order) current.set(m.id, [...(claims.owned.get(m.id) ?? [])]);
  const partitionConsumer = new Map<string, string>();
  for (const [c, list] of current) for (const k of list) partitionConsumer.set(k, c);

  // Kafka's TopicComparator / PartitionComparator: fewest potential consumers first, then name.
  const topicRank = (a: string, b: string) => topicConsumers.get(a)!.length - topicConsumers.get(b)!.length || compareStrings(a, b);
  const sortedTopics = [...topicConsumers.keys()].sort(topicRank);
  let sortedAll: string[] = sortedTopics.flatMap((t) => Array.from({ length: partitionsPerTopic.get(t)! }, (_, p) => tpKey(t, p)));
  const partitionCount = (t: string) => partitionsPerTopic.get(t) ?? 0;

  // prevAssignment: partitions reported by members of older generations, newest such claim wins.
  const prev = new Map<string, { consumer: string; generation: number }>();
  for (const m of claims.order) {
    const g = m.generation;
    const record = (generation: number) => {
      for (const [t, p] of m.owned ?? []) {
        const k = tpKey(t, p);
        const e = prev.get(k);
        if (!e || generation > e.generation) prev.set(k, { consumer: m.id, generation });
      }
    };
    if (g !== undefined && g < claims.maxGeneration) record(g);
    else if (g === undefined && claims.maxGeneration > DEFAULT_GENERATION) record(DEFAULT_GENERATION);
  }

  // Drop owned partitions whose topic the member no longer subscribes to.
  let revocationRequired = false;
  const assignedSet = new Set<string>();
  for (const [c, list] of current) {
    const subs = subscriptions.get(c)!;
    for (let i = list.length - 1; i >= 0; i--) {
      const k = list[i]!;
      if (!subs.has(parseTpKey(k)[0])) { list.splice(i, 1); revocationRequired = true; }
      else assignedSet.add(k);
    }
  }
  let unassigned = sortedAll.filter((k) => !assignedSet.has(k));

  // sortedCurrentSubscriptions: a TreeSet ordered by (assignment size, member id).
  const sizeOf = (c: string) => current.get(c)!.length;
  const rank = (a: string, b: string) => sizeOf(a) - sizeOf(b) || compareStrings(a, b);
  const sorted = [...current.keys()].sort(rank);
  const treeRemove = (c: string) => { const i = sorted.indexOf(c); if (i >= 0) sorted.splice(i, 1); };
  const treeAdd = (c: string) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (rank(sorted[mid]!, c) < 0) lo = mid + 1; else hi = mid; }
    sorted.splice(lo, 0, c);
  };

  const maxSizes = new Map([...consumerTopics].map(([c, ts]) => [c, ts.reduce((s, t) => s + partitionCount(t), 0)]));
  const maxAssignmentSize = (c: string) => maxSizes.get(c)!;
  const keysOf = new Map([...partitionsPerTopic.keys()].map((t) => [t, Array.from({ length: partitionCount(t) }, (_, p) => tpKey(t, p))]));
  const topicCanMove = (t: string) => (topicConsumers.get(t)?.length ?? 0) >= 2;
  const consumerCanMove = (c: string) => {
    const list = current.get(c)!;
    if (list.length < maxAssignmentSize(c)) return true;
    return list.some((k) => topicCanMove(parseTpKey(k)[0]));
  };

  const initializing = sorted.length === 0 || sizeOf(sorted[sorted.length - 1]!) === 0;
  for (const k of unassigned) {
    const topic = parseTpKey(k)[0];
    if (topicConsumers.get(topic)!.length === 0) continue;
    const c = sorted.find((x) => subscriptions.get(x)!.has(topic));
    if (!c) continue;
    treeRemove(c);
    current.get(c)!.push(k);
    partitionConsumer.set(k, c);
    treeAdd(c);
  }

  const fixedTopics = new Set([...topicConsumers.keys()].filter((t) => !topicCanMove(t)));
  sortedAll = sortedAll.filter((k) => !fixedTopics.has(parseTpKey(k)[0]));
  unassigned = unassigned.filter((k) => !fixedTopics.has(parseTpKey(k)[0]));
  const fixed = new Map<string, string[]>();
  for (const c of consumerTopics.keys()) {
    if (!consumerCanMove(c)) {
      treeRemove(c);
      fixed.set(c, current.get(c)!);
      current.delete(c);
    }
  }
  // Per topic, how many of its partitions each (non-fixed) member holds: lets isBalanced answer
  // from the largest owner size per topic instead of visiting every partition.
  const topicOfKey = new Map<string, string>();
  for (const [t, keys] of keysOf) for (const k of keys) topicOfKey.set(k, t);
  const topicOwners = new Map<string, Map<string, number>>();
  const own = (k: string, c: string, delta: number) => {
    const t = topicOfKey.get(k);
    if (t === undefined) return;
    let owners = topicOwners.get(t);
    if (!owners) topicOwners.set(t, (owners = new Map()));
    const n = (owners.get(c) ?? 0) + delta;
    if (n > 0) owners.set(c, n);
    else owners.delete(c);
  };
  for (const [c, l] of current) for (const k of l) own(k, c, 1);
  const before = new Map([...current].map(([c, l]) => [c, [...l]]));
  const beforeOwners = new Map(partitionConsumer);
  const movements = new PartitionMovements();

  // Kafka's isBalanced: is there a member, not yet holding all it could, and a partition of one
  // of its topics held by a member with at least two more partitions? Kafka visits every such
  // partition; the largest owner size per topic gives the same answer far faster.
  const isBalanced = (): boolean => {
    if (sorted.length === 0) return true;
    if (sizeOf(sorted[0]!) >= sizeOf(sorted[sorted.length - 1]!) - 1) return true;
    const largestOwner = new Map<string, number>();
    for (const [t, owners] of topicOwners) {
      let max = 0;
      for (const o of owners.keys()) max = Math.max(max, current.get(o)?.length ?? 0);
      largestOwner.set(t, max);
    }
    for (const c of sorted) {
      const mine = current.get(c)!.length;
      if (mine === maxAssignmentSize(c)) continue;
      for (const t of consumerTopics.get(c)!) if ((largestOwner.get(t) ?? 0) > mine + 1) return false;
    }
    return true;
  };

  const move = (k: string, newConsumer: string) => {
    const oldConsumer = partitionConsumer.get(k)!;
    const actual = movements.actualPartitionToMove(k, oldConsumer, newConsumer);
    const from = partitionConsumer.get(actual)!;
    treeRemove(from);
    treeRemove(newConsumer);
    movements.movePartition(actual, from, newConsumer);
    const list = current.get(from)!;
    list.splice(list.indexOf(actual), 1);
    current.get(newConsumer)!.push(actual);
    partitionConsumer.set(actual, newConsumer);
    own(actual, from, -1);
    own(actual, newConsumer, 1);
    treeAdd(newConsumer);
    treeAdd(from);
  };

  const reassign = (partitions: readonly string[]): boolean => {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const k of partitions) {
        if (isBalanced()) break;
        const topic = parseTpKey(k)[0];
        const consumer = partitionConsumer.get(k);
        if (consumer === undefined || !current.has(consumer)) continue;
        const p = prev.get(k);
        if (p && current.has(p.consumer) && sizeOf(consumer) > sizeOf(p.consumer) + 1) {
          move(k, p.consumer);
          performed = modified = true;
          continue;
        }
        for (const other of topicConsumers.get(topic)!) {
          if (current.has(other) && sizeOf(consumer) > sizeOf(other) + 1) {
            const target = sorted.find((x) => subscriptions.get(x)!.has(topic))!;
            move(k, target);
            performed = modified = true;
            break;
          }
        }
      }
    } while (modified);
    return performed;
  };

  if (!revocationRequired) reassign(unassigned);
  const performed = reassign(sortedAll);
  if (!initializing && performed && balanceScore(current) >= balanceScore(before)) {
    current.clear();
    for (const [c, l] of before) current.set(c, l);
    partitionConsumer.clear();
    for (const [k, c] of beforeOwners) partitionConsumer.set(k, c);
  }
  for (const [c, l] of fixed) current.set(c, l);
  return { assignment: current, transferring: undefined };
}

function balanceScore(assignment: ReadonlyMap<string, readonly string[]>): number {
  const sizes = [...assignment.values()].map((l) => l.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
  return score;
}
