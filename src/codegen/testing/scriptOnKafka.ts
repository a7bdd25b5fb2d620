// A scripted command sequence on the exported services and a real Kafka: export and install the
// board with a client, create its topics, start every service (`npm start`), send the script's
// commands over HTTP one after the other (each answered 202 before the next, so an aggregate's
// commands reach its partition in script order), wait until nothing changes any more, and read
// what the run ended with: each aggregate's events from its event topic, each read model's rows
// over HTTP. The simulator's counterpart is src/sim/testing/scriptedRun.ts. Node only.
import type { Board } from '../../model';
import { compileTopology } from '../../topology';
import type { RunEnd, ScriptedCommand } from '../../lib/testing/runEnd';
import type { KafkaClientChoice } from '../clients';
import { createGenContext } from '../genContext';
import { httpRoutes } from '../http/httpRoutes';
import { createTopics, installExport, startServices } from './exportOnKafka';
import type { InstalledExport, RunningServices } from './exportOnKafka';
import { cleanCluster, inspector, readTopics } from './kafkaScenario';

const SETTLE_TIMEOUT_MS = 120_000;
const QUIET_POLLS = 4;

export async function runScriptOnKafka(board: Board, client: KafkaClientChoice, brokers: string, script: readonly ScriptedCommand[]): Promise<RunEnd> {
  const t = compileTopology(board);
  const routes = httpRoutes(createGenContext(t));
  const kafka = inspector(brokers);
  const admin = kafka.admin();
  await admin.connect();
  let project: InstalledExport | null = null;
  let services: RunningServices | null = null;
  try {
    project = await installExport(board, client);
    await createTopics(project, brokers);
    services = await startServices(project, brokers);
    for (const [i, c] of script.entries()) {
      const route = routes.commands.find((r) => r.command.typeName === c.type)!;
      const res = await fetch(`${services.url}${route.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c.payload) });
      if (res.status !== 202) throw new Error(`command ${i} (${c.type}) was answered ${res.status}: ${await res.text()}`);
    }
    const eventTopics = t.topics.filter((x) => x.role === 'events').map((x) => x.name);
    const read = async (): Promise<RunEnd> => {
      const streams: RunEnd['streams'] = {};
      for (const r of await readTopics(kafka, eventTopics)) {
        const k = `${r.headers['aggregate-type']}|${r.headers['aggregate-id']}`;
        (streams[k] ??= []).push({ version: Number(r.headers['aggregate-version']), type: r.headers['event-type']!, payload: JSON.parse(r.value) as Record<string, unknown> });
      }
      const tables: RunEnd['tables'] = {};
      for (const r of routes.readModels) {
        const rows = (await (await fetch(`${services!.url}${r.path}`)).json()) as { id: string; version: number; lastEvent: string; fields: Record<string, unknown> }[];
        tables[r.projector.typeName] = rows.map(({ id, version, lastEvent, fields }) => ({ id, version, lastEvent, fields })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }
      return { streams, tables };
    };
    // Settled: at least one event per command, and nothing changed over QUIET_POLLS reads 1.5 s apart.
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let last = '';
    for (let quiet = 0; quiet < QUIET_POLLS; ) {
      if (Date.now() > deadline) throw new Error(`the exported services did not settle within ${SETTLE_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 1_500));
      const end = await read();
      const events = Object.values(end.streams).reduce((n, s) => n + s.length, 0);
      const now = JSON.stringify(end);
      quiet = events >= script.length && now === last ? quiet + 1 : 0;
      last = now;
    }
    return JSON.parse(last) as RunEnd;
  } finally {
    await services?.stop();
    project?.remove();
    await cleanCluster(admin, t).catch(() => undefined);
    await admin.disconnect();
  }
}
