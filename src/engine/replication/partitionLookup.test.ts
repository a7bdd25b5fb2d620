// ClusterCore.partition compares the last topic looked up before its map (consumers fetch one
// topic's partitions in a row): pins that a topic deleted, created again or created after a
// miss is found as it is now, whichever string the name comes in.
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { ClusterCore } from './clusterCore';

describe('ClusterCore.partition', () => {
  it('finds partitions as the topics are now, across deletes and re-creations', () => {
    const core = new ClusterCore(createVirtualClock(), { brokers: 3 });
    const cut = (name: string) => `${name}\u00000`.slice(0, name.length); // a name cut out of a key
    expect(core.partition('orders', 0)).toBeUndefined();
    core.createTopic({ name: 'orders', partitions: 1 });
    const first = core.partition(cut('orders'), 0);
    expect(first?.topic).toBe('orders');
    core.deleteTopic('orders');
    expect(core.partition(cut('orders'), 0)).toBeUndefined();
    core.createTopic({ name: 'orders', partitions: 2 });
    expect(core.partition('orders', 0)).not.toBe(first);
    expect(core.partition(cut('orders'), 1)?.partition).toBe(1);
    core.createTopic({ name: 'payments', partitions: 1 });
    expect(core.partition('payments', 0)?.topic).toBe('payments');
    expect(core.partition('orders', 2)).toBeUndefined();
    core.createPartitions('orders', 3);
    expect(core.partition(cut('orders'), 2)?.partition).toBe(2);
    core.shutdown();
  });
});
