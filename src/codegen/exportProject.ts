// Board → exported project files. Compiles the board, refuses boards with compile errors
// (ExportBlockedError lists them), then writes the project service by service, yielding to
// the event loop between services so a UI can show progress on large boards.
import type { Board, EventElement } from '../model';
import { compileTopology, scenarioCases, type ScenarioCase } from '../topology';
import type { Topology } from '../topology';
import { asyncApiDocument } from './asyncapi/asyncApi';
import { jsonText } from './emit/escape';
import { ExportBlockedError } from './errors';
import { createGenContext } from './genContext';
import { scenarioService, scenarioTests } from './service/scenarioTests';
import { DEFAULT_KAFKA_CLIENT, KAFKA_CLIENTS } from './clients';
import type { KafkaClientChoice } from './clients';
import { httpRoutes } from './http/httpRoutes';
import { routesModule } from './http/routesModule';
import { openApiDocument } from './openapi/openApi';
import { rootMainModule } from './project/mainModule';
import { startModule } from './project/startModule';
import { readme } from './project/readme';
import { dockerCompose, GITIGNORE, packageJson, tsconfigJson } from './project/rootFiles';
import { topicsModule } from './project/topicsModule';
import { eventSchemasModule, eventSubjects, type EventSubject } from './schemas/eventSchemas';
import { jsonSchemaFile } from './schemas/jsonSchema';
import { aggregateModule } from './service/aggregateModule';
import { aggregateTests } from './service/aggregateTests';
import { mainModule } from './service/mainModule';
import { messagesModule } from './service/messagesModule';
import { serviceDir } from './service/paths';
import { policyModule } from './service/policyModule';
import { projectorModule } from './service/projectorModule';
import { serviceModule } from './service/serviceModule';
import { serviceTests } from './service/serviceTests';
import { systemModule } from './service/systemModule';
import { CREATE_TOPICS_SOURCE, KAFKA_LIBRARY_SOURCES, PLATFORM_SOURCES, REGISTRY_LIBRARY_SOURCES, RUNTIME_SOURCES } from './sources';

export type ExportedFiles = Record<string, string | Uint8Array>;

export interface ExportProgress {
  /** Steps done and total (one per service plus the project files). */
  done: number;
  total: number;
  /** What is being written, e.g. "service account-service". */
  step: string;
}

