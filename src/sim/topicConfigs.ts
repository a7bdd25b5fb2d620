// A topology topic's Kafka configs (strings, as kafkajs configEntries carry them) as the engine's
// createTopic takes them, so a board's retention.ms, retention.bytes, segment.* and
// cleanup.policy apply in the run through the engine's one log cleaner. An entry the engine
// would refuse (malformed, or a config it does not know) is left out: that setting keeps
// Kafka's default rather than stopping the run.
import type { TopicSpec } from '../topology';
import { parseTopicConfig, type ConfigEntry } from './engineApi';

export function topicConfigEntries(spec: Pick<TopicSpec, 'configs'>, minInsyncReplicas: number): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  for (const [name, value] of Object.entries(spec.configs)) {
    if (name === 'min.insync.replicas') continue; // the run's setting, capped by the replication factor
    try {
      parseTopicConfig([{ name, value }]);
      out.push({ name, value });
    } catch {
      // keeps the default
    }
  }
  out.push({ name: 'min.insync.replicas', value: String(minInsyncReplicas) });
  return out;
}
