// The inspector for one selected connection: what it connects, whether it follows the grammar
// (a free-form one is left out of the topology), and for an aggregate's or external system's
// outcome event the weight the simulator gives that outcome.
import type { BoardLink } from '../../model';
import { checkLink, elementTitle } from '../../model';
import { useBoardStore } from '../../store/boardStore';
import { useUiStore } from '../../store/uiStore';
import { CommitField } from './CommitField';
import { DeleteButton } from './DeleteButton';

export function LinkInspector({ link }: { link: BoardLink }) {
  const source = useBoardStore((s) => s.elementsById.get(link.source));
  const target = useBoardStore((s) => s.elementsById.get(link.target));
  if (!source || !target) return null;
  const outcome = (source.kind === 'aggregate' || source.kind === 'externalSystem') && target.kind === 'event';
  return (
    <>
      <h2>Connection</h2>
      <p className="sb-inspector-empty">
        From {elementTitle(source)} to {elementTitle(target)}.
      </p>
      {link.freeForm ? (
        <p className="sb-field-error" role="note">
          Free-form: {checkLink(source.kind, target.kind).hint} It is kept on the board but left out of the topology.
        </p>
      ) : null}
      {outcome ? (
        <CommitField
          label="Outcome weight"
          inputMode="numeric"
          value={String(link.weight ?? 1)}
          hint="How often this event is the outcome, relative to the other events of the same command (e.g. 9 and 1)"
          validate={(text) => {
            const n = Number(text.trim());
            return text.trim() !== '' && Number.isFinite(n) && n > 0 ? null : 'The weight must be a number above 0';
          }}
          onCommit={(text) => {
            try {
              useBoardStore.getState().doc?.updateLink(link.id, { weight: Number(text.trim()) });
            } catch (error) {
              useUiStore.getState().notify({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
            }
          }}
        />
      ) : null}
      <DeleteButton label="Delete connection" />
    </>
  );
}
