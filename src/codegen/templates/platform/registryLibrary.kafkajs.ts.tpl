// The schema registry client of this project: @kafkajs/confluent-schema-registry, the companion
// of kafkajs. Version 3.9 (its last line that runs on Node 20; version 4 needs Node 22). Its
// register() checks the subject's level against the one given and sets it on a subject's first
// registration.
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { AVRO_OPTIONS } from './avroDecimal.js';
import type { RegistryLibrary } from './schemaCodec.js';

export function createRegistryLibrary(url: string): RegistryLibrary {
  const registry = new SchemaRegistry({ host: url }, { [SchemaType.AVRO]: AVRO_OPTIONS });
  return {
    library: '@kafkajs/confluent-schema-registry',
    async register(subject, schema, compatibility) {
      const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject, compatibility: compatibility as never });
      return id;
    },
    serialize: (_topic, _subject, id, value) => registry.encode(id, value),
    deserialize: (_topic, bytes) => registry.decode(bytes) as Promise<unknown>,
  };
}
