// The board document's shape: plain serialisable data (no class instances, no callbacks), the
// contract between the canvas, persistence, the topology compiler and the code export.
// Validation (zod) and migrations live beside it; this file only names the shapes.
import type { Prefixed } from '../lib/ids';

export const BOARD_VERSION = 2 as const;

export const ELEMENT_KINDS = [
  'event',
  'command',
  'policy',
  'aggregate',
  'readModel',
  'externalSystem',
  'actor',
  'hotspot',
  'boundedContext',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

export type BoardId = Prefixed<'board'>;
export type ElementId = Prefixed<'el'>;
export type LinkId = Prefixed<'link'>;

export const FIELD_TYPES = ['string', 'int', 'long', 'double', 'boolean', 'timestamp', 'uuid', 'enum', 'decimal'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of an event's or command's payload. */
export interface PayloadField {
  name: string;
  type: FieldType;
  optional: boolean;
  doc: string;
  /** Only for type 'enum': the allowed symbols, at least one. */
  symbols?: string[];
  /** Only for type 'decimal'. */
  precision?: number;
  scale?: number;
  /** Earlier names of the field: a reader finds a field renamed from one of them (Avro field aliases). */
  aliases?: string[];
}

/** Compatibility levels of an event's schema (Confluent's registry). */
export const SCHEMA_COMPATIBILITY_LEVELS = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type SchemaCompatibilityLevel = (typeof SCHEMA_COMPATIBILITY_LEVELS)[number];

/** One registered version of an event's schema: the fields as they were when it was registered. */
export interface SchemaVersion {
  fields: PayloadField[];
}

export type CleanupPolicy = 'delete' | 'compact';

/** How an aggregate's events are stored: the Kafka topic settings of its stream. */
export interface StreamSettings {
  /** 1..1000 */
  partitions: number;
  /** 1..9 (the simulated cluster has at most 9 brokers) */
  replicationFactor: number;
  cleanupPolicy: CleanupPolicy;
  /** retention.ms; -1 keeps records forever. */
  retentionMs: number;
}

interface ElementBase {
  id: ElementId;
  text: string;
  description: string;
  /** Position in board coordinates; for a member of a bounded context, relative to it. */
  x: number;
  y: number;
  /** The bounded context holding this sticky, if any. */
  parentId?: ElementId;
}

export interface EventElement extends ElementBase {
  kind: 'event';
  fields: PayloadField[];
  /** Registered schema versions, oldest first (version n at index n − 1); the fields are the draft of the next. */
  schemaVersions?: SchemaVersion[];
  /** The level new versions are checked against (default BACKWARD, as Confluent's registry). */
  compatibility?: SchemaCompatibilityLevel;
}
export interface CommandElement extends ElementBase {
  kind: 'command';
  fields: PayloadField[];
  /** Which event the command leads to, decided by guards (rules.md); absent: by link weights. */
  outcomes?: OutcomeRule[];
  scenarios?: Scenario[];
}
export interface PolicyElement extends ElementBase {
  kind: 'policy';
  /** Condition over the triggering event's fields; empty or absent: always issue the commands. */
  when?: string;
  scenarios?: Scenario[];
}
export interface AggregateElement extends ElementBase {
  kind: 'aggregate';
  /** The payload field that carries the aggregate's id and keys its events (e.g. "accountId"). */
  idField: string;
  stream: StreamSettings;
  /** State fields and how each event changes them (shared by every sticky of the aggregate). */
  state?: ComputedField[];
}
export interface ReadModelElement extends ElementBase {
  kind: 'readModel';
  /** Row fields computed from the events that feed the read model. */
  columns?: ComputedField[];
  scenarios?: Scenario[];
}
export interface ExternalSystemElement extends ElementBase {
  kind: 'externalSystem';
}
export interface ActorElement extends ElementBase {
  kind: 'actor';
}
export interface HotspotElement extends ElementBase {
  kind: 'hotspot';
}
export interface BoundedContextElement extends ElementBase {
  kind: 'boundedContext';
  width: number;
  height: number;
  /** Name of the service this context becomes; empty means derived from the text. */
  serviceName: string;
  /** 1..100 */
  instances: number;
}

export type BoardElement =
  | EventElement
  | CommandElement
  | PolicyElement
  | AggregateElement
  | ReadModelElement
  | ExternalSystemElement
  | ActorElement
  | HotspotElement
  | BoundedContextElement;

/** How an event changes a computed field: set it, add to it, subtract from it, append to a list. */
export const UPDATE_OPS = ['set', 'add', 'subtract', 'append'] as const;
export type UpdateOp = (typeof UPDATE_OPS)[number];

export const COMPUTED_TYPES = ['decimal', 'number', 'text', 'boolean', 'list'] as const;
export type ComputedType = (typeof COMPUTED_TYPES)[number];

export interface FieldUpdate {
  /** The event sticky whose occurrence applies this update. */
  eventId: ElementId;
  op: UpdateOp;
  /** Rule-language expression over the event's fields and the current fields. */
  expr: string;
}

/** An aggregate state field or a read-model column, computed from events. */
export interface ComputedField {
  name: string;
  type: ComputedType;
  /** decimal only: digits after the point (money: 2). */
  scale?: number;
  /** Expression for the value before any event; empty: 0, "", false or [] by type. */
  initial: string;
  updates: FieldUpdate[];
}

/** One field's value as an expression: in an outcome, a scenario row, a policy's command. */
export interface FieldExpr {
  field: string;
  expr: string;
}

/** One possible outcome of a command, chosen when its guard holds (empty guard: otherwise). */
export interface OutcomeRule {
  eventId: ElementId;
  when: string;
  /** Event fields computed from the command and the state (others: same-named values). */
  fields: FieldExpr[];
}

export type ScenarioId = Prefixed<'sc'>;

/** An event or command of a scenario with the field values that matter to it. */
export interface ScenarioStep {
  elementId: ElementId;
  values: FieldExpr[];
}

/**
 * Given-When-Then on a command (given events, when the command, then events or a rejection),
 * a policy (given an event, then commands) or a read model (given events, then its row, as a
 * step naming the read model itself).
 */
export interface Scenario {
  id: ScenarioId;
  name: string;
  given: ScenarioStep[];
  /** The command's field values (command scenarios only). */
  when: FieldExpr[];
  then: ScenarioStep[];
  /** Command scenarios: the command is expected to be rejected (no outcome's guard holds). */
  rejected: boolean;
}

export type ElementOfKind<K extends ElementKind> = Extract<BoardElement, { kind: K }>;

export interface BoardLink {
  id: LinkId;
  source: ElementId;
  target: ElementId;
  /**
   * true when the link is outside the EventStorming grammar and was kept because the board
   * allows free-form links; such links are shown with a warning and left out of the topology.
   */
  freeForm: boolean;
  /**
   * For aggregate/external system -> event links: the relative weight of this outcome when
   * the simulator decides which event a command produces (e.g. 9 vs 1). Defaults to 1.
   */
  weight?: number;
}

/** One topic per aggregate type (default), one per aggregate instance, or one shared topic. */
export type TopicStrategy = 'perAggregateType' | 'perAggregateInstance' | 'sharedTopic';

export interface BoardSettings {
  allowFreeFormLinks: boolean;
  topicStrategy: TopicStrategy;
  snapToGrid: boolean;
}

export interface Board {
  version: typeof BOARD_VERSION;
  id: BoardId;
  name: string;
  settings: BoardSettings;
  elements: BoardElement[];
  links: BoardLink[];
}

export const DEFAULT_STREAM: StreamSettings = {
  partitions: 6,
  replicationFactor: 3,
  cleanupPolicy: 'delete',
  retentionMs: 7 * 24 * 60 * 60 * 1000,
};

export const DEFAULT_SETTINGS: BoardSettings = {
  allowFreeFormLinks: false,
  topicStrategy: 'perAggregateType',
  snapToGrid: true,
};

/** Human names of the kinds, exactly as the palette shows them (DESIGN.md's accessible names). */
export const KIND_LABELS: Record<ElementKind, string> = {
  event: 'Domain event',
  command: 'Command',
  policy: 'Policy',
  aggregate: 'Aggregate',
  readModel: 'Read model',
  externalSystem: 'External system',
  actor: 'Actor',
  hotspot: 'Hotspot',
  boundedContext: 'Bounded context',
};

/** EventStorming's paper colours (EVENTSTORMING.md). */
export const KIND_COLORS: Record<ElementKind, string> = {
  event: '#FFA94D',
  command: '#74C0FC',
  policy: '#C9A7EB',
  aggregate: '#FFE066',
  readModel: '#B2F2BB',
  externalSystem: '#F9A8D4',
  actor: '#FFF176',
  hotspot: '#FF3D9A',
  boundedContext: '#495057',
};
