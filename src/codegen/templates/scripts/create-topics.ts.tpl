// Creates the topics of this project on a Kafka cluster (KAFKA_BROKERS, default localhost:9092):
// partitions, replication factor and configs (cleanup.policy, retention.ms) as on the board.
// Per-instance event topics are created on first use; existing topics are left as they are.
import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '../src/platform/topics.js';

const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',').map((b) => b.trim()).filter(Boolean);
const kafka = new Kafka({ clientId: 'create-topics', brokers, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
try {
  const cluster = await admin.describeCluster();
  const brokerCount = cluster.brokers.length;
  const existing = new Set(await admin.listTopics());
  const wanted = TOPICS.filter((t) => !t.perInstance && !existing.has(t.name));
  for (const t of wanted) {
    if (t.replicationFactor > brokerCount) {
      console.warn(`${t.name}: replication factor ${t.replicationFactor} lowered to ${brokerCount}, the number of brokers`);
    }
  }
  await admin.createTopics({
    waitForLeaders: true,
    topics: wanted.map((t) => ({
      topic: t.name,
      numPartitions: t.partitions,
      replicationFactor: Math.min(t.replicationFactor, brokerCount),
      configEntries: Object.entries(t.configs).map(([name, value]) => ({ name, value })),
    })),
  });
  console.log(`created ${wanted.length} topic(s); ${TOPICS.length - wanted.length} already exist or are created per instance`);
} finally {
  await admin.disconnect();
}
