// Topic configs as Kafka names them, parsed from kafkajs's configEntries ({ name, value }
// strings) and validated. Defaults follow Kafka's except segment.bytes (1 MiB instead of
// 1 GiB): at in-browser scale a 1 GiB segment would never roll, so retention and compaction
// would never have anything to do.
import { InvalidConfigError, InvalidTopicError } from '../errors';

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';

export interface TopicConfig {
  'cleanup.policy': CleanupPolicy;
  'retention.ms': number;
  'retention.bytes': number;
  'segment.bytes': number;
  'segment.ms': number;
  'min.cleanable.dirty.ratio': number;
  'delete.retention.ms': number;
  'min.compaction.lag.ms': number;
  'min.insync.replicas': number;
  'max.message.bytes': number;
  'unclean.leader.election.enable': boolean;
  'message.timestamp.type': 'CreateTime' | 'LogAppendTime';
}

export const DEFAULT_TOPIC_CONFIG: Readonly<TopicConfig> = {
  'cleanup.policy': 'delete',
  'retention.ms': 7 * 24 * 3600_000,
  'retention.bytes': -1,
  'segment.bytes': 1024 * 1024,
  'segment.ms': 7 * 24 * 3600_000,
  'min.cleanable.dirty.ratio': 0.5,
  'delete.retention.ms': 24 * 3600_000,
  'min.compaction.lag.ms': 0,
  'min.insync.replicas': 1,
  'max.message.bytes': 1048588,
  'unclean.leader.election.enable': false,
  'message.timestamp.type': 'CreateTime',
};

export interface ConfigEntry {
  name: string;
  value: string;
}

function num(name: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min) throw new InvalidConfigError(`Config ${name}=${value} is not a number ≥ ${min}.`, { name, value });
  return n;
}

export function parseTopicConfig(entries: readonly ConfigEntry[] = [], base: Readonly<TopicConfig> = DEFAULT_TOPIC_CONFIG): TopicConfig {
  const c: TopicConfig = { ...base };
  for (const { name, value } of entries) {
    const v = String(value);
    switch (name) {
      case 'cleanup.policy': {
        const parts = v.split(',').map((p) => p.trim()).sort();
        const norm = parts.join(',');
        if (norm !== 'delete' && norm !== 'compact' && norm !== 'compact,delete') throw new InvalidConfigError(`cleanup.policy must be delete, compact or compact,delete, not "${v}".`, { name, value });
        c['cleanup.policy'] = norm;
        break;
      }
      case 'retention.ms':
      case 'retention.bytes':
        c[name] = num(name, v, -1);
        break;
      case 'segment.bytes':
        c[name] = num(name, v, 14);
        break;
      case 'segment.ms':
      case 'min.insync.replicas':
        c[name] = num(name, v, 1);
        break;
      case 'delete.retention.ms':
      case 'min.compaction.lag.ms':
        c[name] = num(name, v, 0);
        break;
      case 'max.message.bytes':
        c[name] = num(name, v, 0);
        break;
      case 'min.cleanable.dirty.ratio': {
        const n = num(name, v, 0);
        if (n > 1) throw new InvalidConfigError(`min.cleanable.dirty.ratio must be between 0 and 1, not ${v}.`, { name, value });
        c[name] = n;
        break;
      }
      case 'unclean.leader.election.enable':
        if (v !== 'true' && v !== 'false') throw new InvalidConfigError(`${name} must be true or false, not "${v}".`, { name, value });
        c[name] = v === 'true';
        break;
      case 'message.timestamp.type':
        if (v !== 'CreateTime' && v !== 'LogAppendTime') throw new InvalidConfigError(`${name} must be CreateTime or LogAppendTime, not "${v}".`, { name, value });
        c[name] = v;
        break;
      default:
        throw new InvalidConfigError(`Unknown topic config "${name}".`, { name, value });
    }
  }
  return c;
}

export const isCompacted = (c: TopicConfig) => c['cleanup.policy'].includes('compact');
export const isDeleting = (c: TopicConfig) => c['cleanup.policy'].includes('delete');

/** Kafka's topic name rules (Topic.validate): [a-zA-Z0-9._-], 1..249 chars, not "." or "..". */
export function validateTopicName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) throw new InvalidTopicError(String(name), 'a topic name must be a non-empty string.');
  if (name === '.' || name === '..') throw new InvalidTopicError(name, 'a topic cannot be named "." or "..".');
  if (name.length > 249) throw new InvalidTopicError(name, `it is ${name.length} characters long; the limit is 249.`);
  if (!/^[a-zA-Z0-9._-]+$/.test(name)) throw new InvalidTopicError(name, 'only ASCII letters, digits, ".", "_" and "-" are allowed.');
}
