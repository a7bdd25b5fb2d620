// Board → topology: the one entry point of the compiler. Pure and deterministic: the same
// board always gives the same topics, names and problems. Problems never throw; a topology with
// error-severity problems must not be run or exported (hasErrors).
import type { Board, ElementKind } from '../model';
import { compileAggregates } from './compileAggregates';
import { compileExternalSystems, compilePolicies, compileProjectors } from './compileConsumers';
import { compileMessages } from './compileMessages';
import { createContext } from './context';
import { checkPolicyCycles } from './cycles';
import { compileRules } from './rules/compileRules';
import { kebabName } from './naming';
import type { Topology } from './types';

const FOLDER: Partial<Record<ElementKind, string>> = {
  event: 'messages',
  command: 'messages',
  aggregate: 'aggregates',
  policy: 'policies',
  readModel: 'projectors',
  externalSystem: 'systems',
};

export function compileTopology(board: Board): Topology {
  const projectName = kebabName(board.name ?? '', 'project');
  const cx = createContext(board, projectName);
  for (const el of board.elements) {
    const folder = FOLDER[el.kind];
    if (folder && cx.groups.isPrimary(el.id)) cx.names.set(el.id, cx.allocator.names(el, `${cx.plan.serviceOf(el).id}/${folder}`));
  }
  compileMessages(cx);
  compileAggregates(cx);
  compileExternalSystems(cx);
  compilePolicies(cx);
  compileProjectors(cx);
  compileRules(cx);
  checkPolicyCycles(cx);
  return {
    boardId: board.id,
    boardName: board.name,
    projectName,
    strategy: board.settings?.topicStrategy ?? 'perAggregateType',
    topics: cx.registry.topics,
    services: cx.plan.services,
    aggregates: [...cx.aggregates.values()],
    events: [...cx.events.values()],
    commands: [...cx.commands.values()],
    policies: [...cx.policies.values()],
    projectors: [...cx.projectors.values()],
    externalSystems: [...cx.externalSystems.values()],
    problems: cx.problems,
  };
}

export function hasErrors(topology: Pick<Topology, 'problems'>): boolean {
  return topology.problems.some((p) => p.severity === 'error');
}
