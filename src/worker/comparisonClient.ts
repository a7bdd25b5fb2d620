// The page's side of the comparison worker: one worker per comparison, ended when the result
// comes or when the comparison is cancelled (closing the dialog), so nothing keeps running.
import type { Board } from '../model';
import type { ComparisonProgress, ComparisonSettings, StrategyComparison } from '../sim';
import type { CompareCommand, ComparisonMessage } from './comparisonProtocol';
import { EngineCallError } from './client';

export interface RunningComparison {
  readonly result: Promise<StrategyComparison>;
  cancel(): void;
}

type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & { onmessage: ((e: MessageEvent<ComparisonMessage>) => void) | null; onerror: ((e: ErrorEvent) => void) | null };

export function startComparison(
  board: Board,
  settings: Partial<ComparisonSettings>,
  onProgress: (p: ComparisonProgress) => void,
  makeWorker: () => WorkerLike = () => new Worker(new URL('./comparison.worker.ts', import.meta.url), { type: 'module', name: 'stormbench-comparison' }) as WorkerLike,
): RunningComparison {
  const worker = makeWorker();
  let settle: { resolve: (c: StrategyComparison) => void; reject: (e: Error) => void } | null = null;
  const result = new Promise<StrategyComparison>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (fn: (s: NonNullable<typeof settle>) => void) => {
    worker.terminate();
    const s = settle;
    settle = null;
    if (s) fn(s);
  };
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'progress') onProgress(m.progress);
    else if (m.type === 'result') finish((s) => s.resolve(m.comparison));
    else finish((s) => s.reject(new EngineCallError(m.code, m.message)));
  };
  worker.onerror = (e) => finish((s) => s.reject(new EngineCallError('WORKER_FAILED', `The comparison worker failed: ${e.message}`)));
  worker.postMessage({ type: 'compare', board, settings } satisfies CompareCommand);
  return {
    result,
    cancel: () => finish((s) => s.reject(new EngineCallError('COMPARISON_CANCELLED', 'The comparison was cancelled.'))),
  };
}
