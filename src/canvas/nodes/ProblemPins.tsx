// Problems pinned to a sticky (from the store's problemsByElement seam), shown as a small
// marker whose tooltip lists them.
import type { ElementId } from '../../model';
import { useBoardStore } from '../../store/boardStore';

export function ProblemPins({ id }: { id: ElementId }) {
  const problems = useBoardStore((s) => s.problemsByElement[id]);
  if (!problems || problems.length === 0) return null;
  const worst = problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
  const text = problems.map((p) => p.message).join('\n');
  return (
    <span className={`sb-pin sb-pin-${worst}`} title={text} aria-label={`${problems.length} problem(s): ${text}`} role="img">
      {problems.length}
    </span>
  );
}
