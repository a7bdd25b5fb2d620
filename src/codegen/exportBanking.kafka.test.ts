// The Banking example's export on a real Kafka 4.4 broker, with each client: topics as on the
// board, commands over HTTP, events with their keys and headers, the overdraft policy's
// commands, the Balance read model over HTTP and the topology's consumer groups.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { kafkaSingle } from '../lib/testing/realKafka';
import { parseBoard } from '../model';
import { CONFLUENT_TEST_TIMEOUT_MS, KAFKAJS_TEST_TIMEOUT_MS } from './testing/exportOnKafka';
import { exerciseOnKafka } from './testing/kafkaScenario';

const banking = () => parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/banking.json'), 'utf8')));

describe('the Banking export on Kafka', () => {
  it('runs with kafkajs', async () => {
    await exerciseOnKafka(banking(), 'kafkajs', kafkaSingle(), 1);
  }, KAFKAJS_TEST_TIMEOUT_MS);

  it("runs with Confluent's client", async () => {
    await exerciseOnKafka(banking(), 'confluent', kafkaSingle(), 2);
  }, CONFLUENT_TEST_TIMEOUT_MS);
});
