// The simulator's side of the Kafka benchmark (bench/exportKafka.node.ts): the same board and
// command rate on the simulator at 1× (one simulated second per wall second; the run's figures
// are in simulated time, which is what a workshop sees at 1×), on one broker as the real
// single-node Kafka, with the actors' commands spread over the same number of aggregate ids.
// Measured from the run's own cluster, as the Kafka side measures from the broker: records
// written, command-to-read-model latency (a command record's timestamp to the moment a
// projector folded the event it caused into a row), and the groups' lag.
import { SIM_EPOCH_MS, Simulation } from '../../src/sim';
import { recordText, forEachStoredRecord } from '../../src/sim/storedRecords';
import { decidedBenchBoard } from './decidedBenchBoard';

export interface RunFigures {
  accepted: number;
  loadS: number;
  records: number;
  recordsInLoad: number;
  /** From the start of the load to the last record written. */
  flowS: number;
  /** Command-to-read-model latencies in ms, sorted. */
  latencies: number[];
  lagAtEnd: number;
  lagDrained: number;
  /** Records written per topic. */
  perTopic: Record<string, number>;
  /** How far the simulator fell behind 1× at worst (ms of wall time past the simulated time). */
  behindMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function simAtOneX(rate: number, seconds: number, aggregateIds: number): Promise<RunFigures> {
  const sim = new Simulation(decidedBenchBoard(), { seed: 1, commandsPerSecond: 0, brokers: 1, replicationFactor: 1, minInsyncReplicas: 1, aggregateIds, speed: 1 });
  await sim.start();
  const t = sim.topology;
  // When each event (aggregate type, id, version) was first folded into a read-model row.
  const foldedAt = new Map<string, number>();
  for (const table of sim.tables.values()) {
    const upsert = table.upsert.bind(table);
    table.upsert = (e) => {
      const k = `${e.aggregateType}|${e.aggregateId}|${e.version}`;
      if (!foldedAt.has(k)) foldedAt.set(k, SIM_EPOCH_MS + sim.now);
      return upsert(e);
    };
  }
  let behindMs = 0;
  // Simulated time moves one second per wall second; the simulator waits when it is ahead.
  const paced = async (simSeconds: number, until?: () => boolean) => {
    const wall0 = performance.now();
    for (let i = 0; i < simSeconds && !until?.(); i++) {
      await sim.advance(1000);
      const ahead = wall0 + (i + 1) * 1000 - performance.now();
      if (ahead > 0) await sleep(ahead);
      else behindMs = Math.max(behindMs, -ahead);
    }
  };
  await paced(3); // the groups form (group.initial.rebalance.delay.ms) before any command
  const loadStart = SIM_EPOCH_MS + sim.now;
  sim.setRate(rate);
  await paced(seconds);
  sim.setRate(0);
  const loadEnd = SIM_EPOCH_MS + sim.now;
  const totalLag = () => sim.snapshot().groups.reduce((n, g) => n + g.totalLag, 0);
  const lagAtEnd = totalLag();
  await paced(300, () => totalLag() === 0);
  const lagDrained = totalLag();
  sim.pause();

  // Read the board's topics back from the run's one broker.
  const cluster = sim.clusterForTests!;
  const boardTopics = new Set(t.topics.map((x) => x.name));
  let records = 0;
  let recordsInLoad = 0;
  const perTopic: Record<string, number> = {};
  let last = loadStart;
  const commandTopics = new Set(t.aggregates.map((a) => t.topics.find((x) => x.id === a.commandTopicId)?.name));
  // Each aggregate's commands in the order its partition holds them: the n-th caused version n.
  const sentAt = new Map<string, number[]>();
  for (const [name, topic] of cluster.engine.topics) {
    if (!boardTopics.has(name)) continue;
    for (const p of topic.partitions) {
      await forEachStoredRecord(cluster.engine.leaderLog(p), (r) => {
        records++;
        perTopic[name] = (perTopic[name] ?? 0) + 1;
        if (r.timestamp >= loadStart && r.timestamp <= loadEnd) recordsInLoad++;
        last = Math.max(last, r.timestamp);
        if (!commandTopics.has(name)) return;
        const { headers } = recordText(r);
        const type = t.aggregates.find((a) => t.topics.find((x) => x.id === a.commandTopicId)?.name === name)!.typeName;
        const k = `${type}|${headers['aggregate-id']}`;
        sentAt.set(k, [...(sentAt.get(k) ?? []), r.timestamp]);
      });
    }
  }
  // The actors' commands only (those no policy issues), as the Kafka side sends over HTTP.
  const issued = new Set(t.policies.flatMap((p) => p.commands));
  const actorAggregates = new Set(t.commands.filter((c) => !issued.has(c.elementId)).map((c) => t.aggregates.find((a) => a.commandTopicId === c.topicId)?.typeName));
  const latencies: number[] = [];
  let accepted = 0;
  for (const [k, times] of sentAt) {
    if (!actorAggregates.has(k.slice(0, k.indexOf('|')))) continue;
    accepted += times.length;
    times.forEach((sent, i) => {
      const folded = foldedAt.get(`${k}|${i + 1}`);
      if (folded !== undefined) latencies.push(folded - sent);
    });
  }
  await sim.stop();
  latencies.sort((a, b) => a - b);
  return { accepted, loadS: seconds, records, recordsInLoad, flowS: (last - loadStart) / 1000, latencies, lagAtEnd, lagDrained, perTopic, behindMs };
}
