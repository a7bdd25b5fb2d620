import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Consumer } from '../index';
import { setup, until } from '../testing/helpers';

// Kafka's delivery contract with committed offsets: a consumer that commits what it processed
// and restarts resumes at the committed offset, so with graceful restarts every record is seen
// exactly once and in order per partition.
describe('consumer restarts with committed offsets', () => {
  it('sees every record once, in order per partition, across restarts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.record({ produce: fc.integer({ min: 1, max: 30 }) }), fc.constant({ restart: true })), { minLength: 1, maxLength: 12 }), async (steps) => {
        const { cluster, producer } = await setup('t', 3);
        const seen = new Map<number, number[]>();
        let total = 0;
        let produced = 0;
        let consumer: Consumer | undefined;
        const start = async () => {
          consumer = cluster.consumer({ groupId: 'g' });
          await consumer.connect();
          await consumer.subscribe({ topic: 't', fromBeginning: true });
          await consumer.run({
            eachMessage: async ({ partition, message }) => {
              const list = seen.get(partition) ?? [];
              list.push(Number(message.value!.toString()));
              seen.set(partition, list);
              total++;
            },
          });
        };
        await start();
        for (const step of steps) {
          if ('produce' in step) {
            await producer.send({ topic: 't', messages: Array.from({ length: step.produce }, (_, i) => ({ key: `k${(produced + i) % 5}`, value: String(produced + i) })) });
            produced += step.produce;
          } else {
            // A restart at any point: the consumer may be in the middle of the backlog.
            await consumer!.disconnect();
            await start();
          }
        }
        await until(cluster, () => total === produced, 'the consumer to catch up');
        await consumer!.disconnect();
        const all = [...seen.values()].flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: produced }, (_, i) => i));
        for (const list of seen.values()) expect(list).toEqual([...list].sort((a, b) => a - b));
        await cluster.close();
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
