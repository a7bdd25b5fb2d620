// The message browser: a topic's records per partition (or all), from the newest, the oldest, an
// offset or a time, filtered by key and by text; a table of offset, time, key and value, and the
// chosen message whole beside it (value pretty-printed when it is JSON, headers, timestamp). It reads the logs directly, so looking changes
// nothing in the run.
import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTopicsStore, type StartFrom } from '../../store/topicsStore';
import { DEFAULT_BROWSE_LIMIT, type BrowsedMessage, type BrowsePage } from '../../sim';
import { PartitionOptions } from './TopicsPanel';

/** Simulated time since the run began, as the dock shows it. */
export function simSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** One line of a value for the table (the whole value, pretty-printed, is in the message pane). */
function preview(v: string | null): string {
  if (v === null) return 'null (tombstone)';
  return v.length > 120 ? `${v.slice(0, 120)}…` : v;
}

const idOf = (m: BrowsedMessage) => `${m.partition}-${m.offset}`;

function Row({ m, selected, onSelect }: { m: BrowsedMessage; selected: boolean; onSelect: () => void }) {
  return (
    <tr aria-selected={selected} className={selected ? 'sb-kafka-selected' : undefined} onClick={onSelect}>
      <td>{m.partition}</td>
      <th scope="row">
        <button type="button" className="sb-kafka-link" aria-label={`Show offset ${m.offset} of partition ${m.partition}`} aria-pressed={selected} onClick={onSelect}>
          {m.offset}
        </button>
      </th>
      <td title={new Date(m.timestamp).toISOString()}>{simSeconds(m.atMs)}</td>
      <td className="sb-kafka-key">{m.key ?? <span className="sb-muted">null</span>}</td>
      <td className="sb-kafka-preview">{preview(m.value)}</td>
    </tr>
  );
}

