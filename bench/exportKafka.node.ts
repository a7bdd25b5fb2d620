// The benchmark board's exported services (with a rule deciding "Add item":
// lib/decidedBenchBoard.ts) on a real single-node Kafka 4.4 next to the same board in the
// simulator at 1×: commands at a fixed rate for a while (over the HTTP API on
// Kafka; from the simulator's actors), then, from each side's own cluster, records written per
// second, command-to-read-model latency (from sending the command to the read-model row that
// folded its event) and consumer lag, in one table; and the broker's start-up time and memory.
//   npm run bench -- bench/exportKafka.node.ts [commandsPerSecond=200] [seconds=30] [client=confluent]
import { spawnSync } from 'node:child_process';
import kafkajs from 'kafkajs';
import type { Kafka } from 'kafkajs';
import type { KafkaClientChoice } from '../src/codegen';
import { createGenContext } from '../src/codegen/genContext';
import { httpRoutes } from '../src/codegen/http/httpRoutes';
import { createTopics, installExport, startServices } from '../src/codegen/testing/exportOnKafka';
import { readTopics } from '../src/codegen/testing/kafkaScenario';
import { compileTopology, runtime, runtimeFields } from '../src/topology';
import { decidedBenchBoard } from './lib/decidedBenchBoard';
import { simAtOneX, type RunFigures } from './lib/simAtOneX';
// @ts-expect-error a plain ES module without types
import { startKafka } from '../scripts/kafka/startKafka.mjs';

const { Kafka: KafkaClient, logLevel } = kafkajs;
const ID_COUNT = 1000;
const IN_FLIGHT = 32;
const NOW = 1_700_000_000_000;

interface LocalKafka {
  bootstrap: string;
  pid(id: number): number | undefined;
  stop(): Promise<void>;
}

/** Resident memory of a process in MB (ps), or NaN when it cannot be read. */
function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return out ? Number(out) / 1024 : NaN;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function groupLag(kafka: Kafka, groups: string[]): Promise<Map<string, number>> {
  const admin = kafka.admin();
  await admin.connect();
  const lag = new Map<string, number>();
  try {
    for (const groupId of groups) {
      let total = 0;
      for (const t of await admin.fetchOffsets({ groupId })) {
        const ends = await admin.fetchTopicOffsets(t.topic);
        for (const p of t.partitions) {
          const end = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0);
          const committed = Number(p.offset) < 0 ? Number(ends.find((e) => e.partition === p.partition)?.low ?? 0) : Number(p.offset);
          total += Math.max(0, end - committed);
        }
      }
      lag.set(groupId, total);
    }
  } finally {
    await admin.disconnect();
  }
  return lag;
}

