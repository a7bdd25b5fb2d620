// The "one single-partition topic per aggregate instance" strategy: an aggregate's event topic
// name is a prefix, and each aggregate id gets its own topic (named as the exported code names
// it), created when its first event is written. Consumers subscribe by pattern; like Kafka's
// consumers they only see a new topic at their next metadata refresh, and every new topic makes
// their groups rebalance — the cost of this strategy, shown rather than hidden.
import type { TopicSpec } from '../topology';
import { runtime } from '../topology';
import type { Engine } from './engineApi';
import { topicConfigEntries } from './topicConfigs';

export class InstanceTopics {
  private readonly byPrefix = new Map<string, { spec: TopicSpec; names: string[]; seen: Set<string> }>();
  /** Grows whenever a topic is created. */
  version = 0;

  constructor(
    private readonly engine: Engine,
    specs: readonly TopicSpec[],
    private readonly replicationFactor: (spec: TopicSpec) => number,
    private readonly minInsync: (rf: number) => number,
  ) {
    for (const s of specs) if (s.perInstance) this.byPrefix.set(s.name, { spec: s, names: [], seen: new Set() });
  }

  isPattern(name: string): boolean {
    return this.byPrefix.has(name);
  }

  /** The topic of one aggregate instance, created on first use. */
  ensure(prefix: string, aggregateId: string): string {
    const entry = this.byPrefix.get(prefix)!;
    const name = runtime.instanceTopicName(prefix, aggregateId);
    if (!entry.seen.has(name)) {
      const rf = this.replicationFactor(entry.spec);
      // Created at this instant (the topic exists when this returns); the stored metadata follows.
      void this.engine.track(this.engine.createTopic(name, 1, topicConfigEntries(entry.spec, this.minInsync(rf)), rf));
      entry.seen.add(name);
      entry.names.push(name);
      this.version++;
    }
    return name;
  }

  /** Instance topics a stored run's cluster already has (restored from storage). */
  adopt(names: Iterable<string>): void {
    for (const name of names) {
      const cut = name.lastIndexOf('.');
      const entry = cut > 0 ? this.byPrefix.get(name.slice(0, cut)) : undefined;
      if (!entry || entry.seen.has(name)) continue;
      entry.seen.add(name);
      entry.names.push(name);
      this.version++;
    }
  }

  /** The prefix an instance topic belongs to, or null for an ordinary topic. */
  prefixOf(topic: string): string | null {
    const cut = topic.lastIndexOf('.');
    return cut > 0 && this.byPrefix.get(topic.slice(0, cut))?.seen.has(topic) ? topic.slice(0, cut) : null;
  }

  /** A subscription list with every pattern replaced by the instance topics that exist now. */
  expand(topics: readonly string[]): string[] {
    return topics.flatMap((t) => this.byPrefix.get(t)?.names ?? [t]);
  }
}
