// How a command sticky's outcome is decided, when that is worth saying on the board: "⚖ by
// weight" while it has no rules (the simulator draws an outcome by the link weights), "⊘ may
// reject" when its rules have no "otherwise" (a command no guard admits is rejected). The
// compiler's notes say which (RULE_MODE_CODES); the full text is the tooltip and accessible name.
import type { ElementId } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { RULE_MODE_CODES } from '../../store/problems';

export function RuleModeBadge({ id }: { id: ElementId }) {
  const note = useBoardStore((s) => s.problemsByElement[id]?.find((p) => p.code === RULE_MODE_CODES.weighted || p.code === RULE_MODE_CODES.mayReject));
  if (!note) return null;
  const weighted = note.code === RULE_MODE_CODES.weighted;
  const label = weighted ? `No rules yet: ${note.message}` : `Rules decide: ${note.message}`;
  return (
    <span className={`sb-rule-mode ${weighted ? 'sb-rule-mode-weighted' : 'sb-rule-mode-reject'}`} role="img" aria-label={label} title={label}>
      {weighted ? '⚖ by weight' : '⊘ may reject'}
    </span>
  );
}
