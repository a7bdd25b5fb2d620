// Kafka topic and consumer group names. Kafka accepts [a-zA-Z0-9._-], at most 249 characters,
// and neither "." nor ".."; it also warns that "." and "_" collide in metric names, so we never
// emit "_": segments are kebab-case and joined by ".".
import { shortHash } from './words';

export const MAX_TOPIC_NAME_LENGTH = 249;

export function isValidTopicName(name: string): boolean {
  return /^[a-zA-Z0-9._-]+$/.test(name) && name.length <= MAX_TOPIC_NAME_LENGTH && name !== '.' && name !== '..';
}

/** Joins kebab segments with "."; an over-long result is cut and made distinct by a hash. */
export function topicName(segments: readonly string[]): string {
  const cleaned = segments.map((s) => s.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '')).filter((s) => s);
  const name = cleaned.length > 0 ? cleaned.join('.') : 'topic';
  if (name.length <= MAX_TOPIC_NAME_LENGTH) return name;
  const hash = shortHash(name, 6);
  return `${name.slice(0, MAX_TOPIC_NAME_LENGTH - hash.length - 1).replace(/[.-]+$/, '')}-${hash}`;
}
