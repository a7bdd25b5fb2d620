// openapi.json: an OpenAPI 3.1 description of the export's HTTP API, built from the same route
// table the services serve (http/httpRoutes.ts). Each command's POST operation has the
// command's name on the board as its summary and the command's JSON Schema as its body; each
// read model's GET operations have the read model's name as their summary. GET
// /commands/{commandId} answers what became of a command (the 202's Location).
import { ROW_SCHEMA } from '../asyncapi/asyncApi';
import type { GenContext } from '../genContext';
import { COMMAND_STATUS_PATH, type HttpRoutes } from '../http/httpRoutes';
import { payloadSchema } from '../schemas/jsonSchema';

type Json = Record<string, unknown>;

const json = (schema: Json): Json => ({ 'application/json': { schema } });
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
// Fixed schemas have a dotted name, which no command type name (an identifier) can take.
const ACCEPTED_NAME = 'api.Accepted';
const PROBLEMS_NAME = 'api.Problems';
const ROW_NAME = 'api.Row';
const STATUS_NAME = 'api.CommandStatus';

const PROBLEMS: Json = {
  type: 'object',
  properties: {
    message: { type: 'string' },
    errors: {
      type: 'array',
      description: "One entry per field that breaks the command's schema ('' for the body itself).",
      items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } }, required: ['field', 'message'] },
    },
  },
  required: ['message', 'errors'],
};

const ACCEPTED: Json = {
  type: 'object',
  properties: {
    commandId: { type: 'string', format: 'uuid', description: 'Id of the command; the events it causes carry it in their command-id header.' },
    aggregateId: { type: 'string', description: 'Record key: the aggregate the command is for.' },
  },
  required: ['commandId', 'aggregateId'],
};

const STATUS: Json = {
  type: 'object',
  description: "What became of a command. The handler's outcome reaches every API process through the cluster, whichever process handled it.",
  properties: {
    commandId: { type: 'string' },
    status: {
      type: 'string',
      enum: ['pending', 'accepted', 'rejected', 'failed'],
      description:
        'pending: sent, not handled yet; accepted: decided, its events are written (events); rejected: turned down by the rules or invalid, nothing written (reason); failed: could not be decided and will not be retried, nothing written (reason).',
    },
    command: { type: 'string', description: 'The command type.' },
    aggregateId: { type: 'string' },
    reason: { type: 'string', description: 'Why it was rejected or failed.' },
    events: {
      type: 'array',
      description: 'The events an accepted command caused, with their versions in the aggregate.',
      items: { type: 'object', properties: { type: { type: 'string' }, version: { type: 'integer' }, payload: { type: 'object' } }, required: ['type', 'version', 'payload'] },
    },
  },
  required: ['commandId', 'status', 'command', 'aggregateId'],
};

const WAIT: Json = {
  name: 'wait',
  in: 'query',
  required: false,
  description: 'Wait up to this many milliseconds for the outcome: answered 200 with it when it comes in time, else 202 as without.',
  schema: { type: 'integer', minimum: 0, maximum: 30000 },
};

const LOCATION: Json = { Location: { description: 'Where to ask what became of the command: /commands/{commandId}.', schema: { type: 'string' } } };

export function openApiDocument(gen: GenContext, routes: HttpRoutes): Json {
  const t = gen.t;
  const paths: Record<string, Json> = {};
  const schemas: Record<string, Json> = { [ACCEPTED_NAME]: ACCEPTED, [PROBLEMS_NAME]: PROBLEMS, [ROW_NAME]: ROW_SCHEMA, [STATUS_NAME]: STATUS };
  for (const r of routes.commands) {
    const c = r.command;
    schemas[c.typeName] = payloadSchema(c.typeName, c.label, c.fields);
    paths[r.path] = {
      post: {
        operationId: `send${c.typeName}`,
        summary: c.label,
        description: `Validates the body against the command's schema and writes the command to the topic ${r.topic} (handled by ${r.service}).`,
        tags: [r.service],
        parameters: [WAIT],
        requestBody: { required: true, content: json(ref(c.typeName)) },
        responses: {
          '200': { description: 'Decided within ?wait: the outcome, as GET /commands/{commandId} would answer it.', headers: LOCATION, content: json(ref(STATUS_NAME)) },
          '202': { description: 'Accepted: the cluster has the command (acks=all). Its outcome comes later, at the Location.', headers: LOCATION, content: json(ref(ACCEPTED_NAME)) },
          '400': { description: 'The body is not valid JSON or breaks the schema, or wait is out of range; errors name the fields.', content: json(ref(PROBLEMS_NAME)) },
          '413': { description: 'The body is larger than 1 MiB.', content: json(ref(PROBLEMS_NAME)) },
          '503': { description: 'Kafka did not accept the command; retry later.', content: json(ref(PROBLEMS_NAME)) },
        },
      },
    };
  }
  if (routes.commands.length > 0) {
    paths[COMMAND_STATUS_PATH] = {
      get: {
        operationId: 'getCommandStatus',
        summary: 'Command status',
        description:
          'What became of a command sent through this API: pending until its handler decides, then accepted (with its events), rejected or failed (with the reason). Kept for the last 10,000 commands per API process, and for a day on the cluster.',
        parameters: [{ name: 'commandId', in: 'path', required: true, description: 'The commandId of the 202 answer.', schema: { type: 'string' } }],
        responses: {
          '200': { description: "The command's status.", content: json(ref(STATUS_NAME)) },
          '404': { description: 'No such command known here: never sent, too old, or sent through another API process and not handled yet.', content: json(ref(PROBLEMS_NAME)) },
        },
      },
    };
  }
  for (const r of routes.readModels) {
    const p = r.projector;
    paths[r.path] = {
      get: {
        operationId: `list${p.typeName}`,
        summary: p.label,
        description: `Every row of the read model, by entity id (kept by ${r.service}).`,
        tags: [r.service],
        responses: { '200': { description: 'All rows, ordered by id.', content: json({ type: 'array', items: ref(ROW_NAME) }) } },
      },
    };
    paths[`${r.path}/{id}`] = {
      get: {
        operationId: `get${p.typeName}`,
        summary: p.label,
        description: 'One row of the read model.',
        tags: [r.service],
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Entity id (the record key)', schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The row.', content: json(ref(ROW_NAME)) },
          '404': { description: 'No row with this id (yet).', content: json(ref(PROBLEMS_NAME)) },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: t.boardName || t.projectName,
      version: '0.1.0',
      description: `HTTP API of the services generated from the event-storming board ${JSON.stringify(t.boardName)}: send commands, read read models.`,
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: '`npm start` (PORT sets the port)' }],
    tags: t.services.map((s) => ({ name: s.name, description: s.label })),
    paths,
    components: { schemas },
  };
}
