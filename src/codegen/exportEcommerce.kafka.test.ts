// The E-commerce example's export on a real Kafka 4.4 broker, with each client: three services,
// two policies (one fed by the payment provider's events), an external system answering the
// commands it receives, and the Order status read model over HTTP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { kafkaSingle } from '../lib/testing/realKafka';
import { parseBoard } from '../model';
import { CONFLUENT_TEST_TIMEOUT_MS, KAFKAJS_TEST_TIMEOUT_MS } from './testing/exportOnKafka';
import { exerciseOnKafka } from './testing/kafkaScenario';

const ecommerce = () => parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/ecommerce.json'), 'utf8')));

describe('the E-commerce export on Kafka', () => {
  it('runs with kafkajs', async () => {
    await exerciseOnKafka(ecommerce(), 'kafkajs', kafkaSingle(), 3);
  }, KAFKAJS_TEST_TIMEOUT_MS);

  it("runs with Confluent's client", async () => {
    await exerciseOnKafka(ecommerce(), 'confluent', kafkaSingle(), 4);
  }, CONFLUENT_TEST_TIMEOUT_MS);
});
