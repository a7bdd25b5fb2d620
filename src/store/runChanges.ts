// What changed since the run started that only a restart applies: the run settings chosen for
// the cluster (brokers, min.insync.replicas) and the board's content. Moving a sticky (or
// snapping to the grid) changes nothing the simulation runs, so neither counts as an edit.
import type { Board } from '../model';
import { SIM_DEFAULTS, type SimOptions } from '../sim';

/** Options read only when a run starts (the others apply to a running simulation at once). */
export const START_ONLY_OPTIONS = ['brokers', 'minInsyncReplicas', 'replicationFactor', 'oldProducers'] as const satisfies readonly (keyof SimOptions)[];

export type StartOnlyOption = (typeof START_ONLY_OPTIONS)[number];

/** The start-only settings that differ between the next run's options and the running one's. */
export function settingsToApply(next: Partial<SimOptions>, started: Partial<SimOptions>): StartOnlyOption[] {
  return START_ONLY_OPTIONS.filter((k) => (next[k] ?? SIM_DEFAULTS[k]) !== (started[k] ?? SIM_DEFAULTS[k]));
}

/** The board as the simulation sees it: everything but where the stickies sit. */
export function runFingerprint(board: Board): string {
  const { snapToGrid: _snap, ...settings } = board.settings;
  return JSON.stringify({
    settings,
    elements: board.elements.map(({ x: _x, y: _y, ...rest }) => rest),
    links: board.links,
  });
}
