// Compile problems of a board, grouped per sticky for the canvas's problemsByElement seam,
// plus whether any of them blocks a run.
import type { Board } from '../model';
import { compileTopology, type Problem } from '../topology';
import type { ElementProblem } from './problems';

export interface BoardProblems {
  byElement: Record<string, ElementProblem[]>;
  errors: Problem[];
  all: Problem[];
}

export function problemsByElement(all: readonly Problem[]): Record<string, ElementProblem[]> {
  const byElement: Record<string, ElementProblem[]> = {};
  for (const p of all) for (const id of p.elementIds) (byElement[id] ??= []).push({ severity: p.severity, message: p.message, code: p.code });
  return byElement;
}

export function boardProblems(board: Board): BoardProblems {
  const all = compileTopology(board).problems;
  return { byElement: problemsByElement(all), errors: all.filter((p) => p.severity === 'error'), all };
}
