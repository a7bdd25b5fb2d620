// README.md of the export: how to test, run on Kafka (all services or one), the HTTP API with
// a curl example per command, the client library in use, services and topics.
import type { Topology } from '../../topology';
import { runtime } from '../../topology';
import type { KafkaClientInfo } from '../clients';
import { OUTCOMES_TOPIC_CONFIGS } from './topicsModule';
import { outcomesTopics } from '../service/outcomesTopic';
import { markdownText } from '../emit/escape';
import { COMMAND_STATUS_PATH, type HttpRoutes } from '../http/httpRoutes';

const EXAMPLE_NOW = 1_700_000_000_000;

/** A shell word in single quotes (a quote inside becomes '\''). */
const shellQuoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function curlExamples(routes: HttpRoutes): string {
  const lines: string[] = [];
  routes.commands.forEach((r, i) => {
    const body = JSON.stringify(runtime.fillPayload(r.fields, [], {}, runtime.seededEnv(100 + i, EXAMPLE_NOW)));
    lines.push(`# ${markdownText(r.command.label).replace(/\n/g, ' ')}`);
    lines.push(`curl -i -X POST http://127.0.0.1:3000${r.path} -H 'content-type: application/json' -d ${shellQuoted(body)}`);
  });
  if (routes.commands.length > 0) {
    lines.push(`# What became of a command: the path is the 202's Location header (${COMMAND_STATUS_PATH}); ask again while it is pending`);
    lines.push(`curl -s http://127.0.0.1:3000/commands/<commandId>`);
    lines.push(`# Send, then poll the status until the handler has decided`);
    const r = routes.commands[0]!;
    const body = JSON.stringify(runtime.fillPayload(r.fields, [], {}, runtime.seededEnv(100, EXAMPLE_NOW)));
    lines.push(
      `id=$(curl -s -X POST http://127.0.0.1:3000${r.path} -H 'content-type: application/json' -d ${shellQuoted(body)} | sed -E 's/.*"commandId":"([^"]*)".*/\\1/')`,
    );
    lines.push(`until curl -s http://127.0.0.1:3000/commands/$id | grep -qv '"status":"pending"'; do sleep 0.2; done`);
    lines.push(`curl -s http://127.0.0.1:3000/commands/$id`);
    lines.push(`# Or wait up to 5 s for the outcome in the answer itself (200 with the status; 202 as above if it takes longer)`);
    lines.push(`curl -s -X POST 'http://127.0.0.1:3000${r.path}?wait=5000' -H 'content-type: application/json' -d ${shellQuoted(body)}`);
  }
  for (const r of routes.readModels) {
    lines.push(`# ${markdownText(r.projector.label).replace(/\n/g, ' ')}: every row, then one row by id`);
    lines.push(`curl -s http://127.0.0.1:3000${r.path}`);
    lines.push(`curl -s http://127.0.0.1:3000${r.path}/<id>`);
  }
  return lines.join('\n');
}

