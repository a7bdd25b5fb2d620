// The run's cluster settings, read when a run starts: how many brokers (1–9), the replication
// factor (every topic's, or each topic's own from the board) and min.insync.replicas (1 to the broker count; each topic uses at most its replica count).
// Changing them mid-run says "restart to apply" (RunStatus).
import { useId, useState } from 'react';
import { MAX_BROKERS, SIM_DEFAULTS, useSimStore } from '../../store/simStore';

const clampInt = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(Number.isFinite(v) ? v : lo)));

export function RunSettings() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const brokers = useSimStore((s) => s.options.brokers ?? SIM_DEFAULTS.brokers);
  const minIsr = useSimStore((s) => s.options.minInsyncReplicas ?? SIM_DEFAULTS.minInsyncReplicas);
  const rf = useSimStore((s) => (s.options.replicationFactor === undefined ? SIM_DEFAULTS.replicationFactor : s.options.replicationFactor));
  const set = useSimStore((s) => s.setRunSettings);
  const oldProducers = useSimStore((s) => s.options.oldProducers ?? SIM_DEFAULTS.oldProducers);
  return (
    <div className="sb-run-settings">
      <button type="button" className="sb-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Run settings
      </button>
      {open ? (
        <div id={id} role="group" aria-label="Run settings" className="sb-run-settings-pop">
          <label>
            Brokers
            <input
              type="number"
              min={1}
              max={MAX_BROKERS}
              value={brokers}
              onChange={(e) => {
                const b = clampInt(e.target.valueAsNumber, 1, MAX_BROKERS);
                // min.insync.replicas can never exceed the brokers that could be in sync.
                set({ brokers: b, minInsyncReplicas: Math.min(minIsr, b), replicationFactor: rf === null ? null : Math.min(rf, b) });
              }}
            />
          </label>
          <label>
            Replication factor
            <select value={rf === null ? 'board' : String(rf)} onChange={(e) => set({ replicationFactor: e.target.value === 'board' ? null : Number(e.target.value) })}>
              <option value="board">each topic's, from the board</option>
              {Array.from({ length: brokers }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label>
            min.insync.replicas
            <input type="number" min={1} max={brokers} value={minIsr} onChange={(e) => set({ minInsyncReplicas: clampInt(e.target.valueAsNumber, 1, brokers) })} />
          </label>
          <label className="sb-check">
            <input type="checkbox" checked={oldProducers} onChange={(e) => set({ oldProducers: e.target.checked })} />
            Old and new producers side by side
          </label>
          <p className="sb-muted">
            With old and new producers, every other event whose schema has an earlier registered version is written with that version, and each delivery is also read as a consumer on that version would read it.
          </p>
          <p className="sb-muted">
            Read when a run starts: restart to apply. Each topic has the replication factor chosen here, or its own from the board (capped by the brokers), and uses at most
            that many as min.insync.replicas. With acks=all, a partition refuses writes while fewer replicas are in sync.
          </p>
          <button type="button" className="sb-button sb-small" onClick={() => setOpen(false)}>
            Close run settings
          </button>
        </div>
      ) : null}
    </div>
  );
}
