// The ready-made fault experiments the UI lists: Kafka's known ways to lose acknowledged data,
// and the configuration that does not lose any.
import type { Experiment } from './types';

const T = 'orders';
const BASE = { brokers: 3, seed: 11, replicaLagTimeMaxMs: 2_000, brokerSessionTimeoutMs: 1_000, autoLeaderRebalance: false } as const;

export const acksOneLeaderCrash: Experiment = {
  id: 'acks1-leader-crash',
  title: 'acks=1: a leader crash loses acknowledged records',
  explanation:
    'With acks=1 the leader answers as soon as it has the records, before any follower copied them. When it crashes, the controller elects a follower that never saw the last writes: they were acknowledged and are gone. Watch "Lost acknowledged records" rise when broker 1 is replaced, and the old leader truncate its tail when it comes back.',
  watch: ['Lost acknowledged records', 'Partitions: leader and log end of each replica', 'Event feed: leader elected, truncated'],
  options: BASE,
  topics: [{ name: T, partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
  steps: [
    { kind: 'produce', topic: T, partition: 0, acks: 1, count: 100, note: 'Write 100 records with acks=1' },
    { kind: 'advance', ms: 50, note: 'Followers copy them' },
    { kind: 'produce', topic: T, partition: 0, acks: 1, count: 25, note: '25 more, acknowledged at once by the leader' },
    { kind: 'crash', broker: 1, note: 'The leader crashes before the followers fetch' },
    { kind: 'advance', ms: 1_500, note: 'The controller fences broker 1 and elects broker 2' },
    { kind: 'start', broker: 1, note: 'Broker 1 returns as a follower' },
    { kind: 'advance', ms: 100, note: 'It truncates to the new leader by leader epoch' },
  ],
  variants: [
    { id: 'acks1', label: 'acks=1', options: {}, expected: { lost: 25, divergentReplicas: 0 } },
  ],
};

export const uncleanElection: Experiment = {
  id: 'unclean-election',
  title: 'ISR shrinks to the leader, then an unclean election',
  explanation:
    'Both followers stop, so after replica.lag.time.max.ms the ISR is the leader alone and it keeps acknowledging writes (min.insync.replicas=1). Then the leader dies. With unclean.leader.election.enable the controller elects a follower that is far behind and every record it missed is lost; with it off, the partition stays offline until the old leader returns, and nothing is lost.',
  watch: ['ISR column shrinking to one broker', 'Partition offline (no leader) vs unclean election', 'Lost acknowledged records'],
  options: BASE,
  topics: [{ name: T, partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
  steps: [
    { kind: 'produce', topic: T, partition: 0, acks: 1, count: 50, note: 'Healthy cluster: 50 records' },
    { kind: 'advance', ms: 50 },
    { kind: 'stop', broker: 2, note: 'Follower 2 stops' },
    { kind: 'stop', broker: 3, note: 'Follower 3 stops' },
    { kind: 'advance', ms: 3_000, note: 'ISR shrinks to the leader alone' },
    { kind: 'produce', topic: T, partition: 0, acks: 1, count: 40, note: '40 records only the leader holds' },
    { kind: 'advance', ms: 10 },
    { kind: 'crash', broker: 1, note: 'The last in-sync replica crashes' },
    { kind: 'advance', ms: 1_500 },
    { kind: 'start', broker: 2, note: 'An out-of-sync follower comes back' },
    { kind: 'advance', ms: 100 },
    { kind: 'start', broker: 1, note: 'The old leader returns' },
    { kind: 'start', broker: 3 },
    { kind: 'advance', ms: 200 },
  ],
  variants: [
    { id: 'unclean-on', label: 'unclean.leader.election.enable=true', options: { uncleanLeaderElection: true }, expected: { lost: 40, divergentReplicas: 0 } },
    { id: 'unclean-off', label: 'unclean.leader.election.enable=false', options: { uncleanLeaderElection: false }, expected: { lost: 0, divergentReplicas: 0 } },
  ],
};

const KIP101 = { ...BASE, brokers: 2, highWatermarkCheckpointIntervalMs: 3_600_000, flushIntervalMs: 3_600_000, fenceOnRestart: false } as const;

export const kip101HighWatermarkTruncation: Experiment = {
  id: 'kip101-hw-truncation',
  title: 'KIP-101 case 1: truncating to the high watermark loses a committed record',
  explanation:
    'Before Kafka 0.11 a restarted follower cut its log back to its checkpointed high watermark, which lags the leader. If the leader then dies, that follower becomes leader without a record that was already acknowledged to an acks=all producer. With leader epochs (KIP-101) the follower asks the leader where its epoch ends instead, keeps the record, and nothing is lost. Compare the two variants.',
  watch: ['Event feed: truncated (by high-watermark vs by leader-epoch)', 'Lost acknowledged records'],
  options: KIP101,
  topics: [{ name: T, partitions: 1, replicationFactor: 2, assignment: [[1, 2]] }],
  steps: [
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 1, note: 'm0, acks=all' },
    { kind: 'advance', ms: 30 },
    { kind: 'checkpoint', broker: 2, note: 'Follower 2 checkpoints high watermark 1' },
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 1, note: 'm1, acks=all: acknowledged once broker 2 has it' },
    { kind: 'advance', ms: 30 },
    { kind: 'crash', broker: 2, note: 'Follower 2 restarts…' },
    { kind: 'start', broker: 2, note: '…reloading high watermark 1 from its checkpoint' },
    { kind: 'crash', broker: 1, note: 'The leader dies before broker 2 fetches again' },
    { kind: 'advance', ms: 1_500, note: 'Broker 2, still in the ISR, is elected' },
  ],
  variants: [
    { id: 'before-leader-epochs', label: 'Before KIP-101 (high-watermark truncation)', options: { leaderEpochTruncation: false }, expected: { lost: 1 } },
    { id: 'after-leader-epochs', label: 'With leader epochs (KIP-101)', options: { leaderEpochTruncation: true }, expected: { lost: 0 } },
  ],
};

export const kip101Divergence: Experiment = {
  id: 'kip101-divergence',
  title: 'KIP-101 case 2: a double failure leaves replicas diverged',
  explanation:
    'Both replicas lose power. The leader had flushed m1, the follower had not. The follower comes back first, is elected and writes m2 at the same offset. When the old leader returns, before leader epochs it keeps m1 (its checkpointed high watermark covers it) and the two replicas now hold different records at one committed offset, forever. With leader epochs it asks where epoch 0 ended, truncates m1 and copies m2: the replicas agree.',
  watch: ['Replica log ends in the Partitions table', 'Event feed: truncated by leader-epoch', 'Divergent replicas after the run'],
  options: { ...KIP101, crashMode: 'power-loss' },
  topics: [{ name: T, partitions: 1, replicationFactor: 2, assignment: [[1, 2]] }],
  steps: [
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 1, note: 'm0 on both replicas' },
    { kind: 'advance', ms: 30 },
    { kind: 'flush', broker: 1 },
    { kind: 'flush', broker: 2 },
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 1, note: 'm1, replicated and acknowledged' },
    { kind: 'advance', ms: 30 },
    { kind: 'flush', broker: 1, note: 'Only the leader flushes m1 and its high watermark' },
    { kind: 'checkpoint', broker: 1 },
    { kind: 'crash', broker: 1, note: 'Power loss on both brokers' },
    { kind: 'crash', broker: 2 },
    { kind: 'advance', ms: 1_500 },
    { kind: 'start', broker: 2, note: 'Broker 2 returns first and is elected (m1 is lost)' },
    { kind: 'advance', ms: 20 },
    { kind: 'produce', topic: T, partition: 0, acks: 1, count: 1, note: 'm2 lands at m1\'s offset' },
    { kind: 'advance', ms: 20 },
    { kind: 'start', broker: 1, note: 'The old leader returns as a follower' },
    { kind: 'advance', ms: 100 },
  ],
  variants: [
    { id: 'before-leader-epochs', label: 'Before KIP-101 (high-watermark truncation)', options: { leaderEpochTruncation: false }, expected: { lost: 1, divergentReplicas: 1 } },
    { id: 'after-leader-epochs', label: 'With leader epochs (KIP-101)', options: { leaderEpochTruncation: true }, expected: { lost: 1, divergentReplicas: 0 } },
  ],
};

