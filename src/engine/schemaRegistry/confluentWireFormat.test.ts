// The wire format pinned against Confluent's own client library (@confluentinc/schemaregistry,
// what an exported service would use): its AvroSerializer, over its mock registry client, writes
// the same bytes as cluster.schemaRegistry for the same schema id and value, and each side's
// deserializer reads the other's bytes — including a writer schema resolved to a newer reader
// (faxNumber → email) and decimals. No registry server runs here (docs/schema-registry.md).
import { AvroDeserializer, AvroSerializer, MockClient, SerdeType } from '@confluentinc/schemaregistry';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

const SUBJECT = 'customers-stormbench.accountService.CustomerRegistered';
const strategy = () => SUBJECT;
const V1 = {
  type: 'record',
  name: 'CustomerRegistered',
  namespace: 'stormbench.accountService',
  fields: [
    { name: 'customerId', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'faxNumber', type: ['null', 'string'], default: null },
    { name: 'registeredAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'credit', type: 'int' },
    { name: 'tier', type: { type: 'enum', name: 'CustomerRegisteredTier', symbols: ['BASIC', 'GOLD'] } },
  ],
};
const V2 = { ...V1, fields: [...V1.fields, { name: 'email', type: ['null', 'string'], default: null }] };
const VALUE = { customerId: '5d9c0a4e-1b7f-4a53-9a41-0c6f3f1f2a10', faxNumber: '+41 44 000 00 00', registeredAt: 1_733_500_000_000, credit: -42, tier: 'GOLD' };

async function both() {
  const cluster = await createCluster();
  const client = new MockClient();
  const ours = await cluster.schemaRegistry.register(SUBJECT, { schemaType: 'AVRO', schema: V1 });
  const theirs = await client.register(SUBJECT, { schemaType: 'AVRO', schema: JSON.stringify(V1) });
  return { cluster, client, ours, theirs };
}

describe("the wire format against Confluent's client library", () => {
  it('writes the same bytes as AvroSerializer for the same schema id and value', async () => {
    const { cluster, client, ours, theirs } = await both();
    expect(theirs).toBe(ours.id); // both registries hand out id 1 first
    const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true, subjectNameStrategy: strategy });
    const confluent = await serializer.serialize('customers', VALUE);
    const engine = await cluster.schemaRegistry.encode(SUBJECT, VALUE);
    expect([...engine]).toEqual([...confluent]);
    expect([...engine.subarray(0, 5)]).toEqual([0, 0, 0, 0, ours.id]);
    await cluster.close();
  });

  it("each side reads the other's bytes, and a v1 record resolves to a v2 reader on both", async () => {
    const { cluster, client } = await both();
    const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true, subjectNameStrategy: strategy });
    const deserializer = new AvroDeserializer(client, SerdeType.VALUE, { subjectNameStrategy: strategy });
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
    expect(plain(await deserializer.deserialize('customers', Buffer.from(await cluster.schemaRegistry.encode(SUBJECT, VALUE))))).toEqual(VALUE);
    expect(plain(await cluster.schemaRegistry.decode(await serializer.serialize('customers', VALUE)))).toEqual(VALUE);
    // Version 2 in both registries; a version 1 record read as version 2: email gets its default.
    const v2 = await cluster.schemaRegistry.register(SUBJECT, { schemaType: 'AVRO', schema: V2 });
    expect(await client.register(SUBJECT, { schemaType: 'AVRO', schema: JSON.stringify(V2) })).toBe(v2.id);
    const v1Bytes = await serializer.serialize('customers', VALUE);
    const reader = new AvroDeserializer(client, SerdeType.VALUE, { useLatestVersion: true, subjectNameStrategy: strategy });
    expect(plain(await reader.deserialize('customers', v1Bytes))).toEqual({ ...VALUE, email: null });
    expect(plain(await cluster.schemaRegistry.decode(v1Bytes, { readerId: v2.id }))).toEqual({ ...VALUE, email: null });
    await cluster.close();
  });
});
