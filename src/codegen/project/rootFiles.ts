// Project-level files of the export: package.json, tsconfig.json, docker-compose.yml,
// .gitignore and the README.
import type { Topology } from '../../topology';
import { jsonText, markdownText } from '../emit/escape';

export const KAFKAJS_VERSION = '2.2.4';
export const TYPESCRIPT_RANGE = '^7.0.2';
export const TYPES_NODE_RANGE = '^20.19.0';
/** Kafka 3.9 is the newest line kafkajs 2.2.4 is known to talk to (4.0 dropped old protocol versions). */
export const KAFKA_IMAGE = 'apache/kafka:3.9.1';

export function packageJson(t: Topology): string {
  const scripts: Record<string, string> = {
    build: 'tsc -p tsconfig.json',
    typecheck: 'tsc -p tsconfig.json --noEmit',
    test: 'tsc -p tsconfig.json && node --test dist/services/',
    'create-topics': 'tsc -p tsconfig.json && node dist/scripts/create-topics.js',
  };
  for (const s of t.services) scripts[`start:${s.name}`] = `tsc -p tsconfig.json && node dist/services/${s.name}/src/main.js`;
  return `${jsonText(
    {
      name: t.projectName,
      version: '0.1.0',
      private: true,
      type: 'module',
      description: `Services generated from the event-storming board ${JSON.stringify(t.boardName)}`,
      engines: { node: '>=20.19' },
      scripts,
      dependencies: { kafkajs: KAFKAJS_VERSION },
      devDependencies: { '@types/node': TYPES_NODE_RANGE, typescript: TYPESCRIPT_RANGE },
    },
    2,
  )}\n`;
}

export function tsconfigJson(): string {
  return `${jsonText(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        noFallthroughCasesInSwitch: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        types: ['node'],
        rootDir: '.',
        outDir: 'dist',
      },
      include: ['src', 'services', 'scripts'],
    },
    2,
  )}\n`;
}

export function dockerCompose(): string {
  return `# A single-node Apache Kafka in KRaft mode (no ZooKeeper) for local runs: docker compose up -d
services:
  kafka:
    image: ${KAFKA_IMAGE}
    ports:
      - "9092:9092"
    environment:
      KAFKA_NODE_ID: 1
      KAFKA_PROCESS_ROLES: broker,controller
      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093
      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://localhost:9092
      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@localhost:9093
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: "true"
`;
}

export const GITIGNORE = 'node_modules/\ndist/\n';

export function readme(t: Topology): string {
  const services = t.services
    .map((s) => `| \`${s.name}\` | ${markdownText(s.label)} | ${s.instances} | \`npm run start:${s.name}\` |`)
    .join('\n');
  const topics = t.topics
    .map(
      (x) =>
        `| \`${x.name}${x.perInstance ? '.<aggregate id>' : ''}\` | ${x.role} | ${x.partitions} | ${x.replicationFactor} | ${x.configs['cleanup.policy'] ?? ''} | ${x.keyPrefixedByType ? '`<type>:<id>`' : x.keyField ? `\`${x.keyField}\`` : 'none'} |`,
    )
    .join('\n');
  return `# ${markdownText(t.boardName) || 'Exported services'}

TypeScript services generated from the event-storming board ${markdownText(t.boardName)}. Each bounded
context is a service under \`services/\`; aggregates are event-sourced (commands in, events out,
state rebuilt from events, snapshots, optimistic concurrency), policies turn events into
commands, projectors keep read models in compacted table topics. Messages travel through
Kafka with kafkajs: the aggregate id is the record key, headers carry \`event-type\` and
\`schema-version\`, the producer is idempotent.

## Run the tests (no Kafka needed)

\`\`\`sh
npm install
npm run typecheck   # strict type check of every service
npm test            # compiles, then runs the generated tests with node --test on the in-memory transport
\`\`\`

## Run on Kafka

\`\`\`sh
docker compose up -d          # single-node Apache Kafka in KRaft mode on localhost:9092
npm run create-topics         # partitions, replication factor and cleanup policy from the board
npm run start:<service>       # one per service below; start more processes for more instances
\`\`\`

Set \`KAFKA_BROKERS\` (comma-separated) to use another cluster. On a one-broker cluster the
topic script lowers replication factors to 1 and says so.

| Service | Bounded context | Instances | Start |
| --- | --- | --- | --- |
${services}

## Topics (strategy: ${t.strategy})

| Topic | Role | Partitions | Replication | cleanup.policy | Key |
| --- | --- | --- | --- | --- | --- |
${topics}

## Layout

- \`src/runtime/\`: the handler runtime (aggregate, policy, projector, wire format), shared
  with the simulator the board was designed in, so the services behave as simulated.
- \`src/platform/\`: the \`Transport\` interface with a kafkajs and an in-memory implementation,
  the topic list and the event store on a topic.
- \`services/<service>/src/\`: typed messages, aggregates, policies, projectors, external
  system adapters, \`service.ts\` (wiring) and \`main.ts\` (Kafka entry point).
- \`services/<service>/schemas/\`: JSON Schema and Avro (\`.avsc\`) per event.
- \`services/<service>/test/\`: given/when/then tests per aggregate (plus concurrency, snapshots,
  validation, takeover) and a wiring test per service (policies, read models, external systems).
- \`asyncapi.json\`: AsyncAPI 3.0 description of servers, channels (topics), operations and messages.
- \`scripts/create-topics.ts\`, \`docker-compose.yml\`.
`;
}
