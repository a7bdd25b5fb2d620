// Per partition, one bar on a shared scale: the retained log from log start, the committed
// part up to the high watermark, the uncommitted tail to the log end, and a tick for each
// consumer group's committed offset (lag is the gap between a tick and the high watermark).
import { useSimStore } from '../store/simStore';

const COLOURS = ['#2f6fde', '#e8590c', '#2b8a3e', '#ae3ec9', '#c92a2a', '#1098ad', '#f08c00', '#5c7cfa'];
const MAX_BARS = 64;

export function OffsetBars() {
  const partitions = useSimStore((s) => s.snapshot?.partitions);
  const views = useSimStore((s) => s.snapshot?.groups);
  const groups = (views ?? []).map((g) => ({ id: g.groupId, label: g.label, topics: g.topics, committed: g.committed }));
  const list = (partitions ?? []).slice(0, MAX_BARS);
  const max = Math.max(1, ...list.map((p) => p.logEnd));
  const pct = (o: number) => `${(100 * o) / max}%`;
  return (
    <section className="sb-offsets" aria-label="Offsets">
      <div className="sb-offsets-legend">
        <span className="sb-key sb-key-hw">log start → high watermark</span>
        <span className="sb-key sb-key-tail">high watermark → log end</span>
        {groups.map((g, i) => (
          <span key={g.id} className="sb-key" style={{ borderColor: COLOURS[i % COLOURS.length] }}>
            committed: {g.label}
          </span>
        ))}
      </div>
      {list.map((p) => {
        const k = `${p.topic}-${p.partition}`;
        return (
          <div key={k} className="sb-offset-row" title={`${k}: log start ${p.logStart}, high watermark ${p.highWatermark}, log end ${p.logEnd}`}>
            <span className="sb-offset-label">{k.split(".").slice(-2).join(".")}</span>
            <div className="sb-offset-bar">
              <div className="sb-offset-hw" style={{ left: pct(p.logStart), width: pct(p.highWatermark - p.logStart) }} />
              <div className="sb-offset-tail" style={{ left: pct(p.highWatermark), width: pct(p.logEnd - p.highWatermark) }} />
              {groups.map((g, i) =>
                g.topics.includes(p.topic) && g.committed[k] !== undefined ? (
                  <div key={g.id} className="sb-offset-tick" style={{ left: pct(g.committed[k]!), background: COLOURS[i % COLOURS.length] }} />
                ) : null,
              )}
            </div>
            <span className="sb-offset-nums">
              {p.highWatermark}/{p.logEnd}
            </span>
          </div>
        );
      })}
    </section>
  );
}
