// The table named "Partitions": leader, replicas, ISR, log start, high watermark and log end
// of every partition. A leader, replica, ISR or log-start cell that changed since the previous
// snapshot flashes (its content is re-keyed by value, which restarts the CSS animation); the
// high watermark and log end move with every write, so they update in place without flashing
// (flashing them all the time hid the changes that matter and cost a repaint per frame).
// `logStartNote` says why the log start moves when that is the simulator's doing, not Kafka's.
import { memo, useRef } from 'react';
import { useSimStore, type PartitionSnapshot } from '../store/simStore';

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

const same = (a: PartitionSnapshot, b: PartitionSnapshot) =>
  a.leader === b.leader && a.logStart === b.logStart && a.highWatermark === b.highWatermark && a.logEnd === b.logEnd && list(a.isr) === list(b.isr) && list(a.replicas) === list(b.replicas);

const Row = memo(function Row({ p }: { p: PartitionSnapshot }) {
  const cells = [
    p.leader === null ? 'none' : String(p.leader),
    list(p.replicas),
    list(p.isr),
    String(p.logStart),
    String(p.highWatermark),
    String(p.logEnd),
  ];
  return (
    <tr className={p.leader === null ? 'sb-offline' : p.isr.length < p.replicas.length ? 'sb-underreplicated' : undefined}>
      <th scope="row">
        {p.topic}-{p.partition}
      </th>
      {cells.map((v, i) => (i < 4 ? <FlashCell key={i} value={v} /> : <td key={i}>{v}</td>))}
    </tr>
  );
}, (a, b) => same(a.p, b.p));

export function PartitionsTable({ logStartNote }: { logStartNote?: string } = {}) {
  const partitions = useSimStore((s) => s.snapshot?.partitions);
  return (
    <div className="sb-table-wrap">
      {logStartNote ? <p className="sb-muted sb-table-note">{logStartNote}</p> : null}
      <table className="sb-table" aria-label="Partitions">
        <thead>
          <tr>
            <th scope="col">Partition</th>
            <th scope="col">Leader</th>
            <th scope="col">Replicas</th>
            <th scope="col">ISR</th>
            <th scope="col" title={logStartNote}>
              Log start
            </th>
            <th scope="col">High watermark</th>
            <th scope="col">Log end</th>
          </tr>
        </thead>
        <tbody>
          {(partitions ?? []).map((p) => (
            <Row key={`${p.topic}-${p.partition}`} p={p} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
