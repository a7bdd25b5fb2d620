// The dock's Topics tab: what people expect of a Kafka UI (Kafka UI, Redpanda Console,
// Conduktor) over the running board's cluster — pick a topic, then browse its messages, produce
// a test message, see each group's lag on it and reset the group's offsets, or read its configs.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/simStore';
import { useTopicsStore, type TopicView } from '../../store/topicsStore';
import { GroupOffsets } from './GroupOffsets';
import { MessageBrowser } from './MessageBrowser';
import { ProduceMessage } from './ProduceMessage';
import { TopicConfigs } from './TopicConfigs';
import { CompactionPanel } from './CompactionView';
import { topicReaders } from '../../viz/topicReaders';
import './kafka.css';

const VIEWS: { id: TopicView; label: string }[] = [
  { id: 'messages', label: 'Messages' },
  { id: 'produce', label: 'Produce' },
  { id: 'groups', label: 'Groups and offsets' },
  { id: 'configs', label: 'Configs' },
  { id: 'compaction', label: 'Compaction' },
];

/** The run's topics (not the cluster's own __consumer_offsets) with their partition counts. */
export function useTopics(): { name: string; partitions: number }[] {
  const list = useSimStore(
    useShallow((s) => {
      const counts = new Map<string, number>();
      for (const p of s.snapshot?.partitions ?? []) if (!p.topic.startsWith('__')) counts.set(p.topic, Math.max(counts.get(p.topic) ?? 0, p.partition + 1));
      return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, n]) => `${name}\u0000${n}`);
    }),
  );
  return list.map((x) => {
    const [name, n] = x.split('\u0000');
    return { name: name!, partitions: Number(n) };
  });
}

/** Which groups read the topic, with their lag on it. */
function Readers({ topic }: { topic: string }) {
  const readers = useSimStore(useShallow((s) => topicReaders(s.snapshot?.groups ?? [], topic).map((r) => `${r.label} (${r.kind}): lag ${r.lag.toLocaleString('en-US')}`)));
  return (
    <p className="sb-small-text sb-kafka-readers" role="note" aria-label={`Readers of ${topic}`} title={readers.join('\n')}>
      Read by {readers.length === 0 ? 'no group' : readers.join(' · ')}
    </p>
  );
}

export function TopicsPanel() {
  const topics = useTopics();
  const source = useSimStore((s) => s.snapshot?.source ?? null);
  const state = useSimStore((s) => s.snapshot?.state ?? null);
  const { topic, view, setTopic, setView } = useTopicsStore(useShallow((s) => ({ topic: s.topic, view: s.view, setTopic: s.setTopic, setView: s.setView })));
  const first = topics[0]?.name;
  useEffect(() => {
    if (first && (!topic || !topics.some((t) => t.name === topic))) setTopic(first);
  }, [first, topic, topics, setTopic]);
  if (source !== 'board' || state === 'stopped' || topics.length === 0) {
    return <p className="sb-muted sb-kafka-empty">Run the board to browse its topics: messages, test messages, group offsets and configs.</p>;
  }
  const current = topics.find((t) => t.name === topic);
  return (
    <section className="sb-kafka" aria-label="Topics">
      <div className="sb-kafka-head">
        <label className="sb-kafka-field">
          Topic
          <select value={topic ?? ''} onChange={(e) => setTopic(e.target.value)}>
            {topics.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.partitions} partition{t.partitions === 1 ? '' : 's'})
              </option>
            ))}
          </select>
        </label>
        <div role="tablist" aria-label="Topic views" className="sb-kafka-views">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" role="tab" id={`sb-kafka-tab-${v.id}`} aria-controls={`sb-kafka-${v.id}`} aria-selected={view === v.id} onClick={() => setView(v.id)}>
              {v.label}
            </button>
          ))}
        </div>
      </div>
      {current ? <Readers topic={current.name} /> : null}
      {current ? (
        <div role="tabpanel" id={`sb-kafka-${view}`} aria-labelledby={`sb-kafka-tab-${view}`} className="sb-kafka-body">
          {view === 'messages' ? <MessageBrowser topic={current.name} partitions={current.partitions} /> : null}
          {view === 'produce' ? <ProduceMessage topic={current.name} partitions={current.partitions} /> : null}
          {view === 'groups' ? <GroupOffsets topic={current.name} partitions={current.partitions} /> : null}
          {view === 'configs' ? <TopicConfigs topic={current.name} /> : null}
          {view === 'compaction' ? <CompactionPanel topic={current.name} partitions={current.partitions} /> : null}
        </div>
      ) : null}
    </section>
  );
}

/** Partition choices: "all" (or "key" for produce) and 0..n−1. */
export function PartitionOptions({ count, first }: { count: number; first: { value: string; label: string } }) {
  return (
    <>
      <option value={first.value}>{first.label}</option>
      {Array.from({ length: count }, (_, i) => (
        <option key={i} value={String(i)}>
          {i}
        </option>
      ))}
    </>
  );
}
