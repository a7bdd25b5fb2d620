// Per consumer group reading the topic: its lag per partition (committed offset, log end, lag),
// and "reset offsets" as kafka-consumer-groups --reset-offsets does it — to the earliest, the
// latest, an offset or a time. Kafka resets only a group without members, and so does this: a
// group with members is refused with Kafka's error; its instances can be removed here first.
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore, type GroupView } from '../../store/simStore';
import { useTopicsStore, type StartFrom } from '../../store/topicsStore';
import { OutcomeLine } from './Outcome';
import { PartitionOptions } from './TopicsPanel';
import { topicLagRows } from './topicLagRows';

function readsTopic(g: GroupView, topic: string): boolean {
  const prefix = `${topic}-`;
  return g.topics.includes(topic) || Object.keys(g.lag).some((k) => k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length)));
}

function GroupLag({ g, topic }: { g: GroupView; topic: string }) {
  const partitions = useSimStore((s) => s.snapshot?.partitions ?? []);
  const rows = topicLagRows(g, topic, partitions);
  const lag = rows.reduce((n, r) => n + r.lag, 0);
  return (
    <div className="sb-kafka-group" role="group" aria-label={`Group ${g.groupId} on ${topic}`}>
      <p className="sb-kafka-group-head">
        <strong>{g.groupId}</strong> <span className="sb-muted">({g.label})</span> <span className="sb-pill">{g.state}</span>{' '}
        <span>
          {g.members.length} member{g.members.length === 1 ? '' : 's'} · lag {lag}
        </span>
      </p>
      <table className="sb-table sb-kafka-lag-table" aria-label={`Lag of ${g.groupId} on ${topic}`}>
        <thead>
          <tr>
            <th scope="col">Partition</th>
            <th scope="col">Committed</th>
            <th scope="col" title="The high watermark: the last offset a consumer can read, plus one">
              Log end
            </th>
            <th scope="col">Lag</th>
            <th scope="col">Member</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.partition}>
              <th scope="row">{r.index}</th>
              <td>{r.committed ?? '—'}</td>
              <td>{r.logEnd ?? '—'}</td>
              <td className={r.lag > 0 ? 'sb-lagging' : undefined}>{r.lag}</td>
              <td>{r.member ?? <span className="sb-muted">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function GroupOffsets({ topic, partitions }: { topic: string; partitions: number }) {
  const groups = useSimStore(useShallow((s) => (s.snapshot?.groups ?? []).filter((g) => readsTopic(g, topic))));
  const services = useSimStore((s) => s.snapshot?.services ?? []);
  const instance = useSimStore((s) => s.instance);
  const { form, outcome, set, reset } = useTopicsStore(useShallow((s) => ({ form: s.reset, outcome: s.resetOutcome, set: s.setReset, reset: s.resetOffsets })));
  const chosen = groups.find((g) => g.groupId === form.groupId) ?? null;
  const service = chosen ? services.find((s) => s.id === chosen.serviceId) : undefined;
  const running = service?.instances ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void reset();
  };
  if (groups.length === 0) return <p className="sb-muted">No consumer group reads {topic}.</p>;
  return (
    <div className="sb-kafka-groups">
      <form className="sb-kafka-reset" onSubmit={submit} aria-label="Reset offsets">
        <div className="sb-kafka-form">
          <label className="sb-kafka-field">
            Group
            <select value={form.groupId} onChange={(e) => set({ groupId: e.target.value })}>
              <option value="">Choose a group</option>
              {groups.map((g) => (
                <option key={g.groupId} value={g.groupId}>
                  {g.groupId}
                </option>
              ))}
            </select>
          </label>
          <label className="sb-kafka-field">
            Partitions
            <select value={form.partition} onChange={(e) => set({ partition: e.target.value })}>
              <PartitionOptions count={partitions} first={{ value: 'all', label: 'All' }} />
            </select>
          </label>
          <label className="sb-kafka-field">
            Reset to
            <select value={form.to} onChange={(e) => set({ to: e.target.value as StartFrom })}>
              <option value="earliest">Earliest</option>
              <option value="latest">Latest</option>
              <option value="offset">Offset</option>
              <option value="time">Time</option>
            </select>
          </label>
          {form.to === 'offset' ? (
            <label className="sb-kafka-field">
              Offset
              <input inputMode="numeric" size={7} value={form.offset} onChange={(e) => set({ offset: e.target.value })} />
            </label>
          ) : null}
          {form.to === 'time' ? (
            <label className="sb-kafka-field">
              Time (s into the run)
              <input inputMode="decimal" size={7} value={form.seconds} onChange={(e) => set({ seconds: e.target.value })} />
            </label>
          ) : null}
          <button type="submit" className="sb-button sb-primary">
            Reset offsets
          </button>
        </div>
        {chosen && chosen.members.length > 0 ? (
          <p className="sb-kafka-note">
            Kafka resets the offsets of a group only while it has no members; {chosen.groupId} has {chosen.members.length}.{' '}
            {service && running.length > 0 ? (
              <button type="button" className="sb-button sb-small" onClick={() => running.forEach((i) => instance('remove', i.id))}>
                Remove every instance of {service.name}
              </button>
            ) : null}
          </p>
        ) : null}
        <OutcomeLine outcome={outcome} name="Reset result" />
      </form>
      <div className="sb-kafka-scroll sb-kafka-lag">
        {/* The group being reset first: its offsets are the ones that move. */}
        {[...groups].sort((a, b) => Number(b.groupId === form.groupId) - Number(a.groupId === form.groupId)).map((g) => (
          <GroupLag key={g.groupId} g={g} topic={topic} />
        ))}
      </div>
    </div>
  );
}
