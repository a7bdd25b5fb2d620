// The board's topic strategy (docs/topology.md, "Topic strategies") chosen in the Settings menu:
// three radios with one line each on what the choice means. Choosing is a board edit (undo,
// saved, shared); a running simulation says "restart to apply" like for any edit.
import { useId } from 'react';
import type { TopicStrategy } from '../../model';
import { STRATEGY_LABELS, TOPIC_STRATEGIES } from '../../sim';
import { setTopicStrategy } from '../../store/boardCommands';
import { useBoardStore } from '../../store/boardStore';

/** One line per strategy: what it creates and what it costs. */
export const STRATEGY_MEANINGS: Record<TopicStrategy, string> = {
  perAggregateType: 'Default. Few topics; rehydrating one aggregate scans its partition.',
  perAggregateInstance: 'One small topic per aggregate: many topics, cheap reads of one aggregate.',
  sharedTopic: 'Every aggregate type in one topic, keyed by type and id: fewest topics.',
};

export function TopicStrategyField() {
  const strategy = useBoardStore((s) => s.board?.settings.topicStrategy ?? 'perAggregateType');
  const id = useId();
  return (
    <fieldset className="sb-radio-group">
      <legend>Topic strategy</legend>
      {TOPIC_STRATEGIES.map((s) => (
        <label key={s} className="sb-check">
          <input type="radio" name={`${id}-strategy`} checked={strategy === s} onChange={() => setTopicStrategy(s)} aria-describedby={`${id}-${s}`} />
          {STRATEGY_LABELS[s]}
          <small id={`${id}-${s}`}>{STRATEGY_MEANINGS[s]}</small>
        </label>
      ))}
    </fieldset>
  );
}
