// While a connection is being dragged, says what the grammar expects: the usual flow from the
// source kind, and whether the sticky under the pointer would be refused (or kept as a
// free-form link when the board allows it).
import { useConnection } from '@xyflow/react';
import { checkLink, FLOW_HINTS } from '../model/grammar';
import type { ElementKind } from '../model';
import { useBoardStore } from '../store/boardStore';
import type { FlowNode } from './flowTypes';

interface HintState {
  from: ElementKind | null;
  to: ElementKind | null;
}

export function ConnectionHint() {
  const state = useConnection<FlowNode, HintState>((c) =>
    c.inProgress ? { from: (c.fromNode.type as ElementKind) ?? null, to: (c.toNode?.type as ElementKind | undefined) ?? null } : { from: null, to: null },
  );
  const allowFree = useBoardStore((s) => s.board?.settings.allowFreeFormLinks ?? false);
  if (!state.from) return null;
  const result = state.to ? checkLink(state.from, state.to) : null;
  const refused = result !== null && !result.allowed;
  const text = result ? result.hint : FLOW_HINTS[state.from];
  return (
    <div className={`sb-connection-hint${refused ? ' sb-refused' : ''}`} role="status" aria-live="polite">
      {text}
      {refused ? (allowFree ? ' It will be kept as a free-form connection.' : ' This connection is not allowed.') : null}
    </div>
  );
}
