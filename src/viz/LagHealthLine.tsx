// A consumer group's lag health in one line: Burrow's status, how complete its windows are,
// which partition lags most, and how long the lag takes to clear at the current rates.
import type { GroupView } from '../store/simStore';
import { clearText, GROUP_STATUS_HELP, healthClass, LAG_HEALTH_NOTE, PARTITION_STATUS_HELP } from './lagHealthText';

export function LagHealthLine({ g }: { g: Pick<GroupView, 'groupId' | 'health'> }) {
  const h = g.health;
  if (!h) return null;
  const worst = h.worst;
  return (
    <div className="sb-health-line">
      <span role="status" aria-label={`Lag health of ${g.groupId}`} className={`sb-pill sb-health ${healthClass(h.status)}`} title={`${GROUP_STATUS_HELP[h.status]} ${LAG_HEALTH_NOTE}`}>
        {h.status}
      </span>
      <span>{clearText(h)}</span>
      {worst ? (
        <span className="sb-muted" title={PARTITION_STATUS_HELP[worst.status]}>
          most behind: {worst.topic}-{worst.partition} ({worst.status}, {worst.currentLag.toLocaleString('en-US')})
        </span>
      ) : null}
      <span className="sb-muted" title="Share of partitions whose window of 10 commits is full; until then Burrow judges from fewer commits.">
        windows {Math.round(h.complete * 100)}% full
      </span>
    </div>
  );
}
