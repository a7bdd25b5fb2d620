// The hostile-names board's export on a real Kafka 4.4 broker, with each client: names that
// collide, unicode, quotes and code-like text reach topics, groups, headers, HTTP paths and
// read-model ids intact, and a policy that triggers its own aggregate still settles.
import { describe, it } from 'vitest';
import { kafkaSingle } from '../lib/testing/realKafka';
import { hostileBoard } from '../topology/testing/hostileBoard';
import { CONFLUENT_TEST_TIMEOUT_MS, KAFKAJS_TEST_TIMEOUT_MS } from './testing/exportOnKafka';
import { exerciseOnKafka } from './testing/kafkaScenario';

describe('the hostile-names export on Kafka', () => {
  it('runs with kafkajs', async () => {
    await exerciseOnKafka(hostileBoard(3, 'perAggregateType'), 'kafkajs', kafkaSingle(), 5);
  }, KAFKAJS_TEST_TIMEOUT_MS);

  it("runs with Confluent's client", async () => {
    await exerciseOnKafka(hostileBoard(3, 'perAggregateType'), 'confluent', kafkaSingle(), 6);
  }, CONFLUENT_TEST_TIMEOUT_MS);
});
