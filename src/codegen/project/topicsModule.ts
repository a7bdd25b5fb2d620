// src/platform/topics.ts: every topic of the topology with its partitions, replication factor
// and configs; read by the services and by scripts/create-topics.ts.
import type { Topology } from '../../topology';
import { commentText, literal, str } from '../emit/escape';

/** The simulator's default min.insync.replicas; create-topics caps it at each topic's replication factor. */
export const MIN_INSYNC_REPLICAS = 2;

export function topicsModule(t: Topology): string {
  const topics = t.topics.map((x) => ({
    name: x.name,
    role: x.role,
    perInstance: x.perInstance,
    partitions: x.partitions,
    replicationFactor: x.replicationFactor,
    configs: x.configs,
    keyField: x.keyField,
    keyPrefixedByType: x.keyPrefixedByType,
  }));
  return `// Topics of ${commentText(t.boardName)} (topic strategy: ${commentText(t.strategy)}).
export interface TopicDescriptor {
  readonly name: string;
  readonly role: 'events' | 'commands' | 'table' | 'external';
  /** true: one single-partition topic per aggregate instance, named <name>.<aggregate id>. */
  readonly perInstance: boolean;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs: Readonly<Record<string, string>>;
  /** Payload field whose value is the record key. */
  readonly keyField: string | null;
  /** Shared topic: keys are "<aggregate type>:<id>". */
  readonly keyPrefixedByType: boolean;
}

export const TOPIC_STRATEGY = ${str(t.strategy)};

/** min.insync.replicas of every topic (capped at its replication factor), as in the simulator. */
export const MIN_INSYNC_REPLICAS = ${MIN_INSYNC_REPLICAS};

export const TOPICS: readonly TopicDescriptor[] = ${literal(topics, 2)};

export function topic(name: string): TopicDescriptor {
  const found = TOPICS.find((t) => t.name === name);
  if (!found) throw new Error(\`unknown topic \${JSON.stringify(name)}\`);
  return found;
}
`;
}
