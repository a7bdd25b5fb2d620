// What a real Kafka 4.4 answers when a group's offsets are set from outside the group (Kafka's
// Admin.alterConsumerGroupOffsets, what kafka-consumer-groups --reset-offsets sends), next to
// the engine's admin.setOffsets: refused with UNKNOWN_MEMBER_ID while the group has a member,
// accepted once it is empty — even beyond the log end, since Kafka does not check the offset
// against the log — and read back the same by fetchOffsets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaOracleClasspath, kafkaSingle } from '../../lib/testing/realKafka';
import type { Cluster } from '../index';
import { JavaOracle } from '../testing/javaOracle';
import { RUN, createRealTopics, engineCluster, outcome, realKafka, realProducer, waitFor } from '../testing/kafkaDiff';

const TOPIC = `group-offsets-${RUN}`;
const GROUP = `group-offsets-g-${RUN}`;
const kafka = realKafka(kafkaSingle());
const realAdmin = kafka.admin();
let cluster: Cluster;
let oracle: JavaOracle;

beforeAll(async () => {
  oracle = JavaOracle.start(kafkaOracleClasspath());
  cluster = await engineCluster();
  await realAdmin.connect();
  await createRealTopics(realAdmin, [{ topic: TOPIC, numPartitions: 2 }]);
  await cluster.admin().createTopics({ topics: [{ topic: TOPIC, numPartitions: 2 }] });
  const real = realProducer(kafka);
  const ours = cluster.producer();
  await Promise.all([real.connect(), ours.connect()]);
  const messages = Array.from({ length: 10 }, (_, i) => ({ value: `v${i}`, partition: i % 2 }));
  await real.send({ topic: TOPIC, messages });
  await ours.send({ topic: TOPIC, messages });
  await Promise.all([real.disconnect(), ours.disconnect()]);
});
afterAll(async () => {
  await oracle.close();
  await realAdmin.disconnect();
  await cluster.close();
});

/** Offsets of the group on each side, partition by partition. */
async function committed(): Promise<{ kafka: string[]; engine: string[] }> {
  const [r] = await realAdmin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
  const [e] = await cluster.admin().fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
  const order = (ps: { partition: number; offset: string }[]) => [...ps].sort((a, b) => a.partition - b.partition).map((p) => p.offset);
  return { kafka: order(r!.partitions), engine: order(e!.partitions) };
}

describe("setting a group's offsets from outside it, on Kafka 4.4 and the engine", () => {
  it('is refused with UNKNOWN_MEMBER_ID while a consumer is in the group, and the offsets stay as they were', async () => {
    const realConsumer = kafka.consumer({ groupId: GROUP });
    const ourConsumer = cluster.consumer({ groupId: GROUP });
    let realSeen = 0;
    let ourSeen = 0;
    await realConsumer.connect();
    await ourConsumer.connect();
    await realConsumer.subscribe({ topics: [TOPIC], fromBeginning: true });
    await ourConsumer.subscribe({ topics: [TOPIC], fromBeginning: true });
    await realConsumer.run({ eachMessage: async () => void realSeen++ });
    await ourConsumer.run({ eachMessage: async () => void ourSeen++ });
    await waitFor(() => realSeen === 10 && ourSeen === 10, 'both consumers to read the ten records');
    const onKafka = await oracle.alterGroupOffsets(kafkaSingle(), GROUP, TOPIC, { 0: 1 });
    const onEngine = await outcome(() => cluster.admin().setOffsets({ groupId: GROUP, topic: TOPIC, partitions: [{ partition: 0, offset: '1' }] }));
    expect({ kafka: onKafka.code, engine: onEngine }).toEqual({ kafka: 'UNKNOWN_MEMBER_ID', engine: 'UNKNOWN_MEMBER_ID' });
    await realConsumer.disconnect();
    await ourConsumer.disconnect();
    const after = await committed();
    expect(after.engine).toEqual(after.kafka);
    expect(after.kafka).toEqual(['5', '5']);
  });

  it('is accepted once the group is empty, beyond the log end too, and fetchOffsets reads back the same', async () => {
    expect((await realAdmin.describeGroups([GROUP])).groups[0]!.state).toBe('Empty');
    expect((await cluster.admin().describeGroups([GROUP])).groups[0]!.state).toBe('Empty');
    const onKafka = await oracle.alterGroupOffsets(kafkaSingle(), GROUP, TOPIC, { 0: 1, 1: 1000 });
    const onEngine = await outcome(() => cluster.admin().setOffsets({ groupId: GROUP, topic: TOPIC, partitions: [{ partition: 0, offset: '1' }, { partition: 1, offset: '1000' }] }));
    expect({ kafka: onKafka.code, engine: onEngine }).toEqual({ kafka: 'OK', engine: 'accepted' });
    const after = await committed();
    expect(after.engine).toEqual(after.kafka);
    expect(after.kafka).toEqual(['1', '1000']);
  });
});
