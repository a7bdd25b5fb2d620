// A compacted topic read as a table (what compaction keeps, Kafka's log-compaction guarantee:
// the latest value of every key; a tombstone removes its key), without decoding every update.
import { describe, expect, it } from 'vitest';
import { setup } from '../testing/helpers';
import { latestByKey } from './latestByKey';

describe('latestByKey (a compacted partition as a table)', () => {
  it('keeps the latest value of each key, drops tombstoned keys, and orders keys by first appearance', async () => {
    const { cluster, producer } = await setup('table', 1, { 'cleanup.policy': 'compact' });
    const send = (key: string, value: string | null) => producer.send({ topic: 'table', messages: [{ key, value }] });
    await send('a', '1');
    await send('b', '1');
    await send('a', '2');
    await send('c', '1');
    await send('b', null); // tombstone
    await send('c', '2');
    await send('b', '3'); // back after its tombstone: now last in order
    const rows = await latestByKey(cluster.engine.log('table', 0));
    expect(rows.map((r) => [r.key!.toString(), r.value!.toString(), r.offset])).toEqual([
      ['a', '2', 2],
      ['c', '2', 5],
      ['b', '3', 6],
    ]);
    await cluster.close();
  });

  it('reads nothing below the log start', async () => {
    const { cluster, producer } = await setup('table', 1, { 'cleanup.policy': 'compact' });
    for (let i = 0; i < 6; i++) await producer.send({ topic: 'table', messages: [{ key: `k${i % 2}`, value: String(i) }] });
    await cluster.admin().deleteRecords({ topic: 'table', partitions: [{ partition: 0, offset: '5' }] });
    const rows = await latestByKey(cluster.engine.log('table', 0));
    expect(rows.map((r) => [r.key!.toString(), r.value!.toString()])).toEqual([['k1', '5']]);
    await cluster.close();
  });
});
