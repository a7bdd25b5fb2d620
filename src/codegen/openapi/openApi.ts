// openapi.json: an OpenAPI 3.1 description of the export's HTTP API, built from the same route
// table the services serve (http/httpRoutes.ts). Each command's POST operation has the
// command's name on the board as its summary and the command's JSON Schema as its body; each
// read model's GET operations have the read model's name as their summary.
import { ROW_SCHEMA } from '../asyncapi/asyncApi';
import type { GenContext } from '../genContext';
import type { HttpRoutes } from '../http/httpRoutes';
import { payloadSchema } from '../schemas/jsonSchema';

type Json = Record<string, unknown>;

const json = (schema: Json): Json => ({ 'application/json': { schema } });
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
// Fixed schemas have a dotted name, which no command type name (an identifier) can take.
const ACCEPTED_NAME = 'api.Accepted';
const PROBLEMS_NAME = 'api.Problems';
const ROW_NAME = 'api.Row';

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

export function openApiDocument(gen: GenContext, routes: HttpRoutes): Json {
  const t = gen.t;
  const paths: Record<string, Json> = {};
  const schemas: Record<string, Json> = { [ACCEPTED_NAME]: ACCEPTED, [PROBLEMS_NAME]: PROBLEMS, [ROW_NAME]: ROW_SCHEMA };
  for (const r of routes.commands) {
    const c = r.command;
    schemas[c.typeName] = payloadSchema(c.typeName, c.label, c.fields);
    paths[r.path] = {
      post: {
        operationId: `send${c.typeName}`,
        summary: c.label,
        description: `Validates the body against the command's schema and writes the command to the topic ${r.topic} (handled by ${r.service}).`,
        tags: [r.service],
        requestBody: { required: true, content: json(ref(c.typeName)) },
        responses: {
          '202': { description: 'Accepted: the cluster has the command (acks=all).', content: json(ref(ACCEPTED_NAME)) },
          '400': { description: 'The body is not valid JSON or breaks the schema; errors name the fields.', content: json(ref(PROBLEMS_NAME)) },
          '413': { description: 'The body is larger than 1 MiB.', content: json(ref(PROBLEMS_NAME)) },
          '503': { description: 'Kafka did not accept the command; retry later.', content: json(ref(PROBLEMS_NAME)) },
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
