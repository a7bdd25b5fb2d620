// Events as contracts in a run: the board's events are registered in the cluster's registry,
// written in Confluent's wire format (bytes any Avro reader with the exported .avsc decodes),
// read back by the handlers, and a payload that does not match its schema is refused without
// writing anything.
import avro from 'avsc/etc/browser/avsc-types.js';
import { describe, expect, it } from 'vitest';
import type { PayloadField } from '../model';
import { compileTopology, eventAvroSchema, runtime } from '../topology';
import { AggregateEventStore } from './aggregateEventStore';
import { SchemaMismatchError } from '../engine';
import { createCluster } from './engineApi';
import { EventSchemas } from './eventSchemas';
import { Simulation } from './simulation';
import { exampleBoard } from './testing/exampleBoards';

describe('event schemas in a run', () => {
  it('registers each event by topic and record name and writes its records in the wire format', async () => {
    const board = exampleBoard('banking');
    const topology = compileTopology(board);
    const sim = new Simulation(board, { seed: 7 });
    await sim.start();
    for (let t = 0; t < 8_000; t += 1_000) await sim.advance(1_000);
    const cluster = sim.clusterForTests!;
    const registry = cluster.schemaRegistry;
    const subjects = await registry.subjects();
    const withTopic = topology.events.filter((e) => e.topicId !== null);
    expect(subjects.length).toBe(withTopic.length);
    const deposited = topology.events.find((e) => e.typeName === 'MoneyDeposited')!;
    const topic = topology.topics.find((t) => t.id === deposited.topicId)!.name;
    const subject = `${topic}-stormbench.${topology.services.find((s) => s.id === deposited.serviceId)!.valueName}.MoneyDeposited`;
    expect(subjects).toContain(subject);
    const { id } = await registry.getLatest(subject);
    // Every record of the topic: magic byte 0, a registered id; the MoneyDeposited ones decode
    // with avsc and the export's .avsc into a payload the runtime accepts.
    const type = avro.Type.forSchema(eventAvroSchema(topology, deposited));
    let checked = 0;
    for (const p of cluster.engine.topic(topic).partitions) {
      for (const r of await cluster.engine.log(topic, p.partition).read(0, { maxRecords: 1000 })) {
        const v = r.value!;
        expect(v[0]).toBe(0);
        // Labelled as the exported services label it.
        expect(r.headers.find(([k]) => k === 'content-type')?.[1]?.toString()).toBe('avro/binary');
        const writer = new DataView(v.buffer, v.byteOffset).getInt32(1);
        expect((await registry.getSchema(writer)).schemaType).toBe('AVRO');
        if (writer !== id) continue;
        const payload = JSON.parse(JSON.stringify(type.fromBuffer(Buffer.from(v.subarray(5))))) as runtime.Payload;
        expect(payload.accountId).toEqual(expect.any(String));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    // The handlers read them back: read models fill, nothing fails.
    const s = sim.snapshot();
    expect(s.counters.handlerErrors).toBe(0);
    expect(s.readModels[0]!.rowCount).toBeGreaterThan(5);
    sim.stop();
  });

  it('refuses an event whose payload does not match its schema, and writes nothing', async () => {
    const board = exampleBoard('banking');
    const topology = compileTopology(board);
    const cluster = await createCluster({ clock: 'virtual', cleanerIntervalMs: 0 });
    const deposited = topology.events.find((e) => e.typeName === 'MoneyDeposited')!;
    const topic = topology.topics.find((t) => t.id === deposited.topicId)!;
    await cluster.engine.createTopic(topic.name, topic.partitions, [], 1);
    const schemas = await EventSchemas.register(cluster, topology, board);
    const store = new AggregateEventStore(cluster, topic.name, 'Account', topic.keyPrefixedByType, () => 1, { wrote: () => undefined, waiting: () => undefined, retried: () => undefined });
    store.encodeValue = (e) => schemas.encode(e);
    store.valueText = schemas.valueText;
    const event = (payload: runtime.Payload): runtime.EventEnvelope => ({ type: 'MoneyDeposited', aggregateType: 'Account', aggregateId: 'a-1', version: 1, schemaVersion: 1, timestamp: 1, payload });
    const good = { accountId: '5d9c0a4e-1b7f-4a53-9a41-0c6f3f1f2a10', amount: '12.50', balance: '12.50', depositedAt: 5 };
    const produced = cluster.replication.core.ledger.produced;
    const err = await store.append('a-1', [event({ ...good, amount: 'twelve' })], 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaMismatchError);
    expect((err as Error).message).toMatch(/field 'amount' is "twelve"/);
    expect(cluster.replication.core.ledger.produced).toBe(produced);
    expect(await store.read('a-1', 0)).toEqual([]);
    expect(await store.append('a-1', [event(good)], 0)).toBe(1);
    expect((await store.read('a-1', 0)).map((e) => e.payload)).toEqual([good]);
    await cluster.close();
  });

  describe('old and new producers side by side (faxNumber → email)', () => {
    const evolved = (oldExtra: PayloadField, newExtra: PayloadField | null) => {
      const board = exampleBoard('banking');
      const el = board.elements.find((e) => e.kind === 'event' && e.text === 'Money deposited')!;
      if (el.kind !== 'event') throw new Error('not an event');
      el.schemaVersions = [{ fields: [...el.fields, oldExtra] }];
      if (newExtra) el.fields = [...el.fields, newExtra];
      return board;
    };
    const run = async (board: ReturnType<typeof exampleBoard>) => {
      const sim = new Simulation(board, { seed: 7, oldProducers: true });
      await sim.start();
      for (let t = 0; t < 8_000; t += 1_000) await sim.advance(1_000);
      const c = sim.snapshot().counters;
      sim.stop();
      return c;
    };

    it('both optional: old producers write version 1, and old and new consumers read every event', async () => {
      const c = await run(evolved({ name: 'faxNumber', type: 'string', optional: true, doc: '' }, { name: 'email', type: 'string', optional: true, doc: '' }));
      expect(c.oldProducerEvents).toBeGreaterThan(10);
      expect(c.oldConsumerReads).toBeGreaterThan(20);
      expect(c.oldConsumerFailures).toBe(0);
      expect(c.handlerErrors).toBe(0);
    });

    it('a required field the new version dropped: new consumers still read, old consumers cannot', async () => {
      const c = await run(evolved({ name: 'branch', type: 'string', optional: false, doc: '' }, null));
      expect(c.oldProducerEvents).toBeGreaterThan(10);
      expect(c.oldConsumerFailures).toBeGreaterThan(10);
      expect(c.handlerErrors).toBe(0);
    });

    it('versions registered on the board go in as they were; the current fields are checked under the event level', async () => {
      // Version 2 broke BACKWARD (registered under NONE back then); the level is BACKWARD now.
      const board = evolved({ name: 'branch', type: 'string', optional: true, doc: '' }, null);
      const el = board.elements.find((e) => e.kind === 'event' && e.text === 'Money deposited')!;
      if (el.kind !== 'event') throw new Error('not an event');
      el.schemaVersions = [{ fields: el.schemaVersions![0]!.fields }, { fields: [...el.fields, { name: 'channel', type: 'string', optional: false, doc: '' }] }];
      el.fields = el.schemaVersions[1]!.fields.map((f) => ({ ...f }));
      el.compatibility = 'BACKWARD';
      const sim = new Simulation(board, { seed: 7 });
      await sim.start();
      await sim.advance(1_000);
      sim.stop();
      // A draft that breaks the level is refused when the run starts, saying what to do.
      el.fields = [...el.fields, { name: 'iban', type: 'string', optional: false, doc: '' }];
      await expect(new Simulation(board, { seed: 7 }).start()).rejects.toThrow(/incompatible.*READER_FIELD_MISSING_DEFAULT_VALUE.*'iban'.*change the subject's compatibility level/s);
    });

    it('without the option every event is written with the current version', async () => {
      const board = evolved({ name: 'faxNumber', type: 'string', optional: true, doc: '' }, { name: 'email', type: 'string', optional: true, doc: '' });
      const sim = new Simulation(board, { seed: 7 });
      await sim.start();
      for (let t = 0; t < 4_000; t += 1_000) await sim.advance(1_000);
      expect(sim.snapshot().counters.oldProducerEvents).toBe(0);
      sim.stop();
    });
  });
});
