// An aggregate's id field (the payload field that keys its events) and the settings of the
// stream its events are stored in (partitions, replication, cleanup policy, retention).
import type { AggregateElement, StreamSettings } from '../../model';
import { CommitField } from './CommitField';
import { update } from './Inspector';
import { idFieldProblem, streamProblem, wholeNumber } from './rules';

const HOUR_MS = 3_600_000;

export function AggregateSettings({ element }: { element: AggregateElement }) {
  const stream = element.stream;
  const numberField = (key: 'partitions' | 'replicationFactor', label: string) => (
    <CommitField
      label={label}
      inputMode="numeric"
      value={String(stream[key])}
      validate={(text) => {
        const n = wholeNumber(text, label);
        if (!n.ok) return n.message;
        return streamProblem({ ...stream, [key]: n.value }, key);
      }}
      onCommit={(text) => update(element.id, { stream: { ...stream, [key]: Number(text.trim()) } })}
    />
  );
  const setStream = (patch: Partial<StreamSettings>) => update(element.id, { stream: { ...stream, ...patch } });
  const forever = stream.retentionMs === -1;
  return (
    <>
      <h3>Events keyed by</h3>
      <CommitField
        label="Id field"
        value={element.idField}
        hint="The payload field that carries this aggregate's id, e.g. accountId"
        validate={(text) => idFieldProblem(element, text.trim())}
        onCommit={(text) => update(element.id, { idField: text.trim() })}
      />
      <h3>Stream</h3>
      <div className="sb-field-row">
        {numberField('partitions', 'Partitions')}
        {numberField('replicationFactor', 'Replication factor')}
      </div>
      <div className="sb-field">
        <label htmlFor={`${element.id}-cleanup`}>Cleanup policy</label>
        <select id={`${element.id}-cleanup`} value={stream.cleanupPolicy} onChange={(e) => setStream({ cleanupPolicy: e.target.value as StreamSettings['cleanupPolicy'] })}>
          <option value="delete">delete (drop old segments)</option>
          <option value="compact">compact (keep latest per key)</option>
        </select>
      </div>
      <label className="sb-check" style={{ padding: 0 }}>
        <input type="checkbox" checked={forever} onChange={() => setStream({ retentionMs: forever ? 7 * 24 * HOUR_MS : -1 })} />
        Keep records forever
      </label>
      {forever ? null : (
        <CommitField
          label="Retention (hours)"
          inputMode="numeric"
          value={String(stream.retentionMs / HOUR_MS)}
          validate={(text) => {
            const t = text.trim();
            const hours = Number(t);
            if (t === '' || !Number.isFinite(hours) || hours <= 0) return 'Retention: enter a number of hours above 0, or keep records forever';
            return streamProblem({ ...stream, retentionMs: Math.round(hours * HOUR_MS) }, 'retentionMs');
          }}
          onCommit={(text) => setStream({ retentionMs: Math.round(Number(text.trim()) * HOUR_MS) })}
        />
      )}
    </>
  );
}
