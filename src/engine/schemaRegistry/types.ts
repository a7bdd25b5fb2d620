// The registry's vocabulary, shaped like Confluent's Schema Registry REST API and
// @kafkajs/confluent-schema-registry: schema types, compatibility levels, subjects and
// versions, and the verdict of a compatibility check.

export type SchemaType = 'AVRO' | 'JSON';

export const COMPATIBILITY_LEVELS = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

/** Confluent's default for a registry nobody configured. */
export const DEFAULT_COMPATIBILITY: CompatibilityLevel = 'BACKWARD';

/** A schema as given to register(): the text (Confluent's REST API) or the parsed object. */
export interface SchemaInput {
  /** Confluent's default is AVRO when absent. */
  schemaType?: SchemaType;
  schema: string | Record<string, unknown>;
}

export interface RegisteredSchema {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  /** Canonical text (JSON.stringify of the parsed schema). */
  schema: string;
}

/**
 * One broken rule. `rule` is the name Avro's Java SchemaCompatibility (Avro) or Confluent's
 * JSON Schema diff (JSON) gives it; `path` points into the schema being read with (Avro: the
 * reader's JSON pointer as Java reports it; JSON: the property path).
 */
export interface Incompatibility {
  rule: string;
  path: string;
  /** The field or property concerned, when there is one. */
  field?: string;
  /** Which reading fails: 'backward' (the new schema reads old records) or 'forward' (old readers read new records). */
  direction: 'backward' | 'forward';
  /** The registered version the proposal was checked against. */
  version: number;
  message: string;
}

export interface CompatibilityVerdict {
  compatible: boolean;
  level: CompatibilityLevel;
  /** One line per broken rule, naming the rule, the field and the version. */
  messages: string[];
  issues: Incompatibility[];
}

/** How a topic's records map to subjects (Confluent's subject name strategies). */
export type SubjectNameStrategy = 'TopicNameStrategy' | 'TopicRecordNameStrategy';

/** `<topic>-value`, or `<topic>-<record full name>` when one topic carries several record types. */
export function subjectName(strategy: SubjectNameStrategy, topic: string, recordName?: string): string {
  if (strategy === 'TopicNameStrategy') return `${topic}-value`;
  if (!recordName) throw new TypeError('TopicRecordNameStrategy needs the record name.');
  return `${topic}-${recordName}`;
}
