// Creates the topics of this project on a Kafka cluster (KAFKA_BROKERS, default localhost:9092):
// partitions, replication factor and configs (cleanup.policy, retention.ms) as on the board,
// min.insync.replicas as in the simulator.
// Per-instance event topics are created on first use; existing topics are left as they are.
import { createKafkaClient } from '../src/platform/kafkaLibrary.js';
import { kafkaBrokers } from '../src/platform/settings.js';
import { MIN_INSYNC_REPLICAS, TOPICS } from '../src/platform/topics.js';

const admin = createKafkaClient({ clientId: 'create-topics', brokers: kafkaBrokers() }).admin();
await admin.connect();
try {
  const brokerCount = await admin.brokerCount();
  const existing = new Set(await admin.listTopics());
  const wanted = TOPICS.filter((t) => !t.perInstance && !existing.has(t.name));
  for (const t of wanted) {
    if (t.replicationFactor > brokerCount) {
      console.warn(`${t.name}: replication factor ${t.replicationFactor} lowered to ${brokerCount}, the number of brokers`);
    }
  }
  await admin.createTopics(
    wanted.map((t) => {
      const replicationFactor = Math.min(t.replicationFactor, brokerCount);
      // As in the simulator: an acks=all write needs two replicas in sync (one on a one-replica topic).
      const configs = { 'min.insync.replicas': String(Math.min(MIN_INSYNC_REPLICAS, replicationFactor)), ...t.configs };
      return {
        topic: t.name,
        numPartitions: t.partitions,
        replicationFactor,
        configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
      };
    }),
  );
  console.log(`created ${wanted.length} topic(s); ${TOPICS.length - wanted.length} already exist or are created per instance`);
} finally {
  await admin.disconnect();
}
