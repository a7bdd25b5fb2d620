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
}

export const KAFKA_CLIENTS: Readonly<Record<KafkaClientChoice, KafkaClientInfo>> = {
  confluent: {
    id: 'confluent',
    label: "Confluent's client (librdkafka)",
    packageName: '@confluentinc/kafka-javascript',
    version: '1.10.1',
    installScript: true,
  },
  kafkajs: {
    id: 'kafkajs',
    label: 'kafkajs',
    packageName: 'kafkajs',
    version: '2.2.4',
    installScript: false,
  },
};

export const DEFAULT_KAFKA_CLIENT: KafkaClientChoice = 'confluent';
