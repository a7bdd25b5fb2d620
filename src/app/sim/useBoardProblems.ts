// Keeps the canvas's problemsByElement in step with the board: a moment after each change
// (debounced) the board is compiled in the simulation worker — a large board takes long enough
// to stutter the canvas if compiled here — and its problems are pinned to their stickies. The
// same compile runs the board's scenarios, whose results the badges and the inspector show.
import { useEffect } from 'react';
import { useBoardStore } from '../../store/boardStore';
import { problemsByElement } from '../../store/simProblems';
import { useSimStore } from '../../store/simStore';

const COMPILE_DEBOUNCE_MS = 300;

export function useBoardProblems(): void {
  const board = useBoardStore((s) => s.board);
  const problems = useSimStore((s) => s.problems);
  useEffect(() => {
    if (!board) return;
    const t = setTimeout(() => useSimStore.getState().compile(board), COMPILE_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [board]);
  useEffect(() => {
    if (!problems) return;
    useBoardStore.getState().setProblems(problemsByElement(problems.list));
    useBoardStore.getState().setScenarioResults(problems.scenarios);
  }, [problems]);
}
