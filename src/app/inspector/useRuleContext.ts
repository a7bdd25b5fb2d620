// What the rule editors need to know about the board: the compiled topology (which events a
// command leads to, which fields each message has, the aggregate's state), compiled here once
// per board change while a rule-bearing sticky is inspected (a few milliseconds for a
// workshop-sized board; the worker compiles again for problems and scenario results).
import { useMemo } from 'react';
import type { ElementId, ExprType } from '../../model';
import { compileRule } from '../../model';
import { compileTopology, type Topology } from '../../topology';
import { useBoardStore } from '../../store/boardStore';

export function useTopology(): Topology | null {
  const board = useBoardStore((s) => s.board);
  return useMemo(() => (board ? compileTopology(board) : null), [board]);
}

/** The message a rule text gets in a scope: null when it may be written. */
export function ruleProblem(text: string, scope: Map<string, ExprType>, expected: ExprType, emptyAllowed = false): string | null {
  if (emptyAllowed && text.trim() === '') return null;
  const c = compileRule(text, scope, expected);
  return c.ok ? null : c.error.message;
}

export function labelOf(t: Topology, id: ElementId): string {
  return t.events.find((e) => e.elementId === id)?.label ?? t.commands.find((c) => c.elementId === id)?.label ?? '(gone)';
}