export interface ExportOptions {
  onProgress?: (progress: ExportProgress) => void;
  /** Yield to the event loop between services (default true). */
  yieldBetweenServices?: boolean;
  /** A compiled topology of the same board, if the caller already has one. */
  topology?: Topology;
  /** Kafka client library of the services (default: Confluent's, librdkafka-based). */
  client?: KafkaClientChoice;
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function serviceFiles(gen: ReturnType<typeof createGenContext>, serviceId: string, files: ExportedFiles, subjectsOf: ReadonlyMap<string, EventSubject>, scenarios: readonly ScenarioCase[]): void {
  const t = gen.t;
  const service = gen.service(serviceId);
  const dir = serviceDir(service);
  files[`${dir}/src/messages.ts`] = messagesModule(gen, service);
  files[`${dir}/src/service.ts`] = serviceModule(gen, service);
  files[`${dir}/src/main.ts`] = mainModule(service);
  files[`${dir}/src/start.cts`] = startModule(`one instance of ${service.name}`);
  files[`${dir}/test/service.test.ts`] = serviceTests(gen, service);
  const own = scenarios.filter((c) => scenarioService(t, c) === service.id);
  if (own.length > 0) files[`${dir}/test/scenarios.test.ts`] = scenarioTests(t, own);
  for (const a of t.aggregates.filter((x) => x.serviceId === service.id)) {
    files[`${dir}/src/aggregates/${a.fileName}.ts`] = aggregateModule(gen, a);
    files[`${dir}/test/${a.fileName}.test.ts`] = aggregateTests(gen, a);
  }
  for (const p of t.policies.filter((x) => x.serviceId === service.id)) files[`${dir}/src/policies/${p.fileName}.ts`] = policyModule(gen, p);
  for (const p of t.projectors.filter((x) => x.serviceId === service.id)) files[`${dir}/src/projectors/${p.fileName}.ts`] = projectorModule(gen, p);
  for (const s of t.externalSystems.filter((x) => x.serviceId === service.id)) files[`${dir}/src/systems/${s.fileName}.ts`] = systemModule(gen, s);
  const subjects: RegistryEntry[] = [];
  for (const e of t.events.filter((x) => x.serviceId === service.id)) {
    files[`${dir}/schemas/${e.fileName}.schema.json`] = `${jsonText(jsonSchemaFile(e.typeName, e.label, e.fields), 2)}\n`;
    const s = subjectsOf.get(e.elementId);
    if (!s) continue;
    files[`${dir}/schemas/${e.fileName}.avsc`] = `${jsonText(s.current, 2)}\n`;
    // The versions registered on the board (the event's schema history), and the subject they go under.
    const versions = s.registered.map((schema, i) => {
      const file = `${e.fileName}.v${i + 1}.avsc`;
      files[`${dir}/schemas/${file}`] = `${jsonText(schema, 2)}\n`;
      return file;
    });
    subjects.push({ event: e.typeName, subject: s.subject, compatibility: s.compatibility, registered: versions, current: `${e.fileName}.avsc` });
  }
  if (subjects.length > 0) files[`${dir}/schemas/registry.json`] = `${jsonText({ subjectNameStrategy: 'TopicRecordNameStrategy', subjects }, 2)}\n`;
}

/** One event's subject in the schema registry, as the board registered it (schemas/registry.json). */
interface RegistryEntry {
  event: string;
  subject: string;
  compatibility: string;
  /** Registered versions, oldest first (files beside this one). */
  registered: string[];
  /** The schema of the board's current fields. */
  current: string;
}

export async function exportProject(board: Board, options: ExportOptions = {}): Promise<ExportedFiles> {
  const t = options.topology ?? compileTopology(board);
  const errors = t.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ExportBlockedError(errors);
  if (t.services.length === 0) {
    throw new ExportBlockedError([
      {
        severity: 'error',
        code: 'nothing-to-export',
        message: 'The board has nothing to export yet: add an aggregate with the commands it handles and the events it produces.',
        elementIds: [],
      },
    ]);
  }
  const gen = createGenContext(t);
  const scenarios = scenarioCases(board, t);
  const events = new Map(board.elements.filter((x): x is EventElement => x.kind === 'event').map((x) => [x.id as string, x]));
  const subjects = eventSubjects(t, events);
  const client = KAFKA_CLIENTS[options.client ?? DEFAULT_KAFKA_CLIENT];
  const routes = httpRoutes(gen);
  const files: ExportedFiles = {};
  const total = t.services.length + 1;
  const report = (done: number, step: string) => options.onProgress?.({ done, total, step });
  report(0, 'project files');
  files['package.json'] = packageJson(t, client);
  files['tsconfig.json'] = tsconfigJson();
  files['README.md'] = readme(t, client, routes);
  files['.gitignore'] = GITIGNORE;
  files['docker-compose.yml'] = dockerCompose();
  files['asyncapi.json'] = `${jsonText(asyncApiDocument(gen), 2)}\n`;
  files['openapi.json'] = `${jsonText(openApiDocument(gen, routes), 2)}\n`;
  files['scripts/create-topics.ts'] = CREATE_TOPICS_SOURCE;
  files['src/main.ts'] = rootMainModule(t);
  files['src/start.cts'] = startModule('every service');
  files['src/api/routes.ts'] = routesModule(routes);
  files['src/platform/topics.ts'] = topicsModule(t);
  files['src/platform/kafkaLibrary.ts'] = KAFKA_LIBRARY_SOURCES[client.id];
  files['src/platform/registryLibrary.ts'] = REGISTRY_LIBRARY_SOURCES[client.id];
  files['src/platform/eventSchemas.ts'] = eventSchemasModule(t, subjects);
  for (const [name, text] of Object.entries(PLATFORM_SOURCES)) files[`src/platform/${name}`] = text;
  for (const [name, text] of Object.entries(RUNTIME_SOURCES)) files[`src/runtime/${name}`] = text;
  for (const [i, service] of t.services.entries()) {
    if (options.yieldBetweenServices !== false) await nextTick();
    report(i + 1, `service ${service.name}`);
    serviceFiles(gen, service.id, files, new Map(subjects.map((s) => [s.elementId, s])), scenarios);
  }
  report(total, 'done');
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
