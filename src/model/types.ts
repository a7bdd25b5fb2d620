// The board document's shape: plain serialisable data (no class instances, no callbacks), the
// contract between the canvas, persistence, the topology compiler and the code export.
// Validation (zod) and migrations live beside it; this file only names the shapes.
import type { Prefixed } from '../lib/ids';

export const BOARD_VERSION = 1 as const;

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
}
export interface CommandElement extends ElementBase {
  kind: 'command';
  fields: PayloadField[];
}
export interface PolicyElement extends ElementBase {
  kind: 'policy';
}
export interface AggregateElement extends ElementBase {
  kind: 'aggregate';
  /** The payload field that carries the aggregate's id and keys its events (e.g. "accountId"). */
  idField: string;
  stream: StreamSettings;
}
export interface ReadModelElement extends ElementBase {
  kind: 'readModel';
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
