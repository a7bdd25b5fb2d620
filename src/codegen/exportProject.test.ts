import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compileTopology } from '../topology';
import { bankingBoard } from '../topology/testing/bankingBoard';
import { BoardBuilder, field } from '../topology/testing/boardBuilder';
import { hostileBoard, HOSTILE_NAMES } from '../topology/testing/hostileBoard';
import { ExportBlockedError } from './errors';
import { exportProject } from './exportProject';
import { exportZip } from './exportZip';
import { AVSC_VERSION, KAFKA_CLIENTS } from './clients';
import { KAFKA_IMAGE } from './project/rootFiles';
import { RUNTIME_SOURCES } from './sources';
import { asyncApiErrors } from './testing/verifyExport';
import { outcomesTopics } from './service/outcomesTopic';

const text = (files: Record<string, string | Uint8Array>, path: string): string => {
  const f = files[path];
  if (f === undefined) throw new Error(`no file ${path}; have ${Object.keys(files).join(', ')}`);
  return typeof f === 'string' ? f : strFromU8(f);
};

describe('exportProject on the banking board', async () => {
  const files = await exportProject(bankingBoard());
  const paths = Object.keys(files);

  it('lays out one folder per service with aggregates, policies, projectors, schemas and tests', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'package.json',
        'tsconfig.json',
        'README.md',
        'docker-compose.yml',
        'asyncapi.json',
        'scripts/create-topics.ts',
        'openapi.json',
        'src/main.ts',
        'src/start.cts',
        'src/api/routes.ts',
        'src/platform/transport.ts',
        'src/platform/kafkaTransport.ts',
        'src/platform/kafkaLibrary.ts',
        'src/platform/httpApi.ts',
        'src/platform/memoryTransport.ts',
        'src/platform/topics.ts',
        'services/account-service/src/messages.ts',
        'services/account-service/src/aggregates/account.ts',
        'services/account-service/src/projectors/account-balances.ts',
        'services/account-service/src/systems/card-network.ts',
        'services/account-service/src/service.ts',
        'services/account-service/src/main.ts',
        'services/account-service/src/start.cts',
        'services/account-service/schemas/money-deposited.schema.json',
        'services/account-service/schemas/money-deposited.avsc',
        'services/account-service/test/account.test.ts',
        'services/alerts/src/policies/notify-on-rejection.ts',
        'services/alerts/test/alert.test.ts',
      ]),
    );
  });

  it('embeds the shared runtime verbatim', () => {
    for (const [name, source] of Object.entries(RUNTIME_SOURCES)) expect(files[`src/runtime/${name}`]).toBe(source);
  });

  it("pins Confluent's client by default, native TypeScript and node types, with typecheck/test/build/start scripts", () => {
    const pkg = JSON.parse(text(files, 'package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string>; type: string; allowScripts: Record<string, boolean> };
    expect(pkg.dependencies).toEqual({ '@confluentinc/kafka-javascript': KAFKA_CLIENTS.confluent.version, '@confluentinc/schemaregistry': KAFKA_CLIENTS.confluent.registry.version, avsc: AVSC_VERSION });
    // npm 11 skips a dependency's install script unless allowed: without it the native addon is missing.
    expect(pkg.allowScripts).toEqual({ [`@confluentinc/kafka-javascript@${KAFKA_CLIENTS.confluent.version}`]: true });
    expect(pkg.scripts.start).toBe('tsc -p tsconfig.json && node dist/src/start.cjs');
    expect(pkg.scripts['start:account-service']).toBe('tsc -p tsconfig.json && node dist/services/account-service/src/start.cjs');
    expect(pkg.devDependencies.typescript).toMatch(/^\^7/);
    expect(pkg.devDependencies['@types/node']).toBeDefined();
    expect(pkg.scripts.typecheck).toBe('tsc -p tsconfig.json --noEmit');
    expect(pkg.scripts.test).toMatch(/node --test/);
    expect(pkg.scripts.build).toBeDefined();
    expect(pkg.type).toBe('module');
    const ts = JSON.parse(text(files, 'tsconfig.json')) as { compilerOptions: Record<string, unknown> };
    expect(ts.compilerOptions).toMatchObject({ strict: true, noUncheckedIndexedAccess: true });
  });

  it("wires Confluent's client with an idempotent producer, acks=all and the topology group ids", () => {
    const kafka = text(files, 'src/platform/kafkaLibrary.ts');
    expect(kafka).toContain("import confluent from '@confluentinc/kafka-javascript';");
    expect(kafka).toMatch(/producer\(\{ kafkaJS: \{ idempotent: true, acks: -1 \} \}\)/);
    const agg = text(files, 'services/account-service/src/aggregates/account.ts');
    expect(agg).toContain('export const groupId = "account-service.account.handler";');
    expect(agg).toContain('export const commandTopic = "account-service.account.commands";');
    expect(text(files, 'services/alerts/src/policies/notify-on-rejection.ts')).toContain('"alerts.notify-on-rejection.policy"');
  });

  it('writes every topic with partitions, replication factor and cleanup policy for the topic script', () => {
    const topics = text(files, 'src/platform/topics.ts');
    expect(topics).toContain('"name": "account-service.account.events"');
    expect(topics).toContain('"partitions": 12');
    expect(topics).toContain('"cleanup.policy": "compact"');
    expect(text(files, 'scripts/create-topics.ts')).toMatch(/admin\.createTopics/);
    expect(text(files, 'scripts/create-topics.ts')).toContain("'min.insync.replicas': String(Math.min(MIN_INSYNC_REPLICAS, replicationFactor))");
    expect(topics).toContain('export const MIN_INSYNC_REPLICAS = 2;');
    expect(text(files, 'docker-compose.yml')).toContain(`image: ${KAFKA_IMAGE}`);
    expect(text(files, 'docker-compose.yml')).toContain('KAFKA_PROCESS_ROLES: broker,controller');
  });

  it('writes JSON Schema and Avro per event from the payload fields', () => {
    const json = JSON.parse(text(files, 'services/account-service/schemas/withdrawal-rejected.schema.json')) as Record<string, unknown>;
    expect(json).toMatchObject({
      title: 'WithdrawalRejected',
      type: 'object',
      required: ['accountId', 'reason'],
      properties: { reason: { type: 'string', enum: ['INSUFFICIENT_FUNDS', 'ACCOUNT_FROZEN'] } },
      additionalProperties: false,
    });
    const avsc = JSON.parse(text(files, 'services/account-service/schemas/money-deposited.avsc')) as { fields: unknown[] };
    expect(avsc.fields).toEqual([
      { name: 'accountId', type: 'string' },
      { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
      { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
    ]);
  });

  it("carries each event's registered schema versions and its subject and level in schemas/registry.json", async () => {
    const board = bankingBoard();
    const deposited = board.elements.find((e) => e.kind === 'event' && e.text === 'Money deposited')!;
    if (deposited.kind !== 'event') throw new Error('not an event');
    const v1 = deposited.fields.map((f) => ({ ...f }));
    deposited.schemaVersions = [{ fields: v1 }, { fields: [...v1, { name: 'channel', type: 'string', optional: true, doc: '' }] }];
    deposited.compatibility = 'FULL';
    const out = await exportProject(board, { yieldBetweenServices: false });
    const dir = 'services/account-service/schemas';
    const registry = JSON.parse(text(out, `${dir}/registry.json`)) as { subjectNameStrategy: string; subjects: { event: string; subject: string; compatibility: string; registered: string[]; current: string }[] };
    expect(registry.subjectNameStrategy).toBe('TopicRecordNameStrategy');
    const entry = registry.subjects.find((x) => x.event === 'MoneyDeposited')!;
    expect(entry).toEqual({ event: 'MoneyDeposited', subject: expect.stringMatching(/-stormbench\.accountService\.MoneyDeposited$/), compatibility: 'FULL', registered: ['money-deposited.v1.avsc', 'money-deposited.v2.avsc'], current: 'money-deposited.avsc' });
    const v2 = JSON.parse(text(out, `${dir}/money-deposited.v2.avsc`)) as { name: string; fields: { name: string }[] };
    expect(v2.name).toBe('MoneyDeposited');
    expect(v2.fields.map((f) => f.name)).toEqual(['accountId', 'amount', 'at', 'channel']);
    expect(text(out, `${dir}/money-deposited.v1.avsc`)).toBe(text(out, `${dir}/money-deposited.avsc`));
    // Events no version was registered for still get their subject, with nothing registered yet.
    expect(registry.subjects.find((x) => x.event === 'WithdrawalRejected')).toMatchObject({ compatibility: 'BACKWARD', registered: [] });
    // What the services register at start-up (src/platform/eventSchemas.ts): the same subject, level and schemas, registered versions first.
    const module = text(out, 'src/platform/eventSchemas.ts');
    const listed = JSON.parse(/EVENT_SCHEMAS: readonly EventSchema\[\] = (\[[\s\S]*\]);/.exec(module.replace(/,\n\]/, '\n]'))![1]!) as { eventType: string; subject: string; compatibility: string; versions: string[] }[];
    const own = listed.find((x) => x.eventType === 'MoneyDeposited')!;
    expect(own).toMatchObject({ subject: entry.subject, compatibility: 'FULL' });
    expect(own.versions.map((v) => JSON.parse(v) as unknown)).toEqual(['money-deposited.v1.avsc', 'money-deposited.v2.avsc', 'money-deposited.avsc'].map((f) => JSON.parse(text(out, `${dir}/${f}`)) as unknown));
    const allSubjects = Object.keys(out).filter((p) => p.endsWith('/schemas/registry.json')).flatMap((p) => (JSON.parse(text(out, p)) as { subjects: { subject: string }[] }).subjects.map((x) => x.subject));
    expect(listed.map((x) => x.subject).sort()).toEqual(allSubjects.sort());
    // Decimals are written with the engine's own conversion, carried verbatim.
    expect(text(out, 'src/platform/decimalBytes.ts')).toBe(readFileSync(join(import.meta.dirname, '../lib/decimalBytes.ts'), 'utf8'));
  });

  it('describes the system in AsyncAPI 3.0: channels are topics, operations per service', async () => {
    const doc = JSON.parse(text(files, 'asyncapi.json')) as { asyncapi: string; channels: Record<string, unknown>; operations: Record<string, { action: string }> };
    expect(doc.asyncapi).toBe('3.0.0');
    // Every topic of the board, and each command-handling service's outcomes topic.
    const t = compileTopology(bankingBoard());
    expect(Object.keys(doc.channels).sort()).toEqual([...t.topics.map((x) => x.name), ...outcomesTopics(t).map((o) => o.name)].sort());
    expect(outcomesTopics(t).length).toBeGreaterThan(0);
    expect(doc.operations['account-service.receive.account-service.account.commands']?.action).toBe('receive');
    expect(doc.operations['alerts.send.alerts.alert.commands']?.action).toBe('send');
    expect(await asyncApiErrors(text(files, 'asyncapi.json'))).toEqual([]);
    // The validator does catch a broken description (so the line above can fail).
    expect(await asyncApiErrors(JSON.stringify({ ...doc, operations: { x: { action: 'send', channel: { $ref: '#/channels/nope' } } } }))).not.toEqual([]);
  }, 60_000);

  it('is deterministic', async () => {
    expect(await exportProject(bankingBoard())).toEqual(files);
  });
});

describe('export safety and flow', () => {
  it('refuses a board with compile errors and lists them', async () => {
    const b = new BoardBuilder();
    b.chain(b.event('Order paid', [field('orderId')]), b.policy('Ship when paid'));
    const err = await exportProject(b.build()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExportBlockedError);
    expect((err as ExportBlockedError).problems.map((p) => p.code)).toEqual(['event-without-producer', 'policy-without-command']);
    expect((err as Error).message).toMatch(/Policy 'Ship when paid' issues no command/);
  });

  it('refuses a board with nothing to export', async () => {
    const err = await exportProject(new BoardBuilder().build()).catch((e: unknown) => e);
    expect((err as ExportBlockedError).problems.map((p) => p.code)).toEqual(['nothing-to-export']);
  });

  it('writes a service test per service that exercises its policies and read models', async () => {
    const files = await exportProject(bankingBoard());
    const alerts = text(files, 'services/alerts/test/service.test.ts');
    expect(alerts).toContain('policy Notify on rejection: its triggering event leads to its commands');
    expect(alerts).toContain('"event-type": "WithdrawalRejected"');
    expect(text(files, 'services/account-service/test/service.test.ts')).toContain('read model Account balances: an event upserts its row');
  });

  it('reports progress per service and yields in between', async () => {
    const seen: string[] = [];
    await exportProject(bankingBoard(), { onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.step}`) });
    expect(seen).toEqual(['0/3 project files', '1/3 service account-service', '2/3 service alerts', '3/3 done']);
  });

  it('never writes hostile text outside string literals or comments', async () => {
    const files = await exportProject(hostileBoard(3));
    const risky = HOSTILE_NAMES.filter((n) => /[`$"'*]|\n/.test(n));
    for (const [path, content] of Object.entries(files)) {
      if (!path.endsWith('.ts') || path.startsWith('src/runtime/') || path.startsWith('src/platform/')) continue;
      const code = String(content)
        .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
        .replace(/\/\/.*$/gm, '')
        .replace(/\/\*[\s\S]*?\*\//g, '');
      for (const name of risky) expect(code.includes(name), `${path} contains ${JSON.stringify(name)} in code`).toBe(false);
      expect(code, path).not.toMatch(/process\.exit\(1\)|alert\(1\)|rm -rf/);
    }
  });

  it('zips the same files under a project folder', async () => {
    const board = bankingBoard();
    const files = await exportProject(board);
    const unzipped = unzipSync(await exportZip(board));
    expect(Object.keys(unzipped).sort()).toEqual(Object.keys(files).map((p) => `banking/${p}`).sort());
    expect(strFromU8(unzipped['banking/package.json']!)).toBe(files['package.json']);
  });
});
