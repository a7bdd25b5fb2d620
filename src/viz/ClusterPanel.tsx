// The brokers of the run: up, stopped, crashed or isolated, how many partitions each leads,
// and the fault controls named "Stop broker N", "Start broker N", "Crash broker N" and
// "Isolate broker N" (DESIGN.md).
import { useShallow } from 'zustand/react/shallow';
import { SIM_DEFAULTS, useReplaying, useSimStore, type BrokerSnapshot } from '../store/simStore';

function statusOf(b: BrokerSnapshot): string {
  if (b.status !== 'running') return b.status;
  if (b.isolated) return 'isolated';
  if (b.fenced) return 'fenced';
  return 'up';
}

export function ClusterPanel() {
  const brokers = useSimStore(useShallow((s) => s.snapshot?.brokers ?? []));
  const source = useSimStore((s) => s.snapshot?.source ?? 'board');
  const broker = useSimStore((s) => s.broker);
  const experiment = source === 'experiment';
  // An experiment's faults are scripted, and a replay is read-only: neither takes faults by hand.
  const locked = useReplaying() || experiment;
  const acks = useSimStore((s) => s.snapshot?.acks ?? -1);
  const minIsr = useSimStore((s) => s.runOptions.minInsyncReplicas ?? SIM_DEFAULTS.minInsyncReplicas);
  return (
    <section className="sb-sim-brokers" aria-label="Brokers">
      {!experiment && brokers.length > 0 ? (
        <p className="sb-cluster-summary" role="note" aria-label="Cluster settings">
          {brokers.length} broker{brokers.length === 1 ? '' : 's'} · <span title="With acks=all, a leader refuses writes while its partition has fewer in-sync replicas than this.">min.insync.replicas {minIsr}</span> · acks{' '}
          {acks === -1 ? 'all' : acks}
        </p>
      ) : null}
      {brokers.map((b) => {
        const status = statusOf(b);
        return (
          <div key={b.id} className={`sb-broker sb-broker-${status}`} role="group" aria-label={`Broker ${b.id}`}>
            <div className="sb-broker-head">
              <strong>Broker {b.id}</strong>
              <span className="sb-broker-status">{status}</span>
              <span className="sb-muted">leads {b.leaderOf}</span>
            </div>
            <div className="sb-broker-actions">
              <button type="button" className="sb-button sb-small" disabled={locked || b.status !== 'running'} onClick={() => broker('stop', b.id)}>
                Stop broker {b.id}
              </button>
              <button type="button" className="sb-button sb-small" disabled={locked || b.status === 'running'} onClick={() => broker('start', b.id)}>
                Start broker {b.id}
              </button>
              <button type="button" className="sb-button sb-small" disabled={locked || b.status !== 'running'} onClick={() => broker('crash', b.id)}>
                Crash broker {b.id}
              </button>
              <button type="button" className="sb-button sb-small" disabled={locked || b.status !== 'running' || b.isolated} onClick={() => broker('isolate', b.id)}>
                Isolate broker {b.id}
              </button>
            </div>
          </div>
        );
      })}
      {brokers.some((b) => b.isolated) ? (
        <button type="button" className="sb-button sb-small" disabled={locked} onClick={() => broker('heal', 0)}>
          Heal network
        </button>
      ) : null}
    </section>
  );
}
