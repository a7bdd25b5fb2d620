// The HTTP way in and out of the services (described by openapi.json): one POST per command,
// whose body is validated against the command's schema and, when valid, written to the
// command's topic (202 with the command id once the cluster has it, and a Location to ask
// what became of it: GET /commands/{commandId}, or POST with ?wait=<ms> to be answered with the
// outcome itself, 200, when it comes within that time); GET per read model for all rows or one
// row by id. Plain node:http, no framework.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandStatusView, MAX_WAIT_MS } from './commandStatus.js';
import { idFromPayload, payloadProblems } from '../runtime/messages.js';
import type { FieldProblem, Payload, RuntimeField } from '../runtime/messages.js';
import type { ReadModelRow } from '../runtime/projector.js';
import { commandToRecord, HEADER } from '../runtime/wire.js';
import type { Transport } from './transport.js';

export interface CommandRoute {
  /** URL path of the POST operation. */
  readonly path: string;
  /** The command's name on the board. */
  readonly name: string;
  /** Command type (the command-type header). */
  readonly type: string;
  /** Service whose aggregate or external system handles it. */
  readonly service: string;
  readonly topic: string;
  /** Payload field carrying the aggregate id (the record key); null: the command id is the key. */
  readonly keyField: string | null;
  readonly fields: readonly RuntimeField[];
  /** Topic where the handler writes each command's outcome (commandStatus.ts). */
  readonly outcomesTopic: string;
}

export interface ReadModelRoute {
  /** URL path of the GET operations (all rows; one row at path/{id}). */
  readonly path: string;
  /** The read model's name on the board. */
  readonly name: string;
  /** Read model type: the key of the service's tables. */
  readonly readModel: string;
  readonly service: string;
}

export interface ReadModelSource {
  get(id: string): ReadModelRow | undefined;
  all(): ReadModelRow[];
}

export interface HttpApiOptions {
  readonly port: number;
  readonly host: string;
  /** Sends accepted commands. */
  readonly transport: Transport;
  readonly commands: readonly CommandRoute[];
  readonly readModels: readonly { readonly route: ReadModelRoute; readonly source: ReadModelSource }[];
}

/** Path of a command's status: GET /commands/{commandId}. */
export function commandStatusPath(commandId: string): string {
  return `/commands/${encodeURIComponent(commandId)}`;
}

export interface HttpApi {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(message);
  }
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.', [{ field: '', message: 'must be a JSON object' }]);
  }
}

export async function startHttpApi(options: HttpApiOptions): Promise<HttpApi> {
  const commands = new Map(options.commands.map((c) => [c.path, c]));
  const readModels = new Map(options.readModels.map((r) => [r.route.path, r]));
  const statuses = new CommandStatusView(options.transport, [...new Set(options.commands.map((c) => c.outcomesTopic))]);
  const following = await statuses.start(`http-api.command-outcomes.${randomUUID()}`);

  async function postCommand(route: CommandRoute, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    const waitText = query.get('wait');
    const wait = waitText === null ? 0 : Number(waitText);
    if (!(Number.isInteger(wait) && wait >= 0 && wait <= MAX_WAIT_MS)) {
      throw new HttpError(400, `wait is the longest to wait for the outcome, in milliseconds.`, [{ field: 'wait', message: `must be a whole number from 0 to ${MAX_WAIT_MS}` }]);
    }
    const body = await readJson(req);
    const problems = payloadProblems(route.fields, body);
    if (problems.length > 0) throw new HttpError(400, `${route.name}: the command is invalid.`, problems);
    const payload = body as Payload;
    const commandId = randomUUID();
    const aggregateId = idFromPayload(payload, route.keyField) ?? commandId;
    const record = commandToRecord({ type: route.type, aggregateId, payload });
    try {
      await options.transport.send(route.topic, [{ ...record, headers: { ...record.headers, [HEADER.commandId]: commandId } }]);
    } catch (err) {
      throw new HttpError(503, `Kafka did not accept the command, retry later: ${err instanceof Error ? err.message : String(err)}`);
    }
    statuses.sent(commandId, route.type, aggregateId);
    const outcome = wait > 0 ? await statuses.decided(commandId, wait) : undefined;
    if (outcome) reply(res, 200, outcome, { location: commandStatusPath(commandId) });
    else reply(res, 202, { commandId, aggregateId }, { location: commandStatusPath(commandId) });
  }

  /** GET /commands/{commandId}: its outcome, or 404 for an id this process has no outcome or pending entry for. */
  function getCommandStatus(path: string, res: ServerResponse): boolean {
    if (!path.startsWith('/commands/') || path.indexOf('/', '/commands/'.length) !== -1) return false;
    const commandId = decodeURIComponent(path.slice('/commands/'.length));
    const outcome = statuses.get(commandId);
    if (outcome) reply(res, 200, outcome);
    else reply(res, 404, { message: `No command ${JSON.stringify(commandId)} is known here: its outcome is kept for the last commands only, and a command sent through another process is known once handled.`, errors: [] });
    return true;
  }

  function getReadModel(path: string, res: ServerResponse): boolean {
    const whole = readModels.get(path);
    if (whole) {
      reply(res, 200, whole.source.all());
      return true;
    }
    const slash = path.lastIndexOf('/');
    const one = readModels.get(path.slice(0, slash));
    if (!one) return false;
    const id = decodeURIComponent(path.slice(slash + 1));
    const row = one.source.get(id);
    if (row) reply(res, 200, row);
    else reply(res, 404, { message: `${one.route.name} has no row ${JSON.stringify(id)} (yet).`, errors: [] });
    return true;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const handle = async (): Promise<void> => {
      const command = commands.get(path);
      if (command) {
        if (req.method !== 'POST') throw new HttpError(405, `${path} accepts POST only.`);
        return postCommand(command, req, res, url.searchParams);
      }
      if (req.method === 'GET' && (getReadModel(path, res) || getCommandStatus(path, res))) return;
      throw new HttpError(404, `No operation at ${req.method ?? ''} ${path}: see openapi.json.`);
    };
    handle().catch((err: unknown) => {
      if (err instanceof HttpError) reply(res, err.status, { message: err.message, errors: err.errors });
      else reply(res, 500, { message: err instanceof Error ? err.message : String(err), errors: [] });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await following.stop();
    },
  };
}
