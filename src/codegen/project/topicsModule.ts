// src/platform/topics.ts: every topic of the topology with its partitions, replication factor
// and configs; read by the services and by scripts/create-topics.ts.
import type { TopicRole, Topology } from '../../topology';
import { commentText, literal, str } from '../emit/escape';
import { outcomesTopics } from '../service/outcomesTopic';

/** The simulator's default min.insync.replicas; create-topics caps it at each topic's replication factor. */
export const MIN_INSYNC_REPLICAS = 2;

/** An outcomes topic keeps the latest outcome per command id, for a day (the export's commandStatus.ts says the same). */
export const OUTCOMES_TOPIC_CONFIGS: Record<string, string> = { 'cleanup.policy': 'compact,delete', 'retention.ms': String(24 * 60 * 60 * 1000) };

export function topicsModule(t: Topology): string {
  const topics: { name: string; role: TopicRole | 'outcomes'; perInstance: boolean; partitions: number; replicationFactor: number; configs: Record<string, string>; keyField: string | null; keyPrefixedByType: boolean }[] = t.topics.map((x) => ({
    name: x.name,
    role: x.role,
    perInstance: x.perInstance,
    partitions: x.partitions,
    replicationFactor: x.replicationFactor,
    configs: x.configs,
    keyField: x.keyField,
    keyPrefixedByType: x.keyPrefixedByType,
  }));
  // Not on the board: where command handlers write each command's outcome, for the HTTP API.
  for (const o of outcomesTopics(t)) {
    topics.push({
      name: o.name,
      role: 'outcomes',
      perInstance: false,
      partitions: o.partitions,
      replicationFactor: o.replicationFactor,
      configs: OUTCOMES_TOPIC_CONFIGS,
      keyField: null,
      keyPrefixedByType: false,
    });
  }
  return `// Topics of ${commentText(t.boardName)} (topic strategy: ${commentText(t.strategy)}).
export interface TopicDescriptor {
  readonly name: string;
  /** outcomes: each command's outcome by command id, for GET /commands/{commandId} (not on the board). */
  readonly role: 'events' | 'commands' | 'table' | 'external' | 'outcomes';
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