export const isolatedLeader: Experiment = {
  id: 'isolated-leader',
  title: 'A network partition: the cut-off leader keeps acknowledging acks=1 writes',
  explanation:
    'Broker 1 leads and is cut off from the controller and the other brokers, but producers can still reach it. It does not know it is isolated: it keeps accepting acks=1 writes that no follower can copy. After broker.session.timeout.ms the controller fences it and elects broker 2. When the network heals, broker 1 learns about the new leader epoch, truncates its log to broker 2\'s and the writes it acknowledged during the partition are gone. With acks=all those writes would never have been acknowledged (its ISR cannot shrink without the controller). In the second variant the producers\' metadata is stale: they keep writing to broker 1 even after broker 2 took over, because broker 1 never tells them otherwise.',
  watch: ['Broker 1 marked isolated, then fenced', 'Leader column moving to broker 2', 'Lost acknowledged records after the heal'],
  options: BASE,
  topics: [{ name: T, partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] }],
  steps: [
    { kind: 'produce', topic: T, partition: 0, acks: 1, count: 50, note: 'Healthy cluster: 50 records' },
    { kind: 'advance', ms: 50 },
    { kind: 'isolate', broker: 1, note: 'The leader is cut off from the cluster' },
    { kind: 'produce', topic: T, partition: 0, acks: 1, count: 20, note: '20 records acknowledged by the isolated leader' },
    { kind: 'advance', ms: 1_500, note: 'The controller fences broker 1 and elects broker 2' },
    { kind: 'produce', topic: T, partition: 0, acks: 1, count: 10, note: 'Producers move to broker 2' },
    { kind: 'advance', ms: 50 },
    { kind: 'heal', note: 'The partition heals: broker 1 truncates to broker 2' },
    { kind: 'advance', ms: 200 },
  ],
  variants: [{ id: 'acks1', label: 'acks=1', options: {}, expected: { lost: 20, divergentReplicas: 0 } }],
};

