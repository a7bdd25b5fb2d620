// The schema registry client of this project: Confluent's @confluentinc/schemaregistry, the
// companion of its Kafka client. Subjects are given explicitly (TopicRecordNameStrategy is
// decided at export time), schemas are registered at start-up and never auto-registered.
import { AvroDeserializer, AvroSerializer, Compatibility, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { AVRO_OPTIONS } from './avroDecimal.js';
import type { RegistryLibrary } from './schemaCodec.js';

export function createRegistryLibrary(url: string): RegistryLibrary {
  const client = new SchemaRegistryClient({ baseURLs: [url] });
  const serializers = new Map<number, AvroSerializer>();
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, { ...AVRO_OPTIONS });
  return {
    library: '@confluentinc/schemaregistry',
    async register(subject, schema, compatibility) {
      await client.updateCompatibility(subject, compatibility as Compatibility);
      return client.register(subject, { schemaType: 'AVRO', schema });
    },
    serialize(topic, subject, id, value) {
      let serializer = serializers.get(id);
      if (!serializer) {
        serializer = new AvroSerializer(client, SerdeType.VALUE, { ...AVRO_OPTIONS, autoRegisterSchemas: false, useSchemaId: id, subjectNameStrategy: () => subject });
        serializers.set(id, serializer);
      }
      return serializer.serialize(topic, value);
    },
    deserialize: (topic, bytes) => deserializer.deserialize(topic, bytes) as Promise<unknown>,
  };
}
