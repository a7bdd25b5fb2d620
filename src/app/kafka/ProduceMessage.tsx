// "Produce a test message": key, value and headers to a topic of the running board, to the
// partition the key chooses (Kafka's default partitioner) or one picked here. The board's
// consumers read it like any other record.
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTopicsStore } from '../../store/topicsStore';
import { OutcomeLine } from './Outcome';
import { PartitionOptions } from './TopicsPanel';

export function ProduceMessage({ topic, partitions }: { topic: string; partitions: number }) {
  const { form, produced, set, produce } = useTopicsStore(useShallow((s) => ({ form: s.produce, produced: s.produced, set: s.setProduce, produce: s.produceMessage })));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void produce();
  };
  const header = (i: number, patch: Partial<{ key: string; value: string }>) => set({ headers: form.headers.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  return (
    <form className="sb-kafka-produce" onSubmit={submit} aria-label={`Produce a test message to ${topic}`}>
      <div className="sb-kafka-produce-main">
        <div className="sb-kafka-form">
          <label className="sb-kafka-field">
            Partition
            <select value={form.partition} onChange={(e) => set({ partition: e.target.value })}>
              <PartitionOptions count={partitions} first={{ value: 'key', label: 'By key' }} />
            </select>
          </label>
          <label className="sb-kafka-field">
            Key
            <input size={22} value={form.key} onChange={(e) => set({ key: e.target.value })} placeholder="none" />
          </label>
        </div>
        <label className="sb-kafka-field sb-kafka-wide">
          Value
          <textarea rows={3} value={form.value} onChange={(e) => set({ value: e.target.value })} spellCheck={false} />
        </label>
      </div>
      <div className="sb-kafka-produce-side">
        <fieldset className="sb-kafka-headers-edit">
          <legend>Headers</legend>
          {form.headers.map((h, i) => (
            <div key={i} className="sb-kafka-form">
              <label className="sb-kafka-field">
                Header name {i + 1}
                <input size={12} value={h.key} onChange={(e) => header(i, { key: e.target.value })} />
              </label>
              <label className="sb-kafka-field">
                Header value {i + 1}
                <input size={16} value={h.value} onChange={(e) => header(i, { value: e.target.value })} />
              </label>
              <button type="button" className="sb-button sb-small" onClick={() => set({ headers: form.headers.filter((_, j) => j !== i) })}>
                Remove header {i + 1}
              </button>
            </div>
          ))}
          <button type="button" className="sb-button sb-small" onClick={() => set({ headers: [...form.headers, { key: '', value: '' }] })}>
            Add header
          </button>
        </fieldset>
        <button type="submit" className="sb-button sb-primary">
          Produce message
        </button>
        <p className="sb-muted sb-kafka-meta">Written with acks=1, stamped with the run's simulated time; the board's groups read it like any other record.</p>
        <OutcomeLine outcome={produced} name="Produce result" />
      </div>
    </form>
  );
}
