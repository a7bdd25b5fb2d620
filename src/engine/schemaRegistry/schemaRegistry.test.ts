// cluster.schemaRegistry as Confluent's registry behaves: ids global and shared by identical
// schemas, versions per subject, levels per subject over a global default, refusals that name
// the rule, field and version and register nothing; the wire format (magic byte 0, 4-byte
// big-endian id) around payloads byte-identical to avsc's own encoding; state kept in the
// compacted __schemas topic and read back after a reopen.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import avro from 'avsc/etc/browser/avsc-types.js';
import { describe, expect, it } from 'vitest';
import { createCluster, IncompatibleSchemaError, InvalidCompatibilityLevelError, InvalidSchemaError, SchemaMismatchError, SchemaNotFoundError, WireFormatError, subjectName } from '../index';

const customer = (fields: unknown[]) => ({ type: 'record', name: 'CustomerRegistered', namespace: 'bank', fields });
const id = { name: 'customerId', type: 'string' };
const fax = { name: 'faxNumber', type: ['null', 'string'], default: null };
const email = { name: 'email', type: ['null', 'string'], default: null };
const V1 = customer([id, fax]);
const V2 = customer([id, fax, email]);

describe('schema registry', () => {
  it('hands out global ids and per-subject versions; an identical schema gets its existing id and version', async () => {
    const c = await createCluster();
    const r = c.schemaRegistry;
    expect(await r.register('customers-value', { schemaType: 'AVRO', schema: JSON.stringify(V1) })).toEqual({ id: 1, version: 1 });
    expect(await r.register('customers-value', { schemaType: 'AVRO', schema: V1 })).toEqual({ id: 1, version: 1 });
    expect(await r.register('customers-value', { schemaType: 'AVRO', schema: V2 })).toEqual({ id: 2, version: 2 });
    // The same schema under another subject keeps its id and starts that subject's versions.
    expect(await r.register('archive-value', { schemaType: 'AVRO', schema: V2 })).toEqual({ id: 2, version: 1 });
    expect(await r.subjects()).toEqual(['archive-value', 'customers-value']);
    expect(await r.versions('customers-value')).toEqual([1, 2]);
    expect(await r.getLatest('customers-value')).toMatchObject({ subject: 'customers-value', version: 2, id: 2, schemaType: 'AVRO', schema: JSON.stringify(V2) });
    expect(await r.getSchema(1)).toEqual({ schemaType: 'AVRO', schema: JSON.stringify(V1) });
    await expect(r.getLatest('nope')).rejects.toBeInstanceOf(SchemaNotFoundError);
    await expect(r.getSchema(99)).rejects.toThrow(/Schema id 99 not found/);
    await expect(r.getVersion('customers-value', 3)).rejects.toMatchObject({ code: 'VERSION_NOT_FOUND' });
    await c.close();
  });

  it('refuses an incompatible schema with the rule, field and version, and registers nothing', async () => {
    const c = await createCluster();
    const r = c.schemaRegistry;
    await r.register('customers-value', { schema: V1 });
    const breaking = customer([id, fax, { name: 'email', type: 'string' }]);
    const err = await r.register('customers-value', { schema: breaking }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncompatibleSchemaError);
    expect((err as IncompatibleSchemaError).messages).toEqual([
      "BACKWARD against version 1: READER_FIELD_MISSING_DEFAULT_VALUE at /fields/2 (field 'email'): the new schema reads field 'email', which version 1 does not write, and has no default for it.",
    ]);
    expect(await r.versions('customers-value')).toEqual([1]);
    // The same change is allowed once the subject's level says so; other subjects keep the default.
    await r.setCompatibility('customers-value', 'FORWARD');
    expect(await r.getCompatibility('customers-value')).toBe('FORWARD');
    expect(await r.getCompatibility('orders-value')).toBe('BACKWARD');
    expect(await r.register('customers-value', { schema: breaking })).toEqual({ id: 2, version: 2 });
    await r.setCompatibility(null, 'NONE');
    expect(await r.getCompatibility()).toBe('NONE');
    expect(await r.getCompatibility('orders-value')).toBe('NONE');
    await expect(r.setCompatibility('x', 'SIDEWAYS' as never)).rejects.toBeInstanceOf(InvalidCompatibilityLevelError);
    await expect(r.register('bad', { schema: '{"type":"record"' })).rejects.toBeInstanceOf(InvalidSchemaError);
    await expect(r.register('bad', { schema: { type: 'record', name: 'X', fields: [{ name: 'a', type: 'nope' }] } })).rejects.toBeInstanceOf(InvalidSchemaError);
    await c.close();
  });

  it('testCompatibility gives the verdict the level would give, without registering', async () => {
    const c = await createCluster();
    const r = c.schemaRegistry;
    await r.register('customers-value', { schema: V1 });
    expect(await r.testCompatibility('customers-value', { schema: V2 })).toMatchObject({ compatible: true, level: 'BACKWARD', messages: [] });
    const removed = await r.testCompatibility('customers-value', { schema: customer([fax]) }, 'FULL');
    expect(removed.compatible).toBe(false);
    expect(removed.issues.map((i) => [i.direction, i.rule, i.field])).toEqual([['forward', 'READER_FIELD_MISSING_DEFAULT_VALUE', 'customerId']]);
    expect(await r.versions('customers-value')).toEqual([1]);
    await c.close();
  });

  it('encodes in the wire format around avsc’s own bytes and decodes the writer schema into a reader schema', async () => {
    const c = await createCluster();
    const r = c.schemaRegistry;
    const subject = subjectName('TopicRecordNameStrategy', 'customers', 'bank.CustomerRegistered');
    expect(subject).toBe('customers-bank.CustomerRegistered');
    const { id: v1 } = await r.register(subject, { schema: V1 });
    const value = { customerId: 'c-1', faxNumber: '+41 44 000' };
    const bytes = await r.encode(subject, value);
    expect([...bytes.subarray(0, 5)]).toEqual([0, 0, 0, 0, v1]);
    expect([...bytes.subarray(5)]).toEqual([...avro.Type.forSchema(V1).toBuffer(value)]);
    expect(await r.decode(bytes)).toEqual(value);
    // The faxNumber → email evolution: an old producer's record read by a new consumer, and back.
    const { id: v2 } = await r.register(subject, { schema: V2 });
    expect(JSON.parse(JSON.stringify(await r.decode(bytes, { readerId: v2 })))).toEqual({ ...value, email: null });
    const fresh = r.serialize(v2, { customerId: 'c-2', faxNumber: null, email: 'a@b.c' });
    expect(JSON.parse(JSON.stringify(r.deserialize(fresh, v1)))).toEqual({ customerId: 'c-2', faxNumber: null });
    await expect(r.decode(Uint8Array.of(1, 0, 0, 0, 1, 0))).rejects.toBeInstanceOf(WireFormatError);
    await expect(r.decode(Uint8Array.of(0, 0, 0, 0, 42, 0))).rejects.toMatchObject({ code: 'SCHEMA_NOT_FOUND' });
    await c.close();
  });

  it('gives each value bytes of its own in the wire format, whatever their size, however many are encoded after it', async () => {
    const c = await createCluster();
    const r = c.schemaRegistry;
    const { id: v1 } = await r.register('customers-value', { schema: V1 });
    const avsc = avro.Type.forSchema(V1);
    // Small values share slabs, a 3 KB one gets its own buffer, a 20 KB one grows the scratch buffer.
    const values = [1, 40, 3_000, 20_000, 2, 500].map((n, i) => ({ customerId: `c-${i}-${'x'.repeat(n)}`, faxNumber: i % 2 ? null : `+41 ${i}` }));
    const encoded = values.map((v) => r.serialize(v1, v));
    for (let round = 0; round < 200; round++) r.serialize(v1, { customerId: `later-${round}`, faxNumber: 'overwrites nothing' });
    encoded.forEach((bytes, i) => {
      expect([...bytes.subarray(0, 5)]).toEqual([0, 0, 0, 0, v1]);
      expect([...bytes.subarray(5)]).toEqual([...avsc.toBuffer(values[i])]);
      expect(r.deserialize(bytes)).toEqual(values[i]);
    });
    expect(() => r.serialize(v1, { customerId: 7 })).toThrow(SchemaMismatchError);
    await c.close();
  });

  it('refuses a value that does not match its schema, naming the field', async () => {
    const c = await createCluster();
    const r = c.schemaRegistry;
    await r.register('customers-value', { schema: V1 });
    const err = await r.encode('customers-value', { customerId: 7 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SchemaMismatchError);
    expect((err as Error).message).toMatch(/field 'customerId' is 7, expected string/);
    await r.register('orders-value', { schemaType: 'JSON', schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false } });
    await expect(r.encode('orders-value', { id: 'o', extra: 1 })).rejects.toThrow(/must NOT have additional properties \('extra'\)/);
    const ok = await r.encode('orders-value', { id: 'o' });
    expect(ok[0]).toBe(0);
    expect(new TextDecoder().decode(ok.subarray(5))).toBe('{"id":"o"}');
    expect(await r.decode(ok)).toEqual({ id: 'o' });
    await c.close();
  });

  it('writes decimals as Java does: the unscaled value in big-endian two’s complement', async () => {
    const c = await createCluster();
    const r = c.schemaRegistry;
    const schema = { type: 'record', name: 'Money', fields: [{ name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } }] };
    await r.register('money-value', { schema });
    const bytes = await r.encode('money-value', { amount: '-12.50' });
    // -1250 = 0xFB1E; avro bytes: zig-zag length 2 (0x04), then the two bytes.
    expect([...bytes.subarray(5)]).toEqual([0x04, 0xfb, 0x1e]);
    expect(await r.decode(bytes)).toEqual({ amount: '-12.50' });
    expect((await r.decode(await r.encode('money-value', { amount: '128' }))) as unknown).toEqual({ amount: '128.00' });
    await expect(r.encode('money-value', { amount: '1.234' })).rejects.toBeInstanceOf(SchemaMismatchError);
    await c.close();
  });

  it('keeps its state in the compacted __schemas topic and reads it back after a reopen', async () => {
    const storage = { indexedDB: new IDBFactory(), IDBKeyRange, name: 'registry' };
    const c1 = await createCluster({ storage, cleanerIntervalMs: 0 });
    await c1.schemaRegistry.register('customers-value', { schema: V1 });
    await c1.schemaRegistry.register('customers-value', { schema: V2 });
    await c1.schemaRegistry.setCompatibility('customers-value', 'FULL');
    const configs = await c1.admin().describeConfigs({ resources: [{ type: 2, name: '__schemas' }] });
    expect(configs.resources[0]!.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue).toBe('compact');
    await c1.close();
    const c2 = await createCluster({ storage, cleanerIntervalMs: 0 });
    const r = c2.schemaRegistry;
    expect(await r.versions('customers-value')).toEqual([1, 2]);
    expect(await r.getCompatibility('customers-value')).toBe('FULL');
    expect((await r.getLatest('customers-value')).id).toBe(2);
    expect(await r.register('orders-value', { schema: { type: 'record', name: 'O', fields: [] } })).toEqual({ id: 3, version: 1 });
    await c2.close();
  });
});
