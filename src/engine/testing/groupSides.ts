// The two sides of the consumer-group differential tests behind one shape: a real Kafka
// reached through kafkajs, and the engine through its public API. Both are kafkajs-shaped;
// what they do not share is how a test learns that a consumer has joined its group and that
// it has resolved where it reads from (kafkajs reports a fetch; the engine lists positions),
// which a test must know before it writes the records that a "latest" consumer should see.
import type { Admin as KafkaAdmin, Consumer as KafkaConsumer, Kafka } from 'kafkajs';
import type { Cluster } from '../index';
import { waitFor } from './kafkaDiff';

interface BatchLike {
  topic: string;
  partition: number;
  messages: { offset: string }[];
}

export interface SideConsumer {
  connect(): Promise<void>;
  subscribe(s: { topics: string[]; fromBeginning?: boolean }): Promise<void>;
  run(r: { autoCommit?: boolean; eachBatch: (p: { batch: BatchLike }) => Promise<void> }): Promise<void>;
  commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void>;
  disconnect(): Promise<void>;
  /** Resolves once the consumer is a member of its group with an assignment. */
  joined(): Promise<void>;
  /** Resolves once the consumer knows its position on each of the topic's partitions. */
  positioned(topic: string, partitions: number): Promise<void>;
}

interface SideProducer {
  connect(): Promise<void>;
  sendBatch(b: { topicMessages: { topic: string; messages: { value: string; partition: number }[] }[] }): Promise<unknown>;
  disconnect(): Promise<void>;
}

export interface Side {
  readonly name: 'Kafka' | 'engine';
  readonly admin: { fetchOffsets(o: { groupId: string; topics: string[] }): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]> };
  createTopic(topic: string, partitions: number): Promise<void>;
  producer(): SideProducer;
  consumer(o: { groupId: string }): SideConsumer;
}

export function kafkaSide(
  kafka: Kafka,
  admin: KafkaAdmin,
  createTopic: (admin: KafkaAdmin, topic: string, partitions: number) => Promise<void>,
  producer: (kafka: Kafka) => ReturnType<Kafka['producer']>,
): Side {
  return {
    name: 'Kafka',
    admin,
    createTopic: (topic, partitions) => createTopic(admin, topic, partitions),
    producer: () => producer(kafka),
    consumer: ({ groupId }) => {
      const c: KafkaConsumer = kafka.consumer({ groupId, rebalanceTimeout: 10_000, maxWaitTimeInMs: 200 });
      let joined = false;
      let fetchedSinceJoin = false;
      c.on(c.events.GROUP_JOIN, () => {
        joined = true;
        fetchedSinceJoin = false;
      });
      // kafkajs resolves every assigned partition's offset (committed, else fromBeginning's
      // reset) before each fetch; a fetch after the join means the positions are known.
      c.on(c.events.FETCH, () => {
        if (joined) fetchedSinceJoin = true;
      });
      return {
        connect: () => c.connect(),
        subscribe: (s) => c.subscribe(s),
        run: (r) => c.run(r as Parameters<KafkaConsumer['run']>[0]),
        commitOffsets: (o) => c.commitOffsets(o),
        disconnect: () => c.disconnect(),
        joined: () => waitFor(() => joined, `a kafkajs consumer of ${groupId} to join`),
        positioned: () => waitFor(() => fetchedSinceJoin, `a kafkajs consumer of ${groupId} to fetch`),
      };
    },
  };
}

export function engineSide(cluster: Cluster): Side {
  const admin = cluster.admin();
  return {
    name: 'engine',
    admin,
    createTopic: async (topic, numPartitions) => {
      await admin.createTopics({ topics: [{ topic, numPartitions }] });
    },
    producer: () => cluster.producer(),
    consumer: ({ groupId }) => {
      const c = cluster.consumer({ groupId, maxWaitTimeInMs: 200 });
      const member = async () => (await c.describeGroup()).members.some((m) => m.memberAssignment.length > 0);
      return {
        connect: () => c.connect(),
        subscribe: (s) => c.subscribe(s),
        run: (r) => c.run(r as Parameters<typeof c.run>[0]),
        commitOffsets: (o) => c.commitOffsets(o),
        disconnect: () => c.disconnect(),
        joined: () => waitFor(member, `an engine consumer of ${groupId} to join`),
        positioned: (topic, partitions) => waitFor(() => c.positionsSnapshot().filter((p) => p.topic === topic).length === partitions, `an engine consumer of ${groupId} to know its positions`),
      };
    },
  };
}
