// Replica placement as Kafka's AdminUtils.assignReplicasToBrokers does it without racks: the
// first replica of partition p on broker (p + startIndex) mod n, followers shifted by an offset
// that grows every n partitions, so leaders and followers spread evenly. Kafka draws startIndex
// and the shift at random; here they come from the seeded RNG (or are fixed, for tests).
import type { Rng } from '../../lib/rng';
import { InvalidClusterConfigError } from '../errors';

export interface PlacementOptions {
  /** Kafka's fixedStartIndex: when ≥ 0 both the start index and the initial shift use it. */
  fixedStartIndex?: number;
  startPartitionId?: number;
  rng?: Rng;
}

export function assignReplicasToBrokers(partitions: number, replicationFactor: number, brokerIds: readonly number[], options: PlacementOptions = {}): number[][] {
  const brokers = [...brokerIds].sort((a, b) => a - b);
  const n = brokers.length;
  if (replicationFactor < 1) throw new InvalidClusterConfigError(`Replication factor must be at least 1, got ${replicationFactor}.`);
  if (replicationFactor > n) {
    throw new InvalidClusterConfigError(`Replication factor ${replicationFactor} is larger than the ${n} available broker(s); add brokers or lower it.`, { replicationFactor, brokers: n });
  }
  const fixed = options.fixedStartIndex ?? -1;
  const draw = () => (options.rng ? options.rng.int(n) : 0);
  const startIndex = fixed >= 0 ? fixed : draw();
  let shift = fixed >= 0 ? fixed : draw();
  let p = Math.max(0, options.startPartitionId ?? 0);
  const out: number[][] = [];
  for (let i = 0; i < partitions; i++, p++) {
    if (p > 0 && p % n === 0) shift++;
    const first = (p + startIndex) % n;
    const replicas = [brokers[first]!];
    for (let j = 0; j < replicationFactor - 1; j++) replicas.push(brokers[(first + 1 + ((shift + j) % (n - 1))) % n]!);
    out.push(replicas);
  }
  return out;
}
