// The table named "Partitions": leader, replicas, ISR, min.insync.replicas, whether its leader
// accepts the run's writes, log start, high watermark and log end of every partition
// (why a run is stuck shows on the row). Each column header says what it counts (simHelp.ts).
// A leader, replica, ISR or log-start cell that changed since the previous snapshot flashes
// (its content is re-keyed by value, which restarts the CSS animation); the high watermark and
// log end move with every write, so they update in place without flashing (flashing them all
// the time hid the changes that matter and cost a repaint per frame).
// `logStartNote` says why the log start moves when that is the simulator's doing, not Kafka's.
import { memo, useRef } from 'react';
import { useSimStore, type PartitionView } from '../store/simStore';
import { PARTITION_COLUMN_HELP, type PartitionColumn } from './simHelp';
import { writeStateOf, writeStateText } from './writeHealth';

const list = (xs: readonly number[]) => xs.join(', ');

function FlashCell({ value }: { value: string }) {
  // The span is re-keyed by value, so the flash animation plays once per change, never on
  // the first render.
  const prev = useRef(value);
  const flashing = useRef<string | null>(null);
  if (prev.current !== value) {
    flashing.current = value;
    prev.current = value;
  }
  return (
    <td>
      <span key={value} className={flashing.current === value ? 'sb-flash' : undefined}>
        {value}
      </span>
    </td>
  );
}

const same = (a: PartitionView, b: PartitionView) =>
  a.minInsync === b.minInsync &&
  a.leader === b.leader && a.logStart === b.logStart && a.highWatermark === b.highWatermark && a.logEnd === b.logEnd && list(a.isr) === list(b.isr) && list(a.replicas) === list(b.replicas);

const Row = memo(function Row({ p, acks }: { p: PartitionView; acks: number }) {
  const cells = [
    p.leader === null ? 'none' : String(p.leader),
    list(p.replicas),
    list(p.isr),
    p.minInsync === undefined ? '—' : String(p.minInsync),
  ];
  const offsets = [String(p.logStart), String(p.highWatermark), String(p.logEnd)];
  const writes = writeStateOf(p, acks);
  return (
    <tr className={p.leader === null ? 'sb-offline' : writes.kind !== 'ok' ? 'sb-refusing' : p.isr.length < p.replicas.length ? 'sb-underreplicated' : undefined}>
      <th scope="row">
        {p.topic}-{p.partition}
      </th>
      {cells.map((v, i) => (i !== 3 ? <FlashCell key={i} value={v} /> : <td key={i}>{v}</td>))}
      <td className={writes.kind === 'ok' ? 'sb-writes-ok' : 'sb-writes-refused'}>{writeStateText(writes)}</td>
      <FlashCell value={offsets[0]!} />
      {offsets.slice(1).map((v, i) => (
        <td key={i}>{v}</td>
      ))}
    </tr>
  );
}, (a, b) => a.acks === b.acks && same(a.p, b.p));

// Writes sits next to ISR and Min ISR, which decide it (and stays in view in a narrow split).
const COLUMNS: PartitionColumn[] = ['Partition', 'Leader', 'Replicas', 'ISR', 'Min ISR', 'Writes', 'Log start', 'High watermark', 'Log end'];

export function PartitionsTable({ logStartNote }: { logStartNote?: string } = {}) {
  const partitions = useSimStore((s) => s.snapshot?.partitions);
  // Experiments have no producers of the run's: their refusals show in their own counters.
  const acks = useSimStore((s) => (s.snapshot?.source === 'board' ? s.snapshot.acks : 1));
  return (
    <div className="sb-table-wrap">
      {logStartNote ? <p className="sb-muted sb-table-note">{logStartNote}</p> : null}
      <table className="sb-table" aria-label="Partitions">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" title={c === 'Log start' && logStartNote ? `${PARTITION_COLUMN_HELP[c]} ${logStartNote}` : PARTITION_COLUMN_HELP[c]}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(partitions ?? []).map((p) => (
            <Row key={`${p.topic}-${p.partition}`} p={p} acks={acks} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
