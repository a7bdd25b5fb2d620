// Why the run on screen no longer matches what the next start would run: start-only settings
// changed (brokers, replication factor, min.insync.replicas) or the board was edited mid-run. Both say "restart to
// apply"; an empty list means the run is what the board and settings describe.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBoardStore } from '../../store/boardStore';
import { runFingerprint, settingsToApply } from '../../store/runChanges';
import { SIM_DEFAULTS, runControls, useSimStore } from '../../store/simStore';

const NAMES = { brokers: 'brokers', minInsyncReplicas: 'min.insync.replicas', replicationFactor: 'replication factor', oldProducers: 'old and new producers' } as const;
const shown = (v: number | boolean | null) => (v === null ? 'from the board' : v === true ? 'on' : v === false ? 'off' : String(v));

export function useRestartReasons(): string[] {
  const board = useBoardStore((s) => s.board);
  const { live } = useSimStore(useShallow((s) => runControls(s, board?.id ?? null)));
  const changed = useSimStore(
    useShallow((s) =>
      settingsToApply(s.options, s.runOptions).map((k) => `${NAMES[k]} ${shown(s.runOptions[k] ?? SIM_DEFAULTS[k])} → ${shown(s.options[k] ?? SIM_DEFAULTS[k])}`),
    ),
  );
  const runBoard = useSimStore((s) => s.runBoard);
  const started = useMemo(() => (live && runBoard ? runFingerprint(runBoard) : null), [live, runBoard]);
  const edited = useMemo(() => started !== null && board !== null && board !== runBoard && runFingerprint(board) !== started, [started, board, runBoard]);
  if (!live) return [];
  const reasons: string[] = [];
  if (changed.length > 0) reasons.push(`Run settings changed (${changed.join(', ')})`);
  if (edited) reasons.push('The board changed since the run started');
  return reasons;
}
