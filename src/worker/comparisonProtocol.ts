// The small protocol of the comparison worker (comparison.worker.ts): the page sends one board to
// compare under the three topic strategies; the worker answers with progress, then the
// comparison or an error. Plain data only.
import type { Board } from '../model';
import type { ComparisonProgress, ComparisonSettings, StrategyComparison } from '../sim';

export interface CompareCommand {
  type: 'compare';
  board: Board;
  settings?: Partial<ComparisonSettings>;
}

export type ComparisonMessage =
  | { type: 'progress'; progress: ComparisonProgress }
  | { type: 'result'; comparison: StrategyComparison }
  | { type: 'error'; code: string; message: string };
