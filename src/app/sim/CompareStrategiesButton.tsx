// "Compare topic strategies" beside the simulation panel's tabs: opens the comparison dialog (loaded only when
// first asked for) for the board on screen as it was when asked: an edit made while the dialog is
// open (choosing a strategy from it, a collaborator's change) does not start the runs again.
import { lazy, Suspense, useState } from 'react';
import type { Board } from '../../model';
import { useBoardStore } from '../../store/boardStore';

const StrategyComparisonDialog = lazy(() => import('./StrategyComparisonDialog'));

export function CompareStrategiesButton() {
  const board = useBoardStore((s) => s.board);
  const [compared, setCompared] = useState<Board | null>(null);
  return (
    <>
      <button
        type="button"
        className="sb-button"
        disabled={!board}
        onClick={() => setCompared(board)}
        title="Run this board with one topic per aggregate type, one per aggregate instance and one shared topic, and compare what each costs"
      >
        Compare topic strategies
      </button>
      {compared ? (
        <Suspense fallback={<div role="status">Loading the comparison…</div>}>
          <StrategyComparisonDialog board={compared} onClose={() => setCompared(null)} />
        </Suspense>
      ) : null}
    </>
  );
}