/** The selected message whole: its value pretty-printed when it is JSON, its headers and times. */
function MessagePane({ m }: { m: BrowsedMessage }) {
  return (
    <section className="sb-kafka-pane" aria-label="Message">
      <h3>
        Partition {m.partition} · offset {m.offset}
      </h3>
      <p className="sb-kafka-meta">
        {simSeconds(m.atMs)} into the run · {new Date(m.timestamp).toISOString().replace('T', ' ').replace('Z', ' UTC')}
      </p>
      <p className="sb-kafka-meta">
        Key: <code aria-label="Key">{m.key ?? 'null'}</code>
      </p>
      <pre aria-label="Value">{m.value === null ? 'null (tombstone)' : (m.pretty ?? m.value)}</pre>
      <ul className="sb-kafka-headers" aria-label="Headers">
        {m.headers.length === 0 ? <li className="sb-muted">no headers</li> : null}
        {m.headers.map((h, i) => (
          <li key={i}>
            <code>{h.key}</code>: {h.value ?? 'null'}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Older and newer pages of one partition: the offsets just before and just after those shown. */
function Paging({ page, onPage }: { page: BrowsePage; onPage: (offset: number) => void }) {
  const range = page.partitions[0];
  if (page.partitions.length !== 1 || !range) return null;
  const offsets = page.messages.map((m) => m.offset);
  const first = offsets.length > 0 ? Math.min(...offsets) : range.high;
  const last = offsets.length > 0 ? Math.max(...offsets) : range.low - 1;
  return (
    <span className="sb-kafka-paging">
      <button type="button" className="sb-button sb-small" disabled={first <= range.low} onClick={() => onPage(Math.max(range.low, first - DEFAULT_BROWSE_LIMIT))}>
        Older messages
      </button>
      <button type="button" className="sb-button sb-small" disabled={last + 1 >= range.high} onClick={() => onPage(last + 1)}>
        Newer messages
      </button>
    </span>
  );
}

export function MessageBrowser({ topic, partitions }: { topic: string; partitions: number }) {
  const { form, page, seq, busy, error, setBrowse, show } = useTopicsStore(
    useShallow((s) => ({ form: s.browse, page: s.page, seq: s.pageSeq, busy: s.busy, error: s.browseError, setBrowse: s.setBrowse, show: s.showMessages })),
  );
  // A topic opens on its newest messages.
  useEffect(() => {
    void useTopicsStore.getState().showMessages();
  }, [topic]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void show();
  };
  const shown = page?.topic === topic ? page : null;
  const [picked, setPicked] = useState<string | null>(null);
  const selected = shown?.messages.find((m) => idOf(m) === picked) ?? shown?.messages[0] ?? null;
  return (
    <div className="sb-kafka-browser">
      <form className="sb-kafka-form" onSubmit={submit} aria-label="Find messages">
        <label className="sb-kafka-field">
          Partition
          <select value={form.partition} onChange={(e) => setBrowse({ partition: e.target.value })}>
            <PartitionOptions count={partitions} first={{ value: 'all', label: 'All' }} />
          </select>
        </label>
        <label className="sb-kafka-field">
          Start from
          <select value={form.from} onChange={(e) => setBrowse({ from: e.target.value as StartFrom })}>
            <option value="latest">Newest</option>
            <option value="earliest">Oldest</option>
            <option value="offset">Offset</option>
            <option value="time">Time</option>
          </select>
        </label>
        {form.from === 'offset' ? (
          <label className="sb-kafka-field">
            Offset
            <input inputMode="numeric" size={7} value={form.offset} onChange={(e) => setBrowse({ offset: e.target.value })} />
          </label>
        ) : null}
        {form.from === 'time' ? (
          <label className="sb-kafka-field">
            Time (s into the run)
            <input inputMode="decimal" size={7} value={form.seconds} onChange={(e) => setBrowse({ seconds: e.target.value })} />
          </label>
        ) : null}
        <label className="sb-kafka-field">
          Key contains
          <input type="search" size={12} value={form.key} onChange={(e) => setBrowse({ key: e.target.value })} />
        </label>
        <label className="sb-kafka-field">
          Text contains
          <input type="search" size={14} value={form.text} onChange={(e) => setBrowse({ text: e.target.value })} />
        </label>
        <button type="submit" className="sb-button sb-primary" disabled={busy}>
          Show messages
        </button>
      </form>
      {error ? (
        <p role="alert" className="sb-kafka-error">
          {error}
        </p>
      ) : null}
      {shown ? (
        <>
          <div className="sb-kafka-summary-row">
            <p className="sb-muted sb-kafka-summary" role="status" aria-label="Messages found" data-request={seq}>
              {shown.messages.length} message{shown.messages.length === 1 ? '' : 's'}
              {form.from === 'latest' ? ', newest first' : ''} · {shown.scanned} read
              {shown.budgetReached ? ' (stopped looking: narrow the filter or start elsewhere)' : ''} · offsets{' '}
              {shown.partitions.map((p) => `${p.partition}: ${p.low}–${p.high}`).join(', ')}
              {shown.offline.length > 0 ? ` · partition${shown.offline.length === 1 ? '' : 's'} ${shown.offline.join(', ')} not read: no leader (its brokers are down)` : ''}
            </p>
            <Paging
              page={shown}
              onPage={(offset) => {
                setBrowse({ from: 'offset', offset: String(offset) });
                void show();
              }}
            />
          </div>
          <div className="sb-kafka-split">
            <div className="sb-kafka-scroll">
              <table className="sb-table sb-kafka-messages" aria-label="Messages">
                <thead>
                  <tr>
                    <th scope="col">Partition</th>
                    <th scope="col">Offset</th>
                    <th scope="col" title="Simulated time since the run began (the record's timestamp)">
                      Time
                    </th>
                    <th scope="col">Key</th>
                    <th scope="col">Value</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.messages.map((m) => (
                    <Row key={idOf(m)} m={m} selected={m === selected} onSelect={() => setPicked(idOf(m))} />
                  ))}
                </tbody>
              </table>
            </div>
            {selected ? <MessagePane m={selected} /> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
