// Failure on the three-node cluster with the Banking export (Confluent's client, the default):
// the leader of a command-topic partition crashes while deposits flow over HTTP, and a service
// process is killed. acks=all with min.insync.replicas=2: no command answered 202 is lost, the
// handler group rebalances to the surviving instance, and the read model ends complete.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { kafkaTriple, startTripleBroker, stopTripleBroker } from '../lib/testing/realKafka';
import { parseBoard } from '../model';
import { CONFLUENT_TEST_TIMEOUT_MS } from './testing/exportOnKafka';
import { failoverOnKafka } from './testing/failoverScenario';

it('loses no accepted command when a partition leader crashes and a service instance is killed', async () => {
  const board = parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/examples/banking.json'), 'utf8')));
  const report = await failoverOnKafka(board, 'confluent', kafkaTriple(), {
    stop: (id, { crash }) => stopTripleBroker(id, { crash }),
    start: (id) => startTripleBroker(id),
  });
  console.log(`failover: ${JSON.stringify(report)}`);
  expect(report.accepted).toBeGreaterThan(100);
  expect(report.handled).toBe(report.accepted);
  expect(report.membersBefore).toBe(2);
  expect(report.membersAfter).toBe(1);
}, CONFLUENT_TEST_TIMEOUT_MS);
