// The topic-strategy comparison: the same board, seed, load and simulated duration run once per
// strategy of the "Kafka as an event store" talk (one topic per aggregate type, one per aggregate
// instance, one shared topic), one after the other, with progress over all three.
import type { Board } from '../../model';
import { runStrategy } from './runStrategy';
import { COMPARISON_DEFAULTS, TOPIC_STRATEGIES, type ComparisonProgress, type ComparisonSettings, type StrategyComparison } from './strategyTypes';

export async function compareTopicStrategies(
  board: Board,
  settings: Partial<ComparisonSettings> = {},
  onProgress: (p: ComparisonProgress) => void = () => {},
): Promise<StrategyComparison> {
  const s: ComparisonSettings = { ...COMPARISON_DEFAULTS, ...settings };
  const of = TOPIC_STRATEGIES.length;
  const results = [];
  for (const [index, strategy] of TOPIC_STRATEGIES.entries()) {
    results.push(
      await runStrategy(board, strategy, s, (fraction, phase) =>
        // Running is most of a strategy's time; measuring and the demonstrations the rest.
        onProgress({ strategy, index, of, phase, fraction: (index + (phase === 'running' ? fraction * 0.85 : 0.85)) / of }),
      ),
    );
  }
  onProgress({ strategy: TOPIC_STRATEGIES[of - 1]!, index: of - 1, of, phase: 'measuring', fraction: 1 });
  return { boardName: board.name, settings: s, results };
}
