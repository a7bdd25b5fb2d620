// The compiled topology: what a board becomes on Kafka. Plain serialisable data, shared by the
// simulator (runs it on the in-browser engine) and the code export (writes it as services), so
// both agree on every topic, key, consumer group and generated name.
import type { ComputedField, ElementId, FieldType, OutcomeRule, StreamSettings, TopicStrategy } from '../model';

export type ProblemSeverity = 'error' | 'warning' | 'info';

/** Something on the board that stops or weakens the topology, pinned to the stickies concerned. */
export interface Problem {
  severity: ProblemSeverity;
  /** Stable machine-readable rule name, e.g. "policy-no-command". */
  code: string;
  /** Says what is wrong and what to do, naming stickies by their text. */
  message: string;
  elementIds: ElementId[];
}

/** One payload field, with a name that is safe as a TS property, JSON key and Avro field. */
export interface FieldSpec {
  name: string;
  /** The field name as typed on the board. */
  label: string;
  type: FieldType;
  optional: boolean;
  doc: string;
  /** enum only: safe, unique symbols. */
  symbols?: string[];
  /** decimal only, always valid (1 <= precision, 0 <= scale <= precision). */
  precision?: number;
  scale?: number;
  /** Earlier names (safe names, as written in the Avro schema's field aliases). */
  aliases?: string[];
}

/** Names derived once from a sticky's text; unique in their namespaces across the board. */
export interface Names {
  /** Sticky text as typed. */
  label: string;
  /** PascalCase type name, unique across the whole project. */
  typeName: string;
  /** camelCase value name (typeName with a lower-case first letter). */
  valueName: string;
  /** kebab-case file name without extension, unique within its folder. */
  fileName: string;
}

export interface EventSpec extends Names {
  elementId: ElementId;
  serviceId: string;
  fields: FieldSpec[];
  /** Aggregates and external systems linked to this event. */
  producers: ElementId[];
  /** Topic the event is written to; null when nothing produces it. */
  topicId: string | null;
  /** Payload field holding the record key (the producing aggregate's id), or null. */
  keyField: string | null;
}

export type CommandHandlerRef = { kind: 'aggregate' | 'externalSystem'; elementId: ElementId };

export interface CommandSpec extends Names {
  elementId: ElementId;
  serviceId: string;
  fields: FieldSpec[];
  handler: CommandHandlerRef | null;
  /** Command topic of the handler, keyed by the aggregate id. */
  topicId: string | null;
  keyField: string | null;
}

export type TopicRole = 'events' | 'commands' | 'table' | 'external';

export interface TopicSpec {
  id: string;
  /** The topic name; with perInstance, the prefix of every instance's topic. */
  name: string;
  role: TopicRole;
  /** true: one single-partition topic per aggregate instance, named instanceTopicName(name, id). */
  perInstance: boolean;
  partitions: number;
  replicationFactor: number;
  /** Kafka topic configs, as strings like kafkajs configEntries: cleanup.policy, retention.ms. */
  configs: Record<string, string>;
  /** Payload field used as the record key (null: no key, round-robin). */
  keyField: string | null;
  /** sharedTopic only: keys are "<AggregateType>:<id>" so two types with equal ids never mix. */
  keyPrefixedByType: boolean;
  serviceId: string;
  /** Element the topic stores (aggregate, read model or external system). */
  elementIds: ElementId[];
}

export interface OutcomeSpec {
  eventId: ElementId;
  /** Relative weight among the command's outcomes (link weight, default 1). */
  weight: number;
}

export interface AggregateSpec extends Names {
  elementId: ElementId;
  serviceId: string;
  /** Safe name of the id field; every event and command of the aggregate carries it. */
  idField: string;
  stream: StreamSettings;
  eventTopicId: string;
  commandTopicId: string;
  /** Consumer group of the command handler. */
  groupId: string;
  /** `rules`: the command's outcome guards in order, or null when it has none (weighted outcome). */
  commands: { commandId: ElementId; outcomes: OutcomeSpec[]; rules: OutcomeRule[] | null }[];
  /** Every event the aggregate produces (its apply() handles them all). */
  events: ElementId[];
  /** State fields and how events change them, from every sticky of the aggregate. */
  state: ComputedField[];
}

export interface PolicySpec extends Names {
  elementId: ElementId;
  serviceId: string;
  groupId: string;
  triggers: ElementId[];
  commands: ElementId[];
  topicIds: string[];
  /** Condition over the triggering event ('' = always). */
  when: string;
}

export interface ProjectorSpec extends Names {
  /** The read model sticky. */
  elementId: ElementId;
  serviceId: string;
  groupId: string;
  events: ElementId[];
  topicIds: string[];
  /** Compacted topic holding the latest row per entity id. */
  tableTopicId: string;
  /** Row fields computed from the events. */
  columns: ComputedField[];
}

export interface ExternalSystemSpec extends Names {
  elementId: ElementId;
  serviceId: string;
  /** Events the system reports (it is their source). */
  emits: ElementId[];
  /** The same events with their link weights: how the system answers the commands it receives. */
  outcomes: OutcomeSpec[];
  sourceTopicId: string | null;
  /** Commands the system handles (it is their sink). */
  handles: ElementId[];
  sinkTopicId: string | null;
  /** Consumer group of the sink connector, when it handles commands. */
  groupId: string | null;
}

export interface ServiceSpec {
  id: string;
  label: string;
  /** kebab-case, unique: folder name and prefix of topics and groups. */
  name: string;
  valueName: string;
  /** The bounded context sticky; null for the default service. */
  contextId: ElementId | null;
  instances: number;
  aggregates: ElementId[];
  policies: ElementId[];
  projectors: ElementId[];
  externalSystems: ElementId[];
}

export interface Topology {
  boardId: string;
  boardName: string;
  /** kebab-case project name (package name of the export). */
  projectName: string;
  strategy: TopicStrategy;
  topics: TopicSpec[];
  services: ServiceSpec[];
  aggregates: AggregateSpec[];
  events: EventSpec[];
  commands: CommandSpec[];
  policies: PolicySpec[];
  projectors: ProjectorSpec[];
  externalSystems: ExternalSystemSpec[];
  problems: Problem[];
}
