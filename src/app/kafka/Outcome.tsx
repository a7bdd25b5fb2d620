// The answer to a produce or a reset: a status when it worked or is on its way, an alert with the
// cluster's own error (e.g. Kafka's refusal to reset a group that has members) when it did not.
import { useSimStore } from '../../store/simStore';
import type { Outcome } from '../../store/topicsStore';

export function OutcomeLine({ outcome, name }: { outcome: Outcome; name: string }) {
  const paused = useSimStore((s) => s.snapshot?.state === 'paused');
  if (!outcome) return null;
  if (outcome.ok === null) {
    return (
      <p role="status" aria-label={name} className="sb-kafka-note">
        {outcome.text}
        {paused ? ' It is written with acks=all, which takes simulated time: resume or step the run to finish it.' : ''}
      </p>
    );
  }
  return outcome.ok ? (
    <p role="status" aria-label={name} className="sb-kafka-ok">
      {outcome.text}
    </p>
  ) : (
    <p role="alert" aria-label={name} className="sb-kafka-error">
      {outcome.text}
    </p>
  );
}
