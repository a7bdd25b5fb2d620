// What every number in the simulation dock counts, in one place: the counters' and columns'
// tooltips (title, which is also their accessible description) and the dock's Help tab read
// these texts, so a tooltip and the help never say two different things.

/** Offsets are committed this often by the services' consumers (kafkajs's and Java's default). */
export const AUTO_COMMIT_INTERVAL_S = 5;

export const COUNTER_HELP = {
  'Produced records':
    'Records written to partition leaders, over every topic: commands, events and read-model rows.',
  'Acknowledged records':
    'Records the producer was told are stored (with acks=all: once every in-sync replica has them). Lags Produced by the writes still waiting for their replicas.',
  'Written, not acknowledged':
    'Records a leader wrote whose send ended without an acknowledgement: acks=0, a request timeout, or a leader change after the write (e.g. an isolated leader). The producer sent them again (Retried sends) or gave up (Failed sends); the copy written first may stay in the log or be truncated away. Produced = Acknowledged + this + sends still waiting for their answer.',
  'Consumed records':
    'Records delivered to consumers, counted once per consumer group: every group reads every record of its topics, so this is usually larger than Produced.',
  'Lost acknowledged records':
    'Records a producer was told are stored and that no replica holds any more (lost in an unclean election or a truncation). Kafka with acks=all and min.insync.replicas ≥ 2 keeps this at 0.',
  'Duplicates delivered':
    'Records delivered again to the same group, e.g. after a rebalance or a crash, when the offset had not been committed yet (at-least-once delivery).',
  'Retried sends':
    'Sends the leader refused and the producer tried again (retry.backoff.ms): no leader, a stopped broker, or fewer in-sync replicas than min.insync.replicas with acks=all.',
  'Failed sends': 'Sends that ended in an error: refused after the append, or still refused when delivery.timeout.ms (120 s) ran out.',
  'Rejected commands':
    'Commands the board’s rules turned down: every outcome of the command has a guard and none of them admits it (e.g. a withdrawal beyond the balance with no “otherwise” outcome). Nothing is written for them; the exported services log the same reason.',
  'Written by old producers':
    'Old and new producers side by side (Run settings): events written with the earlier registered schema version of their event, as a producer not yet upgraded writes them. New consumers read them through Avro schema resolution.',
  'Read by old consumers':
    'Deliveries of events that a consumer still on the earlier schema version could read too (its reader schema resolved against the writer’s).',
  'Unreadable to old consumers':
    'Deliveries of events that a consumer on the earlier schema version could not read: the new version dropped a field the old one requires without a default (a FORWARD break).',
} as const;

export type CounterName = keyof typeof COUNTER_HELP;

export const PARTITION_COLUMN_HELP = {
  Partition: 'Topic name and partition number.',
  Leader: 'The broker that takes the writes and serves the reads of this partition; "none" when no replica can lead (the partition is offline).',
  Replicas: 'The brokers that hold a copy of this partition (its replication factor is how many).',
  ISR: 'In-sync replicas: the replicas that have every acknowledged record. A replica that falls behind or stops leaves the ISR, and rejoins once it has caught up.',
  'Min ISR':
    'min.insync.replicas: with acks=all, the leader refuses writes while the ISR has fewer replicas than this (NotEnoughReplicas), so an acknowledged record is always on at least this many brokers.',
  'Log start': 'The first offset still kept: retention (or the simulator’s memory budget) deletes older segments.',
  'High watermark': 'The offset up to which every in-sync replica has the records: consumers read only below it.',
  'Log end': 'The offset the leader writes next. Log end − high watermark is what followers have not copied yet.',
  Writes: 'Whether the leader accepts writes with the run’s acks: refused while it has no leader, or with acks=all while the ISR is below min.insync.replicas.',
} as const;

export type PartitionColumn = keyof typeof PARTITION_COLUMN_HELP;

export const ASSIGNMENT_COLUMN_HELP = {
  Member: 'The consumer (one per service instance in each group) that owns the partition.',
  Partition: 'The topic partition assigned to the member by the group’s assignor.',
  Committed: `The group's committed offset: the next record it will read after a restart. Committed every ${AUTO_COMMIT_INTERVAL_S} s, so it moves in steps.`,
  'Log end':
    'What Kafka’s kafka-consumer-groups tool calls LOG-END-OFFSET: the high watermark, the end of what a consumer may read (records not yet on every in-sync replica are not counted).',
  Lag: 'Log end − committed: records the group has still to read, or has read but not committed yet.',
  Health:
    "The partition's lag health by LinkedIn Burrow's rules over its last 10 commits: OK, WARN (lag never going down), STOP (no commits while lagging), STALL (the same offset committed again and again) or REWIND (commits going backwards).",
} as const;

export type AssignmentColumn = keyof typeof ASSIGNMENT_COLUMN_HELP;

export const LAG_CHART_NOTE = `Lag is high watermark − committed offset. Offsets are committed every ${AUTO_COMMIT_INTERVAL_S} s, so a group's lag climbs between commits and drops at each one: the saw-tooth is normal; a line that keeps rising is a group that cannot keep up.`;

/** The Help tab: what the numbers mean, in the order a newcomer meets them. */
export const HELP_SECTIONS: readonly { title: string; text: string }[] = [
  {
    title: 'Why is Consumed larger than Produced?',
    text: 'Every consumer group reads every record of the topics it subscribes to. Three groups reading one event topic consume each event three times.',
  },
  {
    title: 'Why does lag swing up and down?',
    text: LAG_CHART_NOTE,
  },
  {
    title: 'Why is the run stuck?',
    text: 'With acks=all, a leader refuses writes while its partition has fewer in-sync replicas than min.insync.replicas. Producers retry ("Retried sends" climbs) and no command completes until a broker comes back. The status line and the Writes column of the Partitions table say when this happens. Start a broker again, or lower min.insync.replicas or choose acks=1 (and accept that a leader crash can then lose acknowledged records).',
  },
  {
    title: 'Acknowledged, lost and duplicated',
    text: `${COUNTER_HELP['Acknowledged records']} ${COUNTER_HELP['Lost acknowledged records']} ${COUNTER_HELP['Duplicates delivered']}`,
  },
  {
    title: 'Run settings',
    text: 'Brokers and min.insync.replicas apply when the run starts: change them, then press Restart. Speed, commands per second, keys and acks apply at once.',
  },
];
