// Compaction made visible for one partition of a topic: its segments (active, cleaned, dirty),
// the clean/dirty boundary and the dirty ratio the cleaner waits for, per key the log before and
// after the last cleaner pass (records removed struck through, tombstones marked), a control to
// run the cleaner now, and the latest record per key — the table a compacted topic stands for.
import { useEffect, useRef, useState } from 'react';
import type { CompactionView as View } from '../../sim';
import { simConsole } from '../../store/simStore';
import { keyHistory } from './keyHistory';
import { PartitionOptions } from './TopicsPanel';

const POLL_MS = 1_000;

interface Pass {
  before: View;
  after: View;
  /** What the pass did, in words. */
  outcome: string;
}

function ratioText(v: View): string {
  if (v.dirtyRatio === null) return 'nothing cleanable yet (only the active segment, or segments above the high watermark)';
  return `dirty ratio ${v.dirtyRatio.toFixed(2)} (the cleaner waits for ${v.minCleanableDirtyRatio})`;
}

function Segments({ v }: { v: View }) {
  return (
    <ol className="sb-segments" aria-label="Segments">
      {v.segments.map((s) => {
        const state = s.active ? 'active' : s.dirty ? 'dirty' : s.cleaned ? 'cleaned' : 'clean';
        return (
          <li key={s.baseOffset} className={`sb-segment sb-segment-${state}`} style={{ flexGrow: Math.max(1, s.records) }} title={`${s.bytes.toLocaleString('en-US')} bytes`}>
            <strong>{state}</strong> {s.baseOffset}–{s.lastOffset ?? s.baseOffset} · {s.records} record{s.records === 1 ? '' : 's'}
          </li>
        );
      })}
    </ol>
  );
}

function KeyTable({ pass }: { pass: Pass }) {
  const rows = keyHistory(pass.before, pass.after);
  // Without a pass to compare with, the offsets are only listed.
  const compared = pass.before !== pass.after;
  return (
    <table className="sb-table sb-keylog" aria-label="Log by key">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">{compared ? 'Offsets before the pass (kept in bold, removed struck through; ✝ tombstone)' : 'Offsets in the log (✝ tombstone)'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const shown = r.offsets.slice(-14);
          return (
            <tr key={r.key}>
              <th scope="row">
                <code>{r.key}</code>
              </th>
              <td>
                {r.offsets.length > shown.length ? <span className="sb-muted">+{r.offsets.length - shown.length} earlier </span> : null}
                {shown.map((o) => (
                  <span
                    key={o.offset}
                    className={`sb-off${compared ? (o.kept ? ' sb-off-kept' : ' sb-off-removed') : ''}${o.tombstone ? ' sb-off-tomb' : ''}`}
                    title={`${compared ? (o.kept ? 'kept' : 'removed') : 'in the log'}${o.tombstone ? ' · tombstone' : ''}`}
                  >
                    {o.offset}
                    {o.tombstone ? ' ✝' : ''}
                  </span>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function LatestTable({ v }: { v: View }) {
  return (
    <table className="sb-table sb-latest" aria-label="Latest per key">
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Offset</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {v.latest.slice(0, 200).map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <code>{r.key}</code>
            </th>
            <td>{r.offset}</td>
            <td className={r.value === null ? 'sb-muted' : undefined}>{r.value ?? 'tombstone (deleted)'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CompactionPanel({ topic, partitions }: { topic: string; partitions: number }) {
  const [partition, setPartition] = useState(0);
  const [view, setView] = useState<View | null>(null);
  const [pass, setPass] = useState<Pass | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const last = useRef<View | null>(null);

  useEffect(() => {
    let live = true;
    last.current = null;
    setView(null);
    setPass(null);
    const load = async () => {
      const c = simConsole();
      if (!c) return;
      try {
        const v = await c.compaction({ topic, partition });
        if (!live) return;
        const prev = last.current;
        // The cleaner ran on its own since the last look: show that pass.
        if (prev && (v.cleanerCheckpoint !== prev.cleanerCheckpoint || v.records.length < prev.records.length - (v.logEnd - prev.logEnd))) {
          setPass({ before: prev, after: v, outcome: `The log cleaner compacted this partition at t = ${(v.at / 1000).toFixed(1)} s.` });
        }
        last.current = v;
        setView(v);
        setError(null);
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    };
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [topic, partition]);

  const runNow = async () => {
    const c = simConsole();
    if (!c) return;
    setBusy(true);
    try {
      const r = await c.runCleaner({ topic, partition });
      const removed = r.before.records.length - r.after.records.length;
      const outcome =
        removed > 0 || r.after.cleanerCheckpoint !== r.before.cleanerCheckpoint
          ? `The pass removed ${removed} record${removed === 1 ? '' : 's'} from this partition (${r.recordsRemoved} in the whole cluster).`
          : r.before.compacted
            ? `Nothing to clean here: ${ratioText(r.before)}.`
            : `Not compacted (cleanup.policy=${r.before.policy}): only retention applies.`;
      last.current = r.after;
      setView(r.after);
      setPass({ before: r.before, after: r.after, outcome });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sb-compaction" aria-label="Compaction" role="region">
      <div className="sb-kafka-form">
        <label className="sb-kafka-field">
          Partition
          <select value={partition} onChange={(e) => setPartition(Number(e.target.value))}>
            <PartitionOptions count={partitions} first={{ value: '0', label: '0' }} />
          </select>
        </label>
        <button type="button" className="sb-button" onClick={() => void runNow()} disabled={busy}>
          Run the cleaner now
        </button>
        {pass ? (
          <output className="sb-small-text" aria-label="Cleaner pass">
            {pass.outcome}
          </output>
        ) : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {!view ? (
        <p className="sb-muted">Reading the log…</p>
      ) : (
        <>
          <p className="sb-small-text" aria-label="Compaction state">
            {view.compacted ? 'compacted' : `not compacted (cleanup.policy=${view.policy}): Kafka deletes whole segments by retention instead`} · log start {view.logStart} · clean
            below offset {view.cleanerCheckpoint} (clean/dirty boundary) · {ratioText(view)} · high watermark {view.highWatermark} · log end {view.logEnd}
            {view.omitted > 0 ? ` · newest ${view.records.length.toLocaleString('en-US')} records shown` : ''}
          </p>
          <Segments v={view} />
          <div className="sb-compaction-split">
            <div>
              <h4>Log by key{pass ? '' : ' (before and after appear after a cleaner pass)'}</h4>
              {pass ? <KeyTable pass={pass} /> : <KeyTable pass={{ before: view, after: view, outcome: '' }} />}
            </div>
            <div>
              <h4>Latest per key ({view.latest.length})</h4>
              <LatestTable v={view} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
