// ClusterCore.partition looks topics up by name in a prototype-less object (clusterCore.ts: why):
// names that are also Object.prototype members are topics like any other, and a deleted topic
// is gone from the lookup too.
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../lib/clock';
import { ClusterCore } from './clusterCore';

describe('ClusterCore.partition', () => {
  it('finds topics whose names are Object.prototype members, and none by such a name that was never created', () => {
    const core = new ClusterCore(createVirtualClock(), { brokers: 3 });
    core.createTopic({ name: 'constructor', partitions: 2, replicationFactor: 3 });
    core.createTopic({ name: '__proto__', partitions: 1, replicationFactor: 3 });
    expect(core.partition('constructor', 1)?.topic).toBe('constructor');
    expect(core.partition('__proto__', 0)?.topic).toBe('__proto__');
    expect(core.partition('toString', 0)).toBeUndefined();
    core.deleteTopic('__proto__');
    expect(core.partition('__proto__', 0)).toBeUndefined();
    expect(core.partition('constructor', 0)?.topic).toBe('constructor');
    core.shutdown();
  });

  it('finds a name cut out of a longer string (as consumers key partitions), and forgets a deleted topic', () => {
    const core = new ClusterCore(createVirtualClock(), { brokers: 1 });
    core.createTopic({ name: 'orders', partitions: 3, replicationFactor: 1 });
    const key = `orders\u00002`;
    const name = key.slice(0, key.indexOf('\u0000'));
    expect(core.partition(name, 2)?.partition).toBe(2);
    core.deleteTopic('orders');
    expect(core.partition(name, 2)).toBeUndefined();
    core.shutdown();
  });
});
