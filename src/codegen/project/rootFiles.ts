// Project-level files of the export: package.json, tsconfig.json, docker-compose.yml and
// .gitignore (the README is readme.ts).
import type { Topology } from '../../topology';
import { AVSC_VERSION, type KafkaClientInfo } from '../clients';
import { jsonText, markdownText } from '../emit/escape';

export const TYPESCRIPT_RANGE = '^7.0.2';
export const TYPES_NODE_RANGE = '^20.19.0';
/** Apache Kafka 4 in KRaft mode, the line the exported services are tested against (4.4). */
export const KAFKA_IMAGE = 'apache/kafka:4.4.0';

export function packageJson(t: Topology, client: KafkaClientInfo): string {
  const scripts: Record<string, string> = {
    build: 'tsc -p tsconfig.json',
    typecheck: 'tsc -p tsconfig.json --noEmit',
    test: 'tsc -p tsconfig.json && node --test dist/services/',
    'create-topics': 'tsc -p tsconfig.json && node dist/scripts/create-topics.js',
    start: 'tsc -p tsconfig.json && node dist/src/start.cjs',
  };
  for (const s of t.services) scripts[`start:${s.name}`] = `tsc -p tsconfig.json && node dist/services/${s.name}/src/start.cjs`;
  return `${jsonText(
    {
      name: t.projectName,
      version: '0.1.0',
      private: true,
      type: 'module',
      description: `Services generated from the event-storming board ${JSON.stringify(t.boardName)}`,
      engines: { node: '>=20.19' },
      scripts,
      dependencies: { [client.packageName]: client.version, [client.registry.packageName]: client.registry.version, avsc: AVSC_VERSION },
      devDependencies: { '@types/node': TYPES_NODE_RANGE, typescript: TYPESCRIPT_RANGE },
      // npm 11 runs a dependency's install script only when allowed here: the client's builds its native addon.
      ...(client.installScript ? { allowScripts: { [`${client.packageName}@${client.version}`]: true } } : {}),
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
