// The Banking example's export on a real Kafka 4.4 broker, with each client: topics as on the
// board, commands over HTTP, events with their keys and headers, the overdraft policy's
// commands, the Balance read model over HTTP and the topology's consumer groups.
// Both runs go through a schema registry: Confluent's REST API served by the engine's own
// registry (no Confluent or Apicurio registry runs here; docs/schema-registry.md says why). The
// services register their events at start-up and write them in the wire format through their
// client's registry library; every event they wrote is read back with Confluent's own
// AvroDeserializer, and must agree with the engine registry's decoding. Before that, the same
// installed project must refuse to start, saying why, against an unreachable registry and
// against one that holds a version its schema is incompatible with. A withdrawal beyond the
// balance is decided by Banking's rules as the event "Withdrawal rejected" (INSUFFICIENT_FUNDS):
// its status over HTTP is accepted, with that event and its reason (a command no guard admits,
// status rejected, is checked by exportFailover.kafka.test.ts).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AvroDeserializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../engine';
import { AvroDecimal } from '../engine/schemaRegistry/avroDecimal';
import { startRegistryServer, type RegistryServer } from '../engine/schemaRegistry/testing/registryServer';
import { kafkaSingle } from '../lib/testing/realKafka';
import { parseBoard, type EventElement } from '../model';
import { compileTopology, runtime, runtimeFields, type Topology } from '../topology';
import type { KafkaClientChoice } from './clients';
import { CONFLUENT_TEST_TIMEOUT_MS, KAFKAJS_TEST_TIMEOUT_MS, startServices, type InstalledExport } from './testing/exportOnKafka';
import { eventSubjects } from './schemas/eventSchemas';
import type { RunningServices } from './testing/exportOnKafka';
import { exerciseOnKafka, sendAndAwait, type RegistryRun } from './testing/kafkaScenario';

const banking = () => parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/banking.json'), 'utf8')));
/** The export's subjects (as src/platform/eventSchemas.ts lists them). */
const subjects = () => {
  const board = banking();
  return eventSubjects(compileTopology(board), new Map(board.elements.filter((x): x is EventElement => x.kind === 'event').map((x) => [x.id as string, x])));
};

let cluster: Cluster;
let server: RegistryServer;

beforeAll(async () => {
  cluster = await createCluster();
  server = await startRegistryServer(cluster.schemaRegistry);
});

