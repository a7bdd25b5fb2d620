// Problems pinned to a sticky (from the store's problemsByElement seam), shown as a small
// marker whose tooltip lists them (except the notes RuleModeBadge shows).
import type { ElementId } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { isRuleMode } from '../../store/problems';

export function ProblemPins({ id }: { id: ElementId }) {
  const all = useBoardStore((s) => s.problemsByElement[id]);
  // How the outcome is decided has a badge of its own (RuleModeBadge).
  const problems = all?.filter((p) => !isRuleMode(p));
  if (!problems || problems.length === 0) return null;
  const worst = problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
  const text = problems.map((p) => p.message).join('\n');
  return (
    <span className={`sb-pin sb-pin-${worst}`} title={text} aria-label={`${problems.length} problem(s): ${text}`} role="img">
      {problems.length}
    </span>
  );
}
