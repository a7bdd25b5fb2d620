// Which consumer groups read a topic and how far behind each is: wherever a topic is shown
// (the Topics tab, the topology), its readers and their lag.
import type { GroupView } from '../store/simStore';

export interface TopicReader {
  groupId: string;
  label: string;
  kind: string;
  /** Lag of the group on the topic (its partitions' lags summed; per-instance topics under a prefix). */
  lag: number;
}

type GroupLike = Pick<GroupView, 'groupId' | 'label' | 'kind' | 'topics' | 'lag'>;

const topicOfKey = (k: string) => k.slice(0, k.lastIndexOf('-'));

/** Whether a partition key ("topic-p") belongs to `topic` (or, for a per-instance prefix, to one of its topics). */
function inTopic(key: string, topic: string): boolean {
  const t = topicOfKey(key);
  return t === topic || t.startsWith(`${topic}.`);
}

export function topicReaders(groups: readonly GroupLike[], topic: string): TopicReader[] {
  const out: TopicReader[] = [];
  for (const g of groups) {
    const reads = g.topics.some((t) => t === topic || topic.startsWith(`${t}.`));
    if (!reads) continue;
    let lag = 0;
    for (const [k, v] of Object.entries(g.lag)) if (inTopic(k, topic)) lag += v;
    out.push({ groupId: g.groupId, label: g.label, kind: g.kind, lag });
  }
  return out;
}

/** "2 groups · lag 14" (or "no group"). */
export function readersText(readers: readonly Pick<TopicReader, 'lag'>[]): string {
  if (readers.length === 0) return 'no group';
  const lag = readers.reduce((s, r) => s + r.lag, 0);
  return `${readers.length} group${readers.length === 1 ? '' : 's'} · lag ${lag.toLocaleString('en-US')}`;
}