export function readme(t: Topology, client: KafkaClientInfo, routes: HttpRoutes): string {
  const services = t.services
    .map((s) => `| \`${s.name}\` | ${markdownText(s.label)} | ${s.instances} | \`npm run start:${s.name}\` |`)
    .join('\n');
  const topics = t.topics
    .map(
      (x) =>
        `| \`${x.name}${x.perInstance ? '.<aggregate id>' : ''}\` | ${x.role} | ${x.partitions} | ${x.replicationFactor} | ${x.configs['cleanup.policy'] ?? ''} | ${x.keyPrefixedByType ? '`<type>:<id>`' : x.keyField ? `\`${x.keyField}\`` : 'none'} |`,
    )
    .concat(outcomesTopics(t).map((o) => `| \`${o.name}\` | outcomes (not on the board) | ${o.partitions} | ${o.replicationFactor} | ${OUTCOMES_TOPIC_CONFIGS['cleanup.policy']} | command id |`))
    .join('\n');
  const operations = [
    ...routes.commands.map((r) => `| \`POST ${r.path}\` | ${markdownText(r.command.label)} | command to \`${r.topic}\` |`),
    ...(routes.commands.length > 0 ? [`| \`GET ${COMMAND_STATUS_PATH}\` | | what became of a command: its status |`] : []),
    ...routes.readModels.map((r) => `| \`GET ${r.path}\`, \`GET ${r.path}/{id}\` | ${markdownText(r.projector.label)} | read model rows |`),
  ].join('\n');
  const unrouted = routes.unrouted.length
    ? `\nCommands that nothing handles have no operation: ${routes.unrouted.map((c) => markdownText(c.label)).join(', ')}.\n`
    : '';
  const install =
    client.id === 'confluent'
      ? `The Kafka client is Confluent's \`${client.packageName}\` ${client.version} (librdkafka), through its
KafkaJS-compatible API. \`npm install\` fetches a prebuilt librdkafka for common platforms; where
none can be downloaded, \`CKJS_LINKING=dynamic npm install\` builds it from the source inside the
package (a few minutes; needs g++, make, python3 and the OpenSSL and zlib headers). package.json
allows the package's install script (\`allowScripts\`), which npm 11 otherwise skips.`
      : `The Kafka client is \`${client.packageName}\` ${client.version} (pure JavaScript). It still talks to Kafka 4, but has
had no release since 2023; exporting with Confluent's client is the maintained choice.`;
  return `# ${markdownText(t.boardName) || 'Exported services'}

TypeScript services generated from the event-storming board ${markdownText(t.boardName)}. Each bounded
context is a service under \`services/\`; aggregates are event-sourced (commands in, events out,
state rebuilt from events, snapshots, optimistic concurrency), policies turn events into
commands, projectors keep read models in compacted table topics. Messages travel through
Kafka: the aggregate id is the record key, headers carry \`event-type\` and \`schema-version\`,
producers are idempotent with acks=all. A command's events are written in one transaction with
the command's offset by the single owner of the command's partition; an instance that takes a
partition over fences the previous owner first, so an aggregate never gets two events of one
version. Consumers read committed records only.

${install}

## Run the tests (no Kafka needed)

\`\`\`sh
npm install
npm run typecheck   # strict type check of every service
npm test            # compiles, then runs the generated tests with node --test on the in-memory transport
\`\`\`

## Run on Kafka

\`\`\`sh
docker compose up -d          # single-node Apache Kafka 4 in KRaft mode on localhost:9092
npm run create-topics         # partitions, replication factor and cleanup policy from the board
npm start                     # every service, instances as on the board, and the HTTP API on port 3000
\`\`\`

Each service can also run alone, one instance per process (\`npm run start:<service>\`, below); it
serves the part of the HTTP API for the commands it handles and the read models it keeps.

| Variable | Default | Meaning |
| --- | --- | --- |
| \`KAFKA_BROKERS\` | \`localhost:9092\` | the cluster, comma-separated \`host:port\` |
| \`PORT\` | \`3000\` | port of the HTTP API (0: any free port) |
| \`HOST\` | \`127.0.0.1\` | address the HTTP API listens on (\`0.0.0.0\` for other machines) |
| \`KAFKA_SESSION_TIMEOUT_MS\` | the client's | how long a silent instance keeps its partitions before its group rebalances |
| \`SCHEMA_REGISTRY_URL\` | none: events as JSON | a Confluent-compatible schema registry, e.g. \`http://localhost:8081\`: see below |

On a one-broker cluster the topic script lowers replication factors to 1 and says so; it sets
\`min.insync.replicas\` to 2 (1 on one-replica topics), as the simulator does.

| Service | Bounded context | Instances | Start alone |
| --- | --- | --- | --- |
${services}

## Events as contracts: the schema registry

With \`SCHEMA_REGISTRY_URL\` set, each process first registers its services' event schemas
(\`schemas/*.avsc\`; subjects \`<topic>-<namespace>.<Event>\`, TopicRecordNameStrategy, as listed in
\`schemas/registry.json\`): the subject's compatibility level as on the board, then the versions
registered on the board, oldest first, then the current one. Events are then written in
Confluent's wire format (magic byte 0, the 4-byte schema id, Avro binary; header
\`content-type: avro/binary\`) through \`${client.registry.packageName}\` ${client.registry.version}, and every record read
in that format is decoded with its writer's schema. Decimal fields are Avro decimals
(\`bytes\`, the unscaled value, as Java writes them). The start stops, saying why, when the
registry does not answer or refuses a schema as incompatible with the versions it holds.
Commands and read-model rows stay JSON.

## HTTP API

\`openapi.json\` (OpenAPI 3.1) describes it. A command's body is its payload as JSON; an invalid
body gets 400 with one error per field, a valid one 202 with the command's id once the cluster
has it (the events it causes carry the id in their \`command-id\` header), with a \`Location\`
header: \`GET /commands/{commandId}\` says what became of the command.

| \`status\` | Meaning |
| --- | --- |
| \`pending\` | the cluster has it; its handler has not decided yet |
| \`accepted\` | decided: its events are written (\`events\`: type, version, payload). A command whose rules choose a refusal event (say "Withdrawal rejected") is accepted with that event |
| \`rejected\` | turned down, nothing written (\`reason\`): no outcome's guard admits it, or the handler found it invalid |
| \`failed\` | could not be decided and will not be retried, nothing written (\`reason\`): e.g. a rule dividing by zero |

The handler writes each outcome to its service's outcomes topic (\`<service>.command-outcomes\`,
keyed by command id, compacted, kept a day) in the same transaction as the command's events;
every process serving the HTTP API follows those topics, so any of them answers, whichever
instance handled the command. Each keeps the last 10,000 outcomes. An id it has no outcome for
is 404: never sent, too old, or sent through another process and not handled yet (only the
process that took the command knows it as \`pending\`). With \`?wait=<ms>\` (up to 30000) a POST
waits for the outcome and answers 200 with it when it comes in time. Read models answer with
their rows.

| Operation | Name on the board | What |
| --- | --- | --- |
${operations}
${unrouted}
\`\`\`sh
${curlExamples(routes)}
\`\`\`

## Topics (strategy: ${t.strategy})

| Topic | Role | Partitions | Replication | cleanup.policy | Key |
| --- | --- | --- | --- | --- | --- |
${topics}

## Layout

- \`src/runtime/\`: the handler runtime (aggregate, policy, projector, wire format), shared
  with the simulator the board was designed in, so the services behave as simulated.
- \`src/platform/\`: the \`Transport\` interface with a Kafka and an in-memory implementation,
  the client library (\`kafkaLibrary.ts\`), the HTTP API, the read-model table views, the topic
  list and the event store on a topic.
- \`src/api/routes.ts\`, \`src/main.ts\` (run by \`src/start.cts\`, which sizes Node's thread pool
  first): the HTTP routes and \`npm start\`.
- \`services/<service>/src/\`: typed messages, aggregates, policies, projectors, external
  system adapters, \`service.ts\` (wiring) and \`main.ts\` (one instance on Kafka).
- \`services/<service>/schemas/\`: JSON Schema and Avro (\`.avsc\`) per event.
- \`services/<service>/test/\`: given/when/then tests per aggregate (plus concurrency, snapshots,
  validation, takeover) and a wiring test per service (policies, read models, external systems).
- \`asyncapi.json\`: AsyncAPI 3.0 description of servers, channels (topics), operations and messages.
- \`openapi.json\`: OpenAPI 3.1 description of the HTTP API.
- \`scripts/create-topics.ts\`, \`docker-compose.yml\`.
`;
}