afterAll(async () => {
  await server?.close();
  await cluster?.close();
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const refusal = (project: InstalledExport, env: Record<string, string>) =>
  startServices(project, 'localhost:1', { env, timeoutMs: 60_000 }).then(
    async (s) => {
      await s.stop();
      return 'started';
    },
    (e: unknown) => String(e),
  );

/** The first event's subject holds a version without its last required field: the export's schema cannot read those records (BACKWARD). */
async function refusedAsIncompatible(project: InstalledExport): Promise<void> {
  const first = subjects()[0]!;
  const current = first.current as { fields: { name: string; type: unknown }[] };
  const required = current.fields.filter((f) => !Array.isArray(f.type));
  const dropped = required.at(-1)!.name;
  const other = await createCluster();
  const otherServer = await startRegistryServer(other.schemaRegistry);
  try {
    await other.schemaRegistry.register(first.subject, { schemaType: 'AVRO', schema: { ...current, fields: current.fields.filter((f) => f.name !== dropped) } });
    const out = await refusal(project, { SCHEMA_REGISTRY_URL: otherServer.url });
    expect(out).toContain(`could not start: The schema registry at ${otherServer.url} refused`);
    expect(out).toContain(`for subject "${first.subject}" as incompatible`);
    expect(out).toMatch(new RegExp(`READER_FIELD_MISSING_DEFAULT_VALUE.*'${dropped}'`));
    expect(await other.schemaRegistry.versions(first.subject)).toEqual([1]);
  } finally {
    await otherServer.close();
    await other.close();
  }
}

function registryRun(client: KafkaClientChoice): RegistryRun {
  const confluent = new SchemaRegistryClient({ baseURLs: [server.url] });
  const deserializer = new AvroDeserializer(confluent, SerdeType.VALUE, { logicalTypes: { decimal: AvroDecimal as never } }); // the engine's decimal type, typed against avsc's browser entry
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x === null ? undefined : x))) as Record<string, unknown>;
  return {
    url: server.url,
    decode: async (topic, bytes) => JSON.stringify(plain(await deserializer.deserialize(topic, bytes))),
    async beforeStart(project) {
      const unreachable = `http://127.0.0.1:${await closedPort()}`;
      const out = await refusal(project, { SCHEMA_REGISTRY_URL: unreachable });
      expect(out).toContain(`could not start: The schema registry at ${unreachable} (SCHEMA_REGISTRY_URL) does not answer (ECONNREFUSED)`);
      await refusedAsIncompatible(project);
    },
    async checkEvents(events) {
      expect(events.length).toBeGreaterThan(0);
      const subjectOf = new Map(subjects().map((s) => [`${s.topic}|${s.eventType}`, s.subject]));
      for (const e of events) {
        // Magic byte 0, then the id the registry gave the event's subject.
        expect(e.bytes[0], `${client}: ${e.headers['event-type']} at ${e.topic}/${e.partition}/${e.offset}`).toBe(0);
        const subject = subjectOf.get(`${e.topic}|${e.headers['event-type']}`);
        expect(subject, `${e.headers['event-type']} has a subject`).toBeDefined();
        expect(e.bytes.readInt32BE(1)).toBe((await cluster.schemaRegistry.getLatest(subject!)).id);
        // Confluent's decoder (e.value) and the engine registry read the same value.
        expect(JSON.parse(e.value)).toEqual(plain(await cluster.schemaRegistry.decode(e.bytes)));
      }
    },
  };
}

/** A new account, then a withdrawal beyond its balance: the rules decide "Withdrawal rejected", and the status over HTTP says so. */
async function withdrawalBeyondBalance(services: RunningServices, t: Topology): Promise<void> {
  const open = t.commands.find((c) => c.typeName === 'OpenAccount')!;
  const env = runtime.seededEnv(99, 1_700_000_000_000);
  const accountId = String(runtime.generateValue(runtimeFields(open.fields).find((f) => f.name === open.keyField)!, env));
  // No overdraft: the guard is amount > balance + overdraftLimit.
  const noOverdraft = open.fields.some((f) => f.name === 'overdraftLimit') ? { overdraftLimit: '0.00' } : {};
  const opened = await sendAndAwait(services.url, '/commands/open-account', runtime.fillPayload(runtimeFields(open.fields), [], { accountId, ...noOverdraft }, env));
  expect(opened.events?.map((e) => e.type)).toEqual(['AccountOpened']);
  const withdrawn = await sendAndAwait(services.url, '/commands/withdraw-money', { accountId, amount: '1000000.00' });
  expect(withdrawn).toMatchObject({ status: 'accepted', command: 'WithdrawMoney', aggregateId: accountId });
  expect(withdrawn.events).toEqual([{ type: 'WithdrawalRejected', version: 2, payload: expect.objectContaining({ accountId, amount: '1000000.00', reason: 'INSUFFICIENT_FUNDS' }) }]);
}

describe('the Banking export on Kafka, through a schema registry', () => {
  it('runs with kafkajs and @kafkajs/confluent-schema-registry', async () => {
    await exerciseOnKafka(banking(), 'kafkajs', kafkaSingle(), 1, registryRun('kafkajs'), withdrawalBeyondBalance);
  }, KAFKAJS_TEST_TIMEOUT_MS);

  it("runs with Confluent's client and @confluentinc/schemaregistry", async () => {
    await exerciseOnKafka(banking(), 'confluent', kafkaSingle(), 2, registryRun('confluent'), withdrawalBeyondBalance);
  }, CONFLUENT_TEST_TIMEOUT_MS);
});
