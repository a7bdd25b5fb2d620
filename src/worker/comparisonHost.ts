// The comparison worker's host: runs the topic-strategy comparison for one board and posts its
// progress (at most every PROGRESS_EVERY_MS of wall time, and always the last) and its result.
// Kept apart from the worker entry so it runs in Node tests.
import { compareTopicStrategies, type ComparisonProgress } from '../sim';
import type { CompareCommand, ComparisonMessage } from './comparisonProtocol';

export const PROGRESS_EVERY_MS = 100;

export async function runComparison(cmd: CompareCommand, post: (m: ComparisonMessage) => void, now: () => number = () => Date.now()): Promise<void> {
  let lastAt = -Infinity;
  const progress = (p: ComparisonProgress) => {
    const t = now();
    if (p.fraction < 1 && p.phase === 'running' && t - lastAt < PROGRESS_EVERY_MS) return;
    lastAt = t;
    post({ type: 'progress', progress: p });
  };
  try {
    const comparison = await compareTopicStrategies(cmd.board, cmd.settings ?? {}, progress);
    post({ type: 'result', comparison });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    post({ type: 'error', code: err.code ?? 'STRATEGY_COMPARISON_FAILED', message: err.message ?? String(e) });
  }
}
