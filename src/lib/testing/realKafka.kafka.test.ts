// The kafka project's set-up works: both clusters answer metadata with the expected brokers,
// and a node of the three-node cluster can be stopped and started from a test.
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { kafkaSingle, kafkaTriple, startTripleBroker, stopTripleBroker, tripleBrokers } from './realKafka';

async function brokerIds(bootstrap: string): Promise<number[]> {
  const admin = new Kafka({ clientId: 'setup-check', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { brokers } = await admin.describeCluster();
    return brokers.map((b) => b.nodeId).sort();
  } finally {
    await admin.disconnect();
  }
}

describe('local Kafka for tests', () => {
  it('serves a single-node broker and a three-node cluster', async () => {
    expect(kafkaSingle()).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await brokerIds(kafkaSingle())).toEqual([1]);
    expect(await brokerIds(kafkaTriple())).toEqual([1, 2, 3]);
  });

  it('stops and starts a node of the three-node cluster', async () => {
    await stopTripleBroker(3);
    try {
      expect((await tripleBrokers()).map((b) => b.running)).toEqual([true, true, false]);
      const bootstrap = kafkaTriple().split(',').slice(0, 2).join(',');
      await expect.poll(() => brokerIds(bootstrap), { timeout: 30_000 }).toEqual([1, 2]);
    } finally {
      await startTripleBroker(3);
    }
    expect((await tripleBrokers()).every((b) => b.running)).toBe(true);
    expect(await brokerIds(kafkaTriple())).toEqual([1, 2, 3]);
  });
});
