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
    expect(gets).toEqual(t.projectors.flatMap((p) => [[`/read-models/${p.fileName}`, p.label], [`/read-models/${p.fileName}/{id}`, p.label]]));
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
    for (const path of Object.keys(doc.paths).filter((p) => !p.endsWith('{id}'))) expect(routes).toContain(`"path": ${JSON.stringify(path)}`);
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
    expect(readme).toContain('npm start ');
    expect(readme).toContain('`KAFKA_BROKERS`');
  });

  it('routes each command to the service that handles it and its topic', async () => {
    const routes = text(await exportProject(example('ecommerce')), 'src/api/routes.ts');
    expect(routes).toContain('"path": "/commands/charge-payment"');
    expect(routes).toMatch(/"name": "Charge payment",\s+"type": "ChargePayment",\s+"service": "payment-service",\s+"topic": "payment-service.payment-provider.commands",\s+"keyField": null/);
  });
});
