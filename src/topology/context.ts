// State shared by the compiler's steps while one board is compiled.
import type { Board, ElementId } from '../model';
import type { BoardIndex } from './boardIndex';
import { indexBoard } from './boardIndex';
import { NameAllocator } from './names';
import { NameScope, topicName } from './naming';
import { groupConcepts, type ConceptGroups } from './sameConcept';
import { planServices, type ServicePlan } from './services';
import { TopicRegistry } from './topics';
import type { AggregateSpec, CommandSpec, EventSpec, ExternalSystemSpec, Names, PolicySpec, Problem, ProjectorSpec } from './types';

export interface CompileContext {
  ix: BoardIndex;
  problems: Problem[];
  plan: ServicePlan;
  /** Repeated stickies of one aggregate, read model or external system. */
  groups: ConceptGroups;
  allocator: NameAllocator;
  registry: TopicRegistry;
  /** Consumer group names, unique across the cluster. */
  groupNames: NameScope;
  projectName: string;
  /** Generated names of every sticky that becomes code, allocated in board order. */
  names: Map<ElementId, Names>;
  events: Map<ElementId, EventSpec>;
  commands: Map<ElementId, CommandSpec>;
  aggregates: Map<ElementId, AggregateSpec>;
  policies: Map<ElementId, PolicySpec>;
  projectors: Map<ElementId, ProjectorSpec>;
  externalSystems: Map<ElementId, ExternalSystemSpec>;
  /** Field labels of events and commands mapped to their safe names. */
  fieldLabels: Map<ElementId, Map<string, string>>;
  /** y in board coordinates (stickies inside a context are stored relative to it). */
  absoluteY(id: ElementId): number;
  /** Quoted sticky text for messages: 'Money deposited' (or "(untitled event)"). */
  quote(id: ElementId): string;
  error(code: string, message: string, ...ids: ElementId[]): void;
  warning(code: string, message: string, ...ids: ElementId[]): void;
  info(code: string, message: string, ...ids: ElementId[]): void;
  groupName(segments: string[]): string;
}

export function createContext(board: Board, projectName: string): CompileContext {
  const ix = indexBoard(board);
  const problems: Problem[] = [];
  const groupNames = new NameScope();
  const plan = planServices(ix);
  const push = (severity: Problem['severity']) => (code: string, message: string, ...ids: ElementId[]) =>
    void problems.push({ severity, code, message, elementIds: ids });
  return {
    ix,
    problems,
    plan,
    groups: groupConcepts(ix, plan),
    allocator: new NameAllocator(),
    registry: new TopicRegistry(),
    groupNames,
    projectName,
    names: new Map(),
    events: new Map(),
    commands: new Map(),
    aggregates: new Map(),
    policies: new Map(),
    projectors: new Map(),
    externalSystems: new Map(),
    fieldLabels: new Map(),
    absoluteY(id) {
      let y = 0;
      let current = ix.byId.get(id);
      for (let steps = 0; current && steps <= board.elements.length; steps++) {
        y += Number.isFinite(current.y) ? current.y : 0;
        current = current.parentId ? ix.byId.get(current.parentId) : undefined;
      }
      return y;
    },
    quote(id) {
      const el = ix.byId.get(id);
      const text = (el?.text ?? '').replace(/\s+/g, ' ').trim();
      if (!text) return `(untitled ${el ? el.kind : 'sticky'})`;
      return `'${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`;
    },
    error: push('error'),
    warning: push('warning'),
    info: push('info'),
    groupName: (segments) => groupNames.claim(topicName(segments), '-'),
  };
}
