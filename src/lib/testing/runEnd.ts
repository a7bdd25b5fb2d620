// The shape in which the simulator (src/sim/testing/scriptedRun.ts) and the exported services
// on a real Kafka (src/codegen/testing/scriptOnKafka.ts) report how a scripted command sequence
// ended, so simEqualsKafka.kafka.test.ts can compare them.

type Payload = Record<string, unknown>;

export interface ScriptedCommand {
  /** The command's type name (the topology's typeName). */
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: Payload;
}

/** What a run ended with. */
export interface RunEnd {
  /** "<aggregate type>|<id>" → its events in stream order. */
  streams: Record<string, { version: number; type: string; payload: Payload }[]>;
  /** Read-model type name → its rows sorted by id (updatedAt left out: it is the clock's). */
  tables: Record<string, { id: string; version: number; lastEvent: string; fields: Payload }[]>;
}
