// The dock's status line: why writes are refused (ISR below min.insync.replicas, partitions
// without a leader) and whether the run is behind the board or the settings ("restart to
// apply"). Empty while there is nothing to explain; a live region, so it is also announced.
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/simStore';
import { writeDiagnosis } from '../../viz/writeHealth';
import { runCurrentBoard } from './SimControls';
import { useRestartReasons } from './useRestartReasons';

export function RunStatus() {
  const diagnosis = useSimStore(
    useShallow((s) => {
      const snap = s.snapshot;
      if (!snap || snap.source !== 'board' || (snap.state !== 'running' && snap.state !== 'paused')) return null;
      return writeDiagnosis(snap.partitions, snap.acks);
    }),
  );
  const reasons = useRestartReasons();
  return (
    <div className="sb-run-status" role="status" aria-label="Run status">
      {diagnosis ? <p className="sb-run-stuck">{diagnosis}</p> : null}
      {reasons.length > 0 ? (
        <p className="sb-run-restart">
          {reasons.join('; ')}: restart to apply.{' '}
          <button type="button" className="sb-button sb-small" onClick={runCurrentBoard}>
            Restart to apply
          </button>
        </p>
      ) : null}
    </div>
  );
}
