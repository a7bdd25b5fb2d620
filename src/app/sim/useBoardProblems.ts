// Keeps the canvas's problemsByElement in step with the board: the board is compiled a moment
// after each change (debounced), and its problems are pinned to the stickies they concern.
import { useEffect } from 'react';
import { useBoardStore } from '../../store/boardStore';
import { boardProblems } from '../../store/simProblems';

const COMPILE_DEBOUNCE_MS = 300;

export function useBoardProblems(): void {
  const board = useBoardStore((s) => s.board);
  const setProblems = useBoardStore((s) => s.setProblems);
  useEffect(() => {
    if (!board) return;
    const t = setTimeout(() => {
      try {
        setProblems(boardProblems(board).byElement);
      } catch {
        // A board the compiler cannot read yet (mid-edit) keeps the previous pins.
      }
    }, COMPILE_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [board, setProblems]);
}
