// The Kafka client libraries an export can use, chosen at export time. Both sit behind the
// export's Transport interface; only src/platform/kafkaLibrary.ts and package.json differ.
export type KafkaClientChoice = 'confluent' | 'kafkajs';

export interface KafkaClientInfo {
  readonly id: KafkaClientChoice;
  /** What the export dialog shows. */
  readonly label: string;
  /** npm package and exact version the export depends on. */
  readonly packageName: string;
  readonly version: string;
  /** Whether the package builds a native addon when installed (npm 11 asks to allow it). */
  readonly installScript: boolean;
  /** The schema registry client that goes with it (registryLibrary.ts), npm package and exact version. */
  readonly registry: { readonly packageName: string; readonly version: string };
}

/** avsc, which both registry clients build their Avro types with; the export's decimal type extends it. */
export const AVSC_VERSION = '5.7.9';

export const KAFKA_CLIENTS: Readonly<Record<KafkaClientChoice, KafkaClientInfo>> = {
  confluent: {
    id: 'confluent',
    label: "Confluent's client (librdkafka)",
    packageName: '@confluentinc/kafka-javascript',
    version: '1.10.1',
    installScript: true,
    registry: { packageName: '@confluentinc/schemaregistry', version: '1.10.1' },
  },
  kafkajs: {
    id: 'kafkajs',
    label: 'kafkajs',
    packageName: 'kafkajs',
    version: '2.2.4',
    installScript: false,
    // Version 4 needs Node 22; the export runs on Node 20.19 and later.
    registry: { packageName: '@kafkajs/confluent-schema-registry', version: '3.9.0' },
  },
};

export const DEFAULT_KAFKA_CLIENT: KafkaClientChoice = 'confluent';
