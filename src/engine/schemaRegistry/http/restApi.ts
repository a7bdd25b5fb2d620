// Confluent Schema Registry's REST API as a face over cluster.schemaRegistry: the routes that
// Confluent's client libraries (@confluentinc/schemaregistry, @kafkajs/confluent-schema-registry)
// call to register schemas, set levels, look ids up and check compatibility, answered from the
// engine's one registry — not a second implementation. Pure: a request in, a status and a JSON
// body out; a Node listener (testing/registryServer.ts) puts it on a port. Error bodies carry
// Confluent's error codes (40401 subject not found, 409 incompatible, 42201 invalid schema, …),
// which the client libraries turn into their own errors.
import { EngineError } from '../../errors';
import type { SchemaRegistry } from '../schemaRegistry';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel, type RegisteredSchema, type SchemaInput, type SchemaType } from '../types';

export interface RestRequest {
  method: string;
  /** Path and query, e.g. "/subjects/orders-value/versions?normalize=false". */
  url: string;
  /** The parsed JSON body (undefined when there is none). */
  body?: unknown;
}

export interface RestResponse {
  status: number;
  body: unknown;
}

/** Confluent's media type for its REST API (clients send and accept it). */
export const REGISTRY_CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

const fail = (status: number, errorCode: number, message: string): RestResponse => ({ status, body: { error_code: errorCode, message } });

/** Confluent leaves schemaType out for Avro, its default. */
function schemaBody(r: { schemaType: SchemaType; schema: string }): Record<string, unknown> {
  return { ...(r.schemaType === 'AVRO' ? {} : { schemaType: r.schemaType }), schema: r.schema };
}
const versionBody = (r: RegisteredSchema) => ({ subject: r.subject, version: r.version, id: r.id, ...schemaBody(r) });

function schemaInput(body: unknown): SchemaInput | RestResponse {
  const b = (body ?? {}) as { schema?: unknown; schemaType?: unknown; references?: unknown };
  if (typeof b.schema !== 'string') return fail(422, 42201, 'The request needs "schema": the schema as a JSON string.');
  if (Array.isArray(b.references) && b.references.length > 0) return fail(422, 42201, 'Schema references are not supported by this registry.');
  const type = b.schemaType ?? 'AVRO';
  if (type !== 'AVRO' && type !== 'JSON') return fail(422, 42201, `Schema type ${String(type)} is not supported: use AVRO or JSON.`);
  return { schemaType: type, schema: b.schema };
}

function level(body: unknown): CompatibilityLevel | RestResponse {
  const l = String((body as { compatibility?: unknown } | undefined)?.compatibility ?? '').toUpperCase();
  return (COMPATIBILITY_LEVELS as readonly string[]).includes(l) ? (l as CompatibilityLevel) : fail(422, 42203, `Invalid compatibility level "${l}": use one of ${COMPATIBILITY_LEVELS.join(', ')}.`);
}

const isResponse = (x: unknown): x is RestResponse => typeof x === 'object' && x !== null && 'status' in x && 'body' in x;

/** The engine's typed errors as Confluent's status and error codes. */
function fromError(e: unknown): RestResponse {
  if (!(e instanceof EngineError)) throw e;
  switch (e.code) {
    case 'SUBJECT_NOT_FOUND':
      return fail(404, 40401, e.message);
    case 'VERSION_NOT_FOUND':
      return fail(404, 40402, e.message);
    case 'SCHEMA_NOT_FOUND':
      return fail(404, 40403, e.message);
    case 'INCOMPATIBLE_SCHEMA':
      return fail(409, 409, e.message);
    case 'INVALID_SCHEMA':
      return fail(422, 42201, e.message);
    case 'INVALID_COMPATIBILITY_LEVEL':
      return fail(422, 42203, e.message);
    default:
      return fail(500, 50001, e.message);
  }
}

/** Which path segments are names or numbers, per first segment (e.g. /subjects/{subject}/versions/{version}). */
const VARIABLE_SEGMENTS: Record<string, number[]> = { subjects: [1, 3], schemas: [2], config: [1], compatibility: [2, 4] };

/** Answers one request of Confluent's REST API from `registry`. */
export async function handleRegistryRequest(registry: SchemaRegistry, req: RestRequest): Promise<RestResponse> {
  const url = new URL(req.url, 'http://registry');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const method = req.method.toUpperCase();
  const vars = VARIABLE_SEGMENTS[parts[0] ?? ''] ?? [];
  const route = `${method} /${parts.map((p, i) => (vars.includes(i) ? ':' : p)).join('/')}`;
  try {
    const [, second, third, fourth] = parts;
    switch (route) {
      case 'GET /subjects':
        return { status: 200, body: await registry.subjects() };
      case 'GET /subjects/:/versions':
        return { status: 200, body: await registry.versions(second!) };
      case 'POST /subjects/:/versions': {
        const input = schemaInput(req.body);
        if (isResponse(input)) return input;
        const { version } = await registry.register(second!, input);
        const registered = await registry.getVersion(second!, version);
        return { status: 200, body: versionBody(registered) };
      }
      case 'GET /subjects/:/versions/:': {
        const v = fourth === 'latest' || fourth === '-1' ? await registry.getLatest(second!) : await registry.getVersion(second!, Number(fourth));
        return { status: 200, body: versionBody(v) };
      }
      case 'GET /subjects/:/versions/:/schema': {
        const v = fourth === 'latest' ? await registry.getLatest(second!) : await registry.getVersion(second!, Number(fourth));
        return { status: 200, body: JSON.parse(v.schema) as unknown };
      }
      case 'POST /subjects/:': {
        const input = schemaInput(req.body);
        if (isResponse(input)) return input;
        await registry.versions(second!); // 40401 for an unknown subject, as Confluent answers
        const found = await registry.lookup(second!, input);
        return found ? { status: 200, body: versionBody(found) } : fail(404, 40403, `Schema not found under subject "${second}".`);
      }
      case 'GET /schemas/ids/:':
        return { status: 200, body: schemaBody(await registry.getSchema(Number(third))) };
      case 'GET /config':
        return { status: 200, body: { compatibilityLevel: await registry.getCompatibility(null) } };
      case 'PUT /config': {
        const l = level(req.body);
        if (isResponse(l)) return l;
        await registry.setCompatibility(null, l);
        return { status: 200, body: { compatibility: l } };
      }
      case 'GET /config/:': {
        const own = await registry.subjectCompatibility(second!);
        if (own) return { status: 200, body: { compatibilityLevel: own } };
        if (url.searchParams.get('defaultToGlobal') === 'true') return { status: 200, body: { compatibilityLevel: await registry.getCompatibility(null) } };
        return fail(404, 40408, `Subject "${second}" does not have subject-level compatibility configured.`);
      }
      case 'PUT /config/:': {
        const l = level(req.body);
        if (isResponse(l)) return l;
        await registry.setCompatibility(second!, l);
        return { status: 200, body: { compatibility: l } };
      }
      case 'POST /compatibility/subjects/:/versions/:': {
        const input = schemaInput(req.body);
        if (isResponse(input)) return input;
        const verdict = await registry.testCompatibility(third!, input);
        return { status: 200, body: { is_compatible: verdict.compatible, ...(url.searchParams.get('verbose') === 'true' ? { messages: verdict.messages } : {}) } };
      }
      default:
        return fail(404, 404, `${method} ${url.pathname} is not a route of this registry.`);
    }
  } catch (e) {
    return fromError(e);
  }
}
