// Failure on the three-node cluster with the Banking export, for each client: the leader of a
// command-topic partition crashes while deposits flow over HTTP, and a service process is
// killed. acks=all with min.insync.replicas=2: no command answered 202 is lost, the handler
// group rebalances to the surviving instance, and the read model ends complete. No aggregate
// version is written twice: each partition owner's writes are transactional and fenced when
// another instance takes the partition over (without that, kafkajs runs found a killed or
// rebalanced instance's last append racing the new owner's, one version written twice). Nor
// does a transaction the cluster refuses for a while (the restarted broker catching up) leave a
// command unhandled: on kafkajs the handler threw, its consumer restarted and rejoined, and the
// rebalances that followed fenced and aborted further transactions, a chain that could outlast the wait;
// the transport now retries such a command in place, heartbeating (docs/kafka.md).
// The board is Banking without the "otherwise" outcome of Withdraw money, so that a withdrawal
// beyond the balance is rejected by the rules (no outcome's guard admits it): its status over
// HTTP says rejected, with the reason, whichever of the two processes handled it.
import { describe, expect, it } from 'vitest';
import { kafkaTriple, startTripleBroker, stopTripleBroker } from '../lib/testing/realKafka';
import { BANKING_REJECTION, bankingWithoutOtherwise } from '../topology/testing/bankingWithoutOtherwise';
import type { KafkaClientChoice } from './clients';
import { CONFLUENT_TEST_TIMEOUT_MS } from './testing/exportOnKafka';
import { failoverOnKafka } from './testing/failoverScenario';


async function failover(client: KafkaClientChoice): Promise<void> {
  const report = await failoverOnKafka(bankingWithoutOtherwise(), client, kafkaTriple(), {
    stop: (id, { crash }) => stopTripleBroker(id, { crash }),
    start: (id) => startTripleBroker(id),
  });
  console.log(`failover (${client}): ${JSON.stringify(report)}`);
  expect(report.withdrawalsBeyondBalance).toEqual(report.withdrawalsBeyondBalance.map(() => ({ status: 'rejected', reason: BANKING_REJECTION })));
  expect(report.withdrawalsBeyondBalance.length).toBeGreaterThan(0);
  expect(report.withdrawalsRejectedByOther).toBeGreaterThan(0);
  expect(report.accepted).toBeGreaterThan(100);
  expect(report.handled).toBe(report.accepted);
  expect(report.membersBefore).toBe(2);
  expect(report.membersAfter).toBe(1);
}

describe('a partition leader crashes and a service instance is killed on three nodes: no accepted command is lost', () => {
  it("with Confluent's client", () => failover('confluent'), CONFLUENT_TEST_TIMEOUT_MS);
  // The longer timeout for kafkajs too: the scenario's own waits (up to 6 min in all) fail first, with the services' last lines.
  it('with kafkajs', () => failover('kafkajs'), CONFLUENT_TEST_TIMEOUT_MS);
});