export async function main(args: string[]): Promise<void> {
  const rate = Number(args[0] ?? 200);
  const seconds = Number(args[1] ?? 30);
  const client = (args[2] ?? 'confluent') as KafkaClientChoice;
  const t = compileTopology(decidedBenchBoard());
  // The simulator first, alone on the machine; then the broker and the services.
  const sim = await simAtOneX(rate, seconds, ID_COUNT);
  const { figures, broker } = await onKafka(rate, seconds, client);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const row = (label: string, f: RunFigures) =>
    `| ${label} | ${rate} | ${fmt(f.accepted)} | ${f.loadS.toFixed(1)} | ${fmt(f.records)} | ${fmt(f.recordsInLoad / f.loadS)} | ${fmt(f.records / f.flowS)} (${f.flowS.toFixed(1)} s) | ${fmt(percentile(f.latencies, 50))} | ${fmt(percentile(f.latencies, 99))} | ${fmt(f.latencies.length)} | ${fmt(f.lagAtEnd)} | ${fmt(f.lagDrained)} |`;
  console.log(`\nnpm run bench -- bench/exportKafka.node.ts ${rate} ${seconds} ${client}`);
  console.log(`benchmark board: ${t.services.map((s) => `${s.name} ×${s.instances}`).join(', ')}; ${t.topics.reduce((n, x) => n + x.partitions, 0)} partitions; ${ID_COUNT.toLocaleString('en-US')} aggregate ids; the actors' commands only\n`);
  console.log('| run | commands/s asked | accepted | load s | records written | records/s while loading | records/s to the last record | latency p50 ms | p99 ms | latencies measured | lag at end of load | lag after drain |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(row(`Kafka 4.4, one broker, ${client === 'confluent' ? "Confluent's client" : 'kafkajs'}`, figures));
  console.log(row('simulator at 1×, one broker', sim));
  console.log('\n| topic | records on Kafka | records in the simulator |\n| --- | --- | --- |');
  for (const x of t.topics) console.log(`| ${x.name} | ${fmt(figures.perTopic[x.name] ?? 0)} | ${fmt(sim.perTopic[x.name] ?? 0)} |`);
  console.log(`\nsimulator: at worst ${fmt(sim.behindMs ?? 0)} ms behind 1×; Kafka: ${figures.refused} commands refused`);
  console.log(`broker: ready in ${broker.startS.toFixed(1)} s; resident memory ${fmt(broker.rssAfterStartMb)} MB after start, ${fmt(broker.rssAfterLoadMb)} MB after the load`);
}

async function onKafka(rate: number, seconds: number, client: KafkaClientChoice): Promise<{ figures: RunFigures & { refused: number }; broker: { startS: number; rssAfterStartMb: number; rssAfterLoadMb: number } }> {
  const board = decidedBenchBoard();
  const t = compileTopology(board);
  const startedBroker = performance.now();
  const local = (await startKafka({ brokers: 1 })) as LocalKafka;
  const brokerStartS = (performance.now() - startedBroker) / 1000;
  const rssAfterStartMb = rssMb(local.pid(1));
  const kafka: Kafka = new KafkaClient({ clientId: 'bench', brokers: local.bootstrap.split(','), logLevel: logLevel.NOTHING });
  const project = await installExport(board, client);
  try {
    await createTopics(project, local.bootstrap);
    const services = await startServices(project, local.bootstrap);
    try {
      // The actors' commands: those no policy issues, about one of ID_COUNT aggregates each.
      const issued = new Set(t.policies.flatMap((p) => p.commands));
      const routes = httpRoutes(createGenContext(t)).commands.filter((r) => !issued.has(r.command.elementId));
      const env = runtime.seededEnv(1, NOW);
      const ids = new Map(
        routes.map((r) => {
          const key = runtimeFields(r.command.fields).find((f) => f.name === r.command.keyField);
          return [r.path, Array.from({ length: ID_COUNT }, () => (key ? String(runtime.generateValue(key, env)) : ''))] as const;
        }),
      );
      const sentAt = new Map<string, number>();
      let refused = 0;
      const total = Math.round(rate * seconds);
      const loadStart = Date.now();
      let next = 0;
      const worker = async () => {
        for (;;) {
          const i = next++;
          if (i >= total) return;
          const due = loadStart + (i * 1000) / rate;
          const wait = due - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const route = routes[i % routes.length]!;
          const key = runtimeFields(route.command.fields).find((f) => f.name === route.command.keyField);
          const id = ids.get(route.path)![Math.floor(env.random() * ID_COUNT)]!;
          const payload = runtime.fillPayload(route.fields, [], key ? { [key.name]: runtime.keyValue(key, id) } : {}, env);
          const at = Date.now();
          const res = await fetch(`${services.url}${route.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
          const body = (await res.json()) as { commandId?: string };
          if (res.status === 202 && body.commandId) sentAt.set(body.commandId, at);
          else refused++;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      const loadS = (Date.now() - loadStart) / 1000;
      const groups = [...t.aggregates.map((a) => a.groupId), ...t.policies.map((p) => p.groupId), ...t.projectors.map((p) => p.groupId)];
      const lagAtEnd = await groupLag(kafka, groups);
      // Let the flow drain, then read everything the services wrote.
      const topics = t.topics.map((x) => x.name);
      let records = await readTopics(kafka, topics);
      for (let quiet = 0; quiet < 3; ) {
        await new Promise((r) => setTimeout(r, 2000));
        const again = await readTopics(kafka, topics);
        quiet = again.length === records.length ? quiet + 1 : 0;
        records = again;
      }
      const lagDrained = await groupLag(kafka, groups);
      // Records written while commands were coming in (by the broker's append time ≈ producer time here).
      const inWindow = records.filter((r) => {
        const ts = Number(r.timestamp);
        return ts >= loadStart && ts <= loadStart + loadS * 1000;
      }).length;
      // Command → event (command-id header) → table record whose folded-up-to passed the event's offset.
      const tables = new Set(t.topics.filter((x) => x.role === 'table').map((x) => x.name));
      // A row's table records in order, per source partition: how far each had folded, and when.
      const folds = new Map<string, { upTo: bigint; ts: number }[]>();
      for (const r of records.filter((x) => tables.has(x.topic))) {
        for (const [at, upTo] of Object.entries(JSON.parse(r.headers['folded-up-to'] ?? '{}') as Record<string, string>)) {
          const k = `${r.key}|${at}`;
          folds.set(k, [...(folds.get(k) ?? []), { upTo: BigInt(upTo), ts: Number(r.timestamp) }]);
        }
      }
      // Until the last record: how long the services took to write everything the load caused.
      const lastTs = Math.max(...records.map((r) => Number(r.timestamp)));
      const flowS = (lastTs - loadStart) / 1000;
      const latencies: number[] = [];
      for (const e of records) {
        const commandId = e.headers['command-id'];
        const sent = commandId === undefined ? undefined : sentAt.get(commandId);
        if (sent === undefined || e.headers['event-type'] === undefined) continue;
        const fold = folds.get(`${e.headers['aggregate-id']}|${e.topic}:${e.partition}`)?.find((f) => f.upTo > BigInt(e.offset));
        if (fold) latencies.push(fold.ts - sent);
      }
      latencies.sort((a, b) => a - b);
      const perTopic: Record<string, number> = {};
      for (const r of records) perTopic[r.topic] = (perTopic[r.topic] ?? 0) + 1;
      const lagSum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
      return {
        figures: { accepted: sentAt.size, refused, loadS, records: records.length, recordsInLoad: inWindow, flowS, latencies, lagAtEnd: lagSum(lagAtEnd), lagDrained: lagSum(lagDrained), perTopic },
        broker: { startS: brokerStartS, rssAfterStartMb, rssAfterLoadMb: rssMb(local.pid(1)) },
      };
    } finally {
      await services.stop();
    }
  } finally {
    project.remove();
    await local.stop();
  }
}
