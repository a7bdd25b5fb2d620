// The export's way in and out: the HTTP route table, openapi.json (validated with a standard
// OpenAPI parser, summaries = names on the board) and the README's curl examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBoard } from '../model';
import { compileTopology } from '../topology';
import { hostileBoard } from '../topology/testing/hostileBoard';
import { exportProject } from './exportProject';
import { openApiErrors } from './testing/verifyExport';

const example = (name: string) => parseBoard(JSON.parse(readFileSync(join(import.meta.dirname, `../../public/examples/${name}.json`), 'utf8')));
const text = (files: Record<string, string | Uint8Array>, path: string) => String(files[path]);

interface Operation {
  operationId: string;
  summary: string;
  requestBody?: { content: { 'application/json': { schema: { $ref: string } } } };
  responses: Record<string, { headers?: Record<string, unknown>; content?: { 'application/json': { schema: { $ref?: string } } } }>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> };
}

describe('openapi.json', () => {
  it('has one POST per command (summary = its name) and GETs per read model (summary = its name)', async () => {
    const board = example('banking');
    const t = compileTopology(board);
    const doc = JSON.parse(text(await exportProject(board), 'openapi.json')) as OpenApi;
    expect(doc.openapi).toBe('3.1.0');
    const posts = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.post ? [[path, ops.post.summary] as const] : []));
    expect(posts).toEqual(t.commands.map((c) => [`/commands/${c.fileName}`, c.label]));
    const gets = Object.entries(doc.paths).flatMap(([path, ops]) => (ops.get ? [[path, ops.get.summary] as const] : []));
    expect(gets).toEqual([['/commands/{commandId}', 'Command status'], ...t.projectors.flatMap((p) => [[`/read-models/${p.fileName}`, p.label], [`/read-models/${p.fileName}/{id}`, p.label]])]);
    // Nothing else: the document describes exactly what the services serve.
    expect(Object.values(doc.paths).flatMap((ops) => Object.keys(ops)).sort()).toEqual([...posts.map(() => 'post'), ...gets.map(() => 'get')].sort());
    const deposit = doc.paths['/commands/deposit-money']!.post!;
    const schema = doc.components.schemas[deposit.requestBody!.content['application/json'].schema.$ref.split('/').pop()!]!;
    expect(Object.keys(schema.properties)).toEqual(['accountId', 'amount', 'reference']);
    expect(schema.required).toEqual(['accountId', 'amount']);
  });

  it('validates with @readme/openapi-parser for both examples and the hostile-names board', async () => {
    for (const board of [example('banking'), example('ecommerce'), hostileBoard(3, 'perAggregateType'), hostileBoard(2, 'perAggregateInstance')]) {
      const doc = text(await exportProject(board), 'openapi.json');
      expect(await openApiErrors(doc), board.name).toEqual([]);
    }
  }, 60_000);

  it('a broken description fails the validator (so the check above can fail)', async () => {
    const doc = JSON.parse(text(await exportProject(example('banking')), 'openapi.json')) as OpenApi;
    const open = doc.paths['/commands/open-account']!.post!;
    const withBadSummary = { ...doc, paths: { ...doc.paths, '/commands/open-account': { post: { ...open, summary: 42 } } } };
    expect(await openApiErrors(JSON.stringify(withBadSummary))).not.toEqual([]);
    const withMissingSchema = { ...doc, components: { schemas: {} } };
    expect(await openApiErrors(JSON.stringify(withMissingSchema))).not.toEqual([]);
  });

  it('gives every command of the hostile board its own path and summary, even with equal names', async () => {
    const board = hostileBoard(3, 'perAggregateType');
    const t = compileTopology(board);
    const doc = JSON.parse(text(await exportProject(board), 'openapi.json')) as OpenApi;
    const summaries = Object.values(doc.paths).flatMap((ops) => (ops.post ? [ops.post.summary] : []));
    expect(summaries.sort()).toEqual(t.commands.filter((c) => c.topicId !== null).map((c) => c.label).sort());
    const routes = text(await exportProject(board), 'src/api/routes.ts');
    for (const path of Object.keys(doc.paths).filter((p) => !p.endsWith('{id}') && !p.endsWith('{commandId}'))) expect(routes).toContain(`"path": ${JSON.stringify(path)}`);
  });

  it("describes a command's status: each 202 has a Location, and GET /commands/{commandId} answers pending, accepted, rejected or failed", async () => {
    const doc = JSON.parse(text(await exportProject(example('banking')), 'openapi.json')) as OpenApi;
    for (const [path, ops] of Object.entries(doc.paths).filter(([, ops]) => ops.post)) {
      expect(Object.keys(ops.post!.responses['202']!.headers ?? {}), path).toEqual(['Location']);
      // ?wait=<ms>: 200 with the outcome when it comes in time.
      expect(ops.post!.responses['200']!.content!['application/json'].schema.$ref).toBe('#/components/schemas/api.CommandStatus');
    }
    const status = doc.paths['/commands/{commandId}']!.get!;
    expect(status.operationId).toBe('getCommandStatus');
    expect(Object.keys(status.responses)).toEqual(['200', '404']);
    const schema = doc.components.schemas[status.responses['200']!.content!['application/json'].schema.$ref!.split('/').pop()!]!;
    expect((schema.properties.status as { enum: string[] }).enum).toEqual(['pending', 'accepted', 'rejected', 'failed']);
    expect(schema.required).toEqual(['commandId', 'status', 'command', 'aggregateId']);
  });

  it('writes each service\'s outcomes topic: created with the others, written by its command handlers, read by the HTTP API', async () => {
    const files = await exportProject(example('ecommerce'));
    const t = compileTopology(example('ecommerce'));
    const topics = text(files, 'src/platform/topics.ts');
    const routes = text(files, 'src/api/routes.ts');
    const handling = t.services.filter((s) => t.aggregates.some((a) => a.serviceId === s.id) || t.externalSystems.some((x) => x.serviceId === s.id && x.groupId !== null));
    expect(handling.length).toBeGreaterThan(1);
    for (const s of handling) {
      const name = `${s.name}.command-outcomes`;
      expect(topics).toMatch(new RegExp(`"name": "${name.replace(/\./g, '\\.')}",\\s+"role": "outcomes"`));
      expect(text(files, `services/${s.name}/src/service.ts`)).toContain(`export const outcomesTopic = ${JSON.stringify(name)};`);
      expect(routes).toContain(`"service": ${JSON.stringify(s.name)}`);
      expect(routes).toContain(`"outcomesTopic": ${JSON.stringify(name)}`);
    }
    expect(topics).toContain('"cleanup.policy": "compact,delete"');
  });
});