export const safeConfiguration: Experiment = {
  id: 'safe-configuration',
  title: 'The safe configuration: acks=all, min.insync.replicas=2, RF 3, unclean off',
  explanation:
    'The same kind of failures as the other experiments — a leader crash right after a write, a follower stop, an isolated leader — but with acks=all and min.insync.replicas=2 no record is acknowledged before two replicas have it, and only in-sync replicas can be elected. Some writes are refused (NotEnoughReplicas) or time out while the cluster is degraded; none that were acknowledged is ever lost.',
  watch: ['Lost acknowledged records stays at 0', 'Refused writes while the ISR is too small'],
  options: BASE,
  topics: [{ name: T, partitions: 1, replicationFactor: 3, minInsyncReplicas: 2, assignment: [[1, 2, 3]] }],
  steps: [
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 100 },
    { kind: 'advance', ms: 50 },
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 25, note: 'Written, not yet acknowledged' },
    { kind: 'crash', broker: 1, note: 'The leader crashes: those 25 were never acknowledged' },
    { kind: 'advance', ms: 1_500 },
    { kind: 'stop', broker: 3, note: 'ISR = {2}: below min.insync.replicas' },
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 10, note: 'Refused with NotEnoughReplicas' },
    { kind: 'start', broker: 1 },
    { kind: 'start', broker: 3 },
    { kind: 'advance', ms: 200 },
    { kind: 'isolate', broker: 2, note: 'The leader is cut off' },
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 10, note: 'Cannot be acknowledged by an isolated leader' },
    { kind: 'advance', ms: 1_500 },
    { kind: 'heal' },
    { kind: 'advance', ms: 200 },
  ],
  variants: [{ id: 'safe', label: 'acks=all, min.insync.replicas=2', options: {}, expected: { lost: 0, divergentReplicas: 0 } }],
};

export const powerLossEverywhere: Experiment = {
  id: 'power-loss-all-replicas',
  title: 'Even acks=all: a power loss on every replica at once',
  explanation:
    'Kafka acknowledges an acks=all write once every in-sync replica has it in memory (the OS page cache), not on disk: it relies on replication, not fsync, for durability. A process crash keeps the page cache; a power loss does not. If all replicas lose power together, the writes since their last flush are gone even with the safe configuration. That is why replicas belong in separate racks or zones (and why log.flush.interval.* exist). Compare losing one broker with losing all three.',
  watch: ['Event feed: broker crashed, with the unflushed records it lost', 'Lost acknowledged records'],
  options: { ...BASE, crashMode: 'power-loss', flushIntervalMs: 3_600_000 },
  topics: [{ name: T, partitions: 1, replicationFactor: 3, minInsyncReplicas: 2, assignment: [[1, 2, 3]] }],
  steps: [
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 100, note: '100 records, acknowledged by all three replicas' },
    { kind: 'advance', ms: 50 },
    { kind: 'flush', broker: 1, note: 'Every replica flushes them to disk' },
    { kind: 'flush', broker: 2 },
    { kind: 'flush', broker: 3 },
    { kind: 'produce', topic: T, partition: 0, acks: -1, count: 30, note: '30 more, acknowledged, only in memory' },
    { kind: 'advance', ms: 50 },
    { kind: 'crash', broker: 1, note: 'Power loss on broker 1…' },
    { kind: 'crash', broker: 2, note: '…and on broker 2…' },
    { kind: 'crash', broker: 3, note: '…and on broker 3' },
    { kind: 'advance', ms: 1_500 },
    { kind: 'start', broker: 1 },
    { kind: 'start', broker: 2 },
    { kind: 'start', broker: 3 },
    { kind: 'advance', ms: 200 },
  ],
  variants: [{ id: 'all-three', label: 'all replicas lose power', options: {}, expected: { lost: 30, divergentReplicas: 0 } }],
};

export const EXPERIMENTS: readonly Experiment[] = [acksOneLeaderCrash, uncleanElection, isolatedLeader, kip101HighWatermarkTruncation, kip101Divergence, powerLossEverywhere, safeConfiguration];
