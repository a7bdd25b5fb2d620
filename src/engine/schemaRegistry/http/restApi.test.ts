// The REST face of the engine's registry, spoken to by Confluent's own client library over
// HTTP (@confluentinc/schemaregistry's SchemaRegistryClient, serializer and deserializer): what
// an exported service does at start-up — set a subject's level, register, serialise — answered
// by cluster.schemaRegistry, with Confluent's status and error codes.
import { AvroDeserializer, AvroSerializer, Compatibility, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { afterEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../index';
import { startRegistryServer, type RegistryServer } from '../testing/registryServer';
import { handleRegistryRequest } from './restApi';

const SUBJECT = 'customers-stormbench.accountService.CustomerRegistered';
const V1 = { type: 'record', name: 'CustomerRegistered', namespace: 'stormbench.accountService', fields: [{ name: 'customerId', type: 'string' }, { name: 'faxNumber', type: ['null', 'string'], default: null }] };
const V2 = { ...V1, fields: [...V1.fields, { name: 'email', type: ['null', 'string'], default: null }] };
const BREAKING = { ...V1, fields: [...V1.fields, { name: 'email', type: 'string' }] };
const VALUE = { customerId: 'c-1', faxNumber: '+41 44 000 00 00' };

let cluster: Cluster | null = null;
let server: RegistryServer | null = null;

async function start() {
  cluster = await createCluster();
  server = await startRegistryServer(cluster.schemaRegistry);
  return { registry: cluster.schemaRegistry, client: new SchemaRegistryClient({ baseURLs: [server.url], maxRetries: 0 }), server };
}

afterEach(async () => {
  await server?.close();
  await cluster?.close();
  server = cluster = null;
});

describe("the registry's REST face, through Confluent's client library", () => {
  it('sets a level and registers through HTTP; the engine registry holds both', async () => {
    const { registry, client } = await start();
    expect(await client.updateCompatibility(SUBJECT, Compatibility.FULL)).toBe('FULL');
    const id = await client.register(SUBJECT, { schemaType: 'AVRO', schema: JSON.stringify(V1) });
    expect(await client.register(SUBJECT, { schemaType: 'AVRO', schema: JSON.stringify(V1) })).toBe(id); // identical: same id
    expect(await registry.getCompatibility(SUBJECT)).toBe('FULL');
    expect(await registry.getLatest(SUBJECT)).toMatchObject({ id, version: 1 });
    const v2 = await client.register(SUBJECT, { schemaType: 'AVRO', schema: JSON.stringify(V2) });
    expect(await client.getAllVersions(SUBJECT)).toEqual([1, 2]);
    expect(await client.getLatestSchemaMetadata(SUBJECT)).toMatchObject({ id: v2, version: 2, subject: SUBJECT });
    expect(JSON.parse((await client.getBySubjectAndId(SUBJECT, id)).schema)).toEqual(V1);
    expect(await client.getCompatibility(SUBJECT)).toBe('FULL');
  });

  it("refuses an incompatible schema with 409 and the engine's reason; nothing is registered", async () => {
    const { registry, client } = await start();
    await client.register(SUBJECT, { schemaType: 'AVRO', schema: JSON.stringify(V1) });
    expect(await client.testCompatibility(SUBJECT, 1, { schemaType: 'AVRO', schema: JSON.stringify(BREAKING) })).toBe(false);
    const refused = await client.register(SUBJECT, { schemaType: 'AVRO', schema: JSON.stringify(BREAKING) }).then(
      () => null,
      (e: unknown) => e as { status: number; errorCode: number; message: string },
    );
    expect(refused).toMatchObject({ status: 409, errorCode: 409 });
    expect(refused!.message).toMatch(/READER_FIELD_MISSING_DEFAULT_VALUE.*'email'/);
    expect(await registry.versions(SUBJECT)).toEqual([1]);
  });

  it("Confluent's serializer writes the engine's bytes, and each side reads the other's", async () => {
    const { registry, client } = await start();
    const id = await client.register(SUBJECT, { schemaType: 'AVRO', schema: JSON.stringify(V1) });
    const strategy = () => SUBJECT;
    const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false, subjectNameStrategy: strategy });
    const bytes = await serializer.serialize('customers', VALUE);
    expect([...bytes]).toEqual([...(await registry.encode(SUBJECT, VALUE))]);
    expect([...bytes.subarray(0, 5)]).toEqual([0, 0, 0, 0, id]);
    const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
    expect(await deserializer.deserialize('customers', Buffer.from(await registry.encode(SUBJECT, VALUE)))).toEqual(VALUE);
  });

  it("answers with Confluent's error codes: unknown subject 40401, unknown id 40403, no subject level 40408, bad level 42203", async () => {
    const { registry } = await start();
    const call = (method: string, url: string, body?: unknown) => handleRegistryRequest(registry, { method, url, body });
    expect(await call('GET', '/subjects/nope/versions')).toMatchObject({ status: 404, body: { error_code: 40401 } });
    expect(await call('GET', '/schemas/ids/99')).toMatchObject({ status: 404, body: { error_code: 40403 } });
    expect(await call('GET', '/config/nope')).toMatchObject({ status: 404, body: { error_code: 40408 } });
    expect(await call('GET', '/config/nope?defaultToGlobal=true')).toEqual({ status: 200, body: { compatibilityLevel: 'BACKWARD' } });
    expect(await call('PUT', '/config/nope', { compatibility: 'SIDEWAYS' })).toMatchObject({ status: 422, body: { error_code: 42203 } });
    expect(await call('POST', '/subjects/x/versions', { schema: '{"type":"record"' })).toMatchObject({ status: 422, body: { error_code: 42201 } });
    expect(await call('DELETE', '/subjects/x')).toMatchObject({ status: 404 });
    await call('POST', '/subjects/x/versions', { schema: JSON.stringify(V1) });
    expect(await call('POST', '/subjects/x', { schema: JSON.stringify(V1) })).toMatchObject({ status: 200, body: { subject: 'x', version: 1, id: 1 } });
    expect(await call('POST', '/subjects/x', { schema: JSON.stringify(V2) })).toMatchObject({ status: 404, body: { error_code: 40403 } });
    expect(await call('POST', '/compatibility/subjects/x/versions/latest?verbose=true', { schema: JSON.stringify(BREAKING) })).toMatchObject({ status: 200, body: { is_compatible: false } });
  });
});
