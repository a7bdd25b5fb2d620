// A topic's configs as describeConfigs reports them: each config Kafka names, its value, and
// whether it was set on the topic or is the default.
import { useEffect } from 'react';
import { useTopicsStore } from '../../store/topicsStore';

export function TopicConfigs({ topic }: { topic: string }) {
  const configs = useTopicsStore((s) => (s.configs?.topic === topic ? s.configs.list : null));
  useEffect(() => {
    void useTopicsStore.getState().loadConfigs();
  }, [topic]);
  if (!configs) return <p className="sb-muted">Loading the configs of {topic}…</p>;
  return (
    <div className="sb-kafka-scroll">
      <table className="sb-table sb-kafka-configs sb-kafka-lag-table" aria-label="Topic configs">
        <thead>
          <tr>
            <th scope="col">Config</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {configs.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td>{c.value}</td>
              <td className={c.isDefault ? 'sb-muted' : undefined}>{c.isDefault ? 'default' : 'set on the topic'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
