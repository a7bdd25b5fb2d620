// "Compare topic strategies" beside the simulation panel's tabs: opens the comparison dialog (loaded only when
// first asked for) for the board on screen.
import { lazy, Suspense, useState } from 'react';
import { useBoardStore } from '../../store/boardStore';

const StrategyComparisonDialog = lazy(() => import('./StrategyComparisonDialog'));

export function CompareStrategiesButton() {
  const board = useBoardStore((s) => s.board);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="sb-button"
        disabled={!board}
        onClick={() => setOpen(true)}
        title="Run this board with one topic per aggregate type, one per aggregate instance and one shared topic, and compare what each costs"
      >
        Compare topic strategies
      </button>
      {open && board ? (
        <Suspense fallback={<div role="status">Loading the comparison…</div>}>
          <StrategyComparisonDialog board={board} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