describe('README and routes', () => {
  it("shows a curl example per command of the board, with a body its schema accepts", async () => {
    const board = example('ecommerce');
    const t = compileTopology(board);
    const readme = text(await exportProject(board), 'README.md');
    for (const c of t.commands.filter((x) => x.topicId !== null)) {
      const line = readme.split('\n').find((l) => l.startsWith(`curl -i -X POST http://127.0.0.1:3000/commands/${c.fileName} `));
      expect(line, c.label).toBeDefined();
      const body = JSON.parse(/-d '(.*)'$/.exec(line!)![1]!) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(c.fields.filter((f) => !f.optional).map((f) => f.name).sort());
    }
    expect(readme).toContain('curl -s http://127.0.0.1:3000/read-models/order-status');
    // Polling a command's status, and what each status means.
    expect(readme).toContain('curl -s http://127.0.0.1:3000/commands/<commandId>');
    expect(readme).toContain("curl -s -X POST 'http://127.0.0.1:3000/commands/");
    expect(readme).toContain("?wait=5000' -H 'content-type: application/json' -d '");
    expect(readme).toMatch(/^until curl -s http:\/\/127\.0\.0\.1:3000\/commands\/\$id \| grep -qv '"status":"pending"'; do sleep 0\.2; done$/m);
    for (const status of ['pending', 'accepted', 'rejected', 'failed']) expect(readme).toContain(`| \`${status}\` |`);
    expect(readme).toContain('npm start ');
    expect(readme).toContain('`KAFKA_BROKERS`');
  });

  it('routes each command to the service that handles it and its topic', async () => {
    const routes = text(await exportProject(example('ecommerce')), 'src/api/routes.ts');
    expect(routes).toContain('"path": "/commands/charge-payment"');
    expect(routes).toMatch(/"name": "Charge payment",\s+"type": "ChargePayment",\s+"service": "payment-service",\s+"topic": "payment-service.payment-provider.commands",\s+"keyField": null/);
  });
});
