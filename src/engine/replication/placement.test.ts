// Pins Kafka's rack-unaware replica placement (AdminUtils.assignReplicasToBrokersRackUnaware).
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/rng';
import { assignReplicasToBrokers } from './placement';
import { InvalidClusterConfigError } from '../errors';

describe('assignReplicasToBrokers (Kafka, no racks)', () => {
  it('5 brokers, 10 partitions, RF 3, fixed start 0: the layout of Kafka\'s testReplicaAssignment', () => {
    expect(assignReplicasToBrokers(10, 3, [0, 1, 2, 3, 4], { fixedStartIndex: 0 })).toEqual([
      [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 0], [4, 0, 1],
      [0, 2, 3], [1, 3, 4], [2, 4, 0], [3, 0, 1], [4, 1, 2],
    ]);
  });

  it('every partition gets RF distinct brokers and leaders spread evenly', () => {
    const a = assignReplicasToBrokers(12, 3, [1, 2, 3], { rng: createRng(7) });
    for (const r of a) expect(new Set(r).size).toBe(3);
    const leaders = a.map((r) => r[0]);
    for (const b of [1, 2, 3]) expect(leaders.filter((l) => l === b)).toHaveLength(4);
  });

  it('the same seed gives the same placement', () => {
    expect(assignReplicasToBrokers(6, 2, [1, 2, 3, 4], { rng: createRng(3) })).toEqual(assignReplicasToBrokers(6, 2, [1, 2, 3, 4], { rng: createRng(3) }));
  });

  it('refuses a replication factor larger than the broker count (InvalidReplicationFactor)', () => {
    expect(() => assignReplicasToBrokers(1, 4, [1, 2, 3])).toThrow(InvalidClusterConfigError);
  });
});
