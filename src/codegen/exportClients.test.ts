// The Kafka client is chosen at export time: Confluent's (default) or kafkajs. Only the client
// module, package.json and the README's note differ; everything else is the same code.
import { describe, expect, it } from 'vitest';
import { bankingBoard } from '../topology/testing/bankingBoard';
import { AVSC_VERSION, DEFAULT_KAFKA_CLIENT, KAFKA_CLIENTS } from './clients';
import { exportProject } from './exportProject';
import { KAFKA_IMAGE } from './project/rootFiles';
import { KAFKA_LIBRARY_SOURCES, REGISTRY_LIBRARY_SOURCES } from './sources';

describe('Kafka client choice', async () => {
  const confluent = await exportProject(bankingBoard(), { client: 'confluent' });
  const kafkajs = await exportProject(bankingBoard(), { client: 'kafkajs' });

  it("defaults to Confluent's client", async () => {
    expect(DEFAULT_KAFKA_CLIENT).toBe('confluent');
    expect(await exportProject(bankingBoard())).toEqual(confluent);
  });

  it('differs only in the client module, the registry client module, package.json and README', () => {
    const differing = Object.keys(confluent).filter((p) => confluent[p] !== kafkajs[p]);
    expect(differing.sort()).toEqual(['README.md', 'package.json', 'src/platform/kafkaLibrary.ts', 'src/platform/registryLibrary.ts']);
    expect(Object.keys(kafkajs)).toEqual(Object.keys(confluent));
  });

  it('puts each library behind the same module, with acks=all where each library takes it', () => {
    expect(confluent['src/platform/kafkaLibrary.ts']).toBe(KAFKA_LIBRARY_SOURCES.confluent);
    expect(kafkajs['src/platform/kafkaLibrary.ts']).toBe(KAFKA_LIBRARY_SOURCES.kafkajs);
    // Confluent's client takes acks and fromBeginning per producer / consumer; kafkajs per send / subscription.
    expect(KAFKA_LIBRARY_SOURCES.confluent).toMatch(/producer\(\{ kafkaJS: \{ idempotent: true, acks: -1 \} \}\)/);
    expect(KAFKA_LIBRARY_SOURCES.confluent).toMatch(/kafkaJS: \{\s+groupId,\s+fromBeginning,\s+autoCommit,/);
    expect(KAFKA_LIBRARY_SOURCES.kafkajs).toMatch(/producer\.send\(\{ topic, acks: -1,/);
    expect(KAFKA_LIBRARY_SOURCES.kafkajs).toMatch(/consumer\.subscribe\(\{ topics: \[\.\.\.topics\], fromBeginning \}\)/);
    for (const source of Object.values(KAFKA_LIBRARY_SOURCES)) expect(source).toContain('export function createKafkaClient(options: KafkaClientOptions): KafkaClient');
  });

  it('pins the chosen package, and allows an install script only where the package has one', () => {
    const pkg = (files: typeof confluent) => JSON.parse(String(files['package.json'])) as { dependencies: Record<string, string>; allowScripts?: Record<string, boolean> };
    // Each with its registry client: Confluent's own for its client; for kafkajs the last @kafkajs/confluent-schema-registry that runs on Node 20.
    expect(pkg(kafkajs).dependencies).toEqual({ kafkajs: KAFKA_CLIENTS.kafkajs.version, '@kafkajs/confluent-schema-registry': '3.9.0', avsc: AVSC_VERSION });
    expect(pkg(kafkajs).allowScripts).toBeUndefined();
    expect(pkg(confluent).dependencies).toEqual({ '@confluentinc/kafka-javascript': KAFKA_CLIENTS.confluent.version, '@confluentinc/schemaregistry': '1.10.1', avsc: AVSC_VERSION });
    expect(confluent['src/platform/registryLibrary.ts']).toBe(REGISTRY_LIBRARY_SOURCES.confluent);
    expect(kafkajs['src/platform/registryLibrary.ts']).toBe(REGISTRY_LIBRARY_SOURCES.kafkajs);
    expect(String(confluent['README.md'])).toContain('CKJS_LINKING=dynamic npm install');
    expect(String(kafkajs['README.md'])).toContain('`kafkajs` 2.2.4');
  });

  it('targets Apache Kafka 4 in KRaft mode in docker-compose', () => {
    expect(KAFKA_IMAGE).toMatch(/^apache\/kafka:4\.\d+\.\d+$/);
    for (const files of [confluent, kafkajs]) {
      expect(String(files['docker-compose.yml'])).toContain(`image: ${KAFKA_IMAGE}`);
      expect(String(files['docker-compose.yml'])).not.toMatch(/ZOOKEEPER/);
    }
  });
});
