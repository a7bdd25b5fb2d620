// A scripted command sequence on the simulator: the board runs with no generated load, the
// script's commands are written to their command topics in order (as the exported services'
// HTTP API writes them), simulated time moves until every group has caught up, and what the
// run ended with is read back: each aggregate's events in stream order and each read model's
// rows. The same script on the exported services (src/codegen/testing/scriptOnKafka.ts) must
// end the same (simEqualsKafka.kafka.test.ts).
import type { Board } from '../../model';
import { compileTopology, runtime, runtimeFields, type Topology } from '../../topology';
import { MAGIC_BYTE, WIRE_HEADER_BYTES, utf8, type Cluster } from '../engineApi';
import { SIM_EPOCH_MS, Simulation } from '../simulation';
import { forEachStoredRecord, recordText } from '../storedRecords';
import type { RunEnd, ScriptedCommand } from '../../lib/testing/runEnd';

export type { RunEnd, ScriptedCommand };

/**
 * A seeded script: each of `ids` aggregate ids per aggregate that actors command starts with
 * the aggregate's first command, then gets further commands of the aggregate at random; the
 * aggregates' commands interleave at random.
 */
export function scriptFor(t: Topology, seed: number, ids: number, length: number): ScriptedCommand[] {
  const env = runtime.seededEnv(seed, SIM_EPOCH_MS);
  const issued = new Set(t.policies.flatMap((p) => p.commands));
  const lanes = t.aggregates.flatMap((a) => {
    const commands = a.commands.map((c) => t.commands.find((x) => x.elementId === c.commandId)!).filter((c) => !issued.has(c.elementId));
    if (commands.length === 0) return [];
    const key = runtimeFields(commands[0]!.fields).find((f) => f.name === commands[0]!.keyField)!;
    return Array.from({ length: ids }, () => ({ commands, id: String(runtime.generateValue(key, env)), started: false }));
  });
  const script: ScriptedCommand[] = [];
  for (let i = 0; i < length && lanes.length > 0; i++) {
    const lane = lanes[Math.floor(env.random() * lanes.length)]!;
    const c = lane.started ? lane.commands[Math.floor(env.random() * lane.commands.length)]! : lane.commands[0]!;
    lane.started = true;
    const fields = runtimeFields(c.fields);
    const key = fields.find((f) => f.name === c.keyField);
    const payload = runtime.fillPayload(fields, [], key ? { [key.name]: runtime.keyValue(key, lane.id) } : {}, env);
    script.push({ type: c.typeName, aggregateId: lane.id, payload });
  }
  return script;
}

export async function runScriptOnSimulator(board: Board, seed: number, script: readonly ScriptedCommand[]): Promise<RunEnd> {
  const t = compileTopology(board);
  // One broker, as the real single-node Kafka the exported services run on.
  const sim = new Simulation(board, { seed, commandsPerSecond: 0, brokers: 1, replicationFactor: 1, minInsyncReplicas: 1 });
  await sim.start();
  try {
    await sim.advance(3_000); // the groups form (group.initial.rebalance.delay.ms)
    const cluster = sim.clusterForTests!;
    const producer = cluster.producer({ idempotent: true });
    await producer.connect();
    const topicOf = (type: string) => t.topics.find((x) => x.id === t.commands.find((c) => c.typeName === type)!.topicId)!.name;
    const sending = producer.sendBatch({
      acks: -1,
      topicMessages: script.map((c) => ({ topic: topicOf(c.type), messages: [{ ...runtime.commandToRecord(c), timestamp: String(SIM_EPOCH_MS + sim.now) }] })),
    });
    await sim.advance(100);
    await sending;
    // Until every group has handled and committed everything, and nothing more is written.
    let quiet = 0;
    let last = -1;
    for (let s = 0; s < 300 && quiet < 3; s++) {
      await sim.advance(1_000);
      const snap = sim.snapshot();
      const lag = snap.groups.reduce((n, g) => n + g.totalLag, 0);
      quiet = lag === 0 && snap.counters.produced === last ? quiet + 1 : 0;
      last = snap.counters.produced;
    }
    if (quiet < 3) throw new Error('the simulator did not settle within 300 simulated seconds');
    sim.pause();
    const streams: RunEnd['streams'] = {};
    const valueText = payloadText(cluster);
    for (const topic of t.topics.filter((x) => x.role === 'events')) {
      for (const p of cluster.engine.topic(topic.name).partitions) {
        await forEachStoredRecord(cluster.engine.leaderLog(p), (r) => {
          const { value, headers } = recordText(r, valueText);
          const k = `${headers['aggregate-type']}|${headers['aggregate-id']}`;
          (streams[k] ??= []).push({ version: Number(headers['aggregate-version']), type: headers['event-type']!, payload: JSON.parse(value ?? 'null') as runtime.Payload });
        });
      }
    }
    const tables: RunEnd['tables'] = {};
    for (const proj of t.projectors) {
      const rows = sim.tables.get(proj.elementId)?.table.all() ?? [];
      tables[proj.typeName] = rows.map(({ id, version, lastEvent, fields }) => ({ id, version, lastEvent, fields })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return { streams, tables };
  } finally {
    await sim.stop();
  }
}

/**
 * An event value as JSON text: the simulator writes events in Confluent's wire format with the
 * run's Avro schemas (the export writes JSON); decoded with the writer's schema, an absent
 * optional field (Avro's null) left out as the runtime leaves it out.
 */
function payloadText(cluster: Cluster): (bytes: Uint8Array) => string {
  return (bytes) => {
    if (bytes.length < WIRE_HEADER_BYTES || bytes[0] !== MAGIC_BYTE) return utf8(bytes);
    return JSON.stringify(cluster.schemaRegistry.deserialize(bytes), (k, v: unknown) => (k !== '' && v === null ? undefined : v));
  };
}
