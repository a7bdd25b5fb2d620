// A Confluent-compatible schema registry on a local port for tests that run exported services:
// Node's http server in front of http/restApi.ts, so every answer comes from the engine's one
// registry (cluster.schemaRegistry). Binds to 127.0.0.1 on a free port. Node only.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SchemaRegistry } from '../schemaRegistry';
import { handleRegistryRequest, REGISTRY_CONTENT_TYPE } from '../http/restApi';

export interface RegistryServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (what SCHEMA_REGISTRY_URL takes). */
  readonly url: string;
  /** Requests answered so far, as "METHOD /path" (to see what a client asked). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export async function startRegistryServer(registry: SchemaRegistry, port = 0): Promise<RegistryServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const text = Buffer.concat(chunks).toString('utf8');
        requests.push(`${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`);
        let reply;
        try {
          reply = await handleRegistryRequest(registry, { method: req.method ?? 'GET', url: req.url ?? '/', body: text ? (JSON.parse(text) as unknown) : undefined });
        } catch (e) {
          reply = { status: e instanceof SyntaxError ? 400 : 500, body: { error_code: e instanceof SyntaxError ? 400 : 50001, message: (e as Error).message } };
        }
        const body = JSON.stringify(reply.body);
        res.writeHead(reply.status, { 'content-type': REGISTRY_CONTENT_TYPE, 'content-length': Buffer.byteLength(body) });
        res.end(body);
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
