// Source files copied into every export as they are. The runtime files are the same files the
// simulator imports (one source of truth for handler behaviour); the platform files are
// templates that only make sense inside an exported project.
import aggregate from '../topology/runtime/aggregate.ts?raw';
import eventStore from '../topology/runtime/eventStore.ts?raw';
import externalSystem from '../topology/runtime/externalSystem.ts?raw';
import messages from '../topology/runtime/messages.ts?raw';
import plausible from '../topology/runtime/plausible.ts?raw';
import policy from '../topology/runtime/policy.ts?raw';
import projector from '../topology/runtime/projector.ts?raw';
import rules from '../topology/runtime/rules.ts?raw';
import seededEnv from '../topology/runtime/seededEnv.ts?raw';
import wire from '../topology/runtime/wire.ts?raw';
import decimalBytes from '../lib/decimalBytes.ts?raw';
import avroDecimal from './templates/platform/avroDecimal.ts.tpl?raw';
import commandStatus from './templates/platform/commandStatus.ts.tpl?raw';
import env from './templates/platform/env.ts.tpl?raw';
import httpApi from './templates/platform/httpApi.ts.tpl?raw';
import kafkaClient from './templates/platform/kafkaClient.ts.tpl?raw';
import kafkaLibraryConfluent from './templates/platform/kafkaLibrary.confluent.ts.tpl?raw';
import kafkaLibraryKafkajs from './templates/platform/kafkaLibrary.kafkajs.ts.tpl?raw';
import kafkaTransport from './templates/platform/kafkaTransport.ts.tpl?raw';
import memoryTransport from './templates/platform/memoryTransport.ts.tpl?raw';
import registryLibraryConfluent from './templates/platform/registryLibrary.confluent.ts.tpl?raw';
import registryLibraryKafkajs from './templates/platform/registryLibrary.kafkajs.ts.tpl?raw';
import schemaCodec from './templates/platform/schemaCodec.ts.tpl?raw';
import run from './templates/platform/run.ts.tpl?raw';
import settings from './templates/platform/settings.ts.tpl?raw';
import tableView from './templates/platform/tableView.ts.tpl?raw';
import topicEventStore from './templates/platform/topicEventStore.ts.tpl?raw';
import transport from './templates/platform/transport.ts.tpl?raw';
import createTopics from './templates/scripts/create-topics.ts.tpl?raw';
import type { KafkaClientChoice } from './clients';

/** Runtime file name (in src/topology/runtime and in the export's src/runtime) → text. */
export const RUNTIME_SOURCES: Readonly<Record<string, string>> = {
  'aggregate.ts': aggregate,
  'eventStore.ts': eventStore,
  'externalSystem.ts': externalSystem,
  'messages.ts': messages,
  'plausible.ts': plausible,
  'policy.ts': policy,
  'projector.ts': projector,
  'rules.ts': rules,
  'seededEnv.ts': seededEnv,
  'wire.ts': wire,
};

/** Fixed files of the export's src/platform folder. */
export const PLATFORM_SOURCES: Readonly<Record<string, string>> = {
  'avroDecimal.ts': avroDecimal,
  'commandStatus.ts': commandStatus,
  // The decimal conversion the engine's schema registry uses, verbatim.
  'decimalBytes.ts': decimalBytes,
  'env.ts': env,
  'httpApi.ts': httpApi,
  'kafkaClient.ts': kafkaClient,
  'kafkaTransport.ts': kafkaTransport,
  'memoryTransport.ts': memoryTransport,
  'run.ts': run,
  'schemaCodec.ts': schemaCodec,
  'settings.ts': settings,
  'tableView.ts': tableView,
  'topicEventStore.ts': topicEventStore,
  'transport.ts': transport,
};

/** src/platform/kafkaLibrary.ts of the export, per client library chosen at export time. */
export const KAFKA_LIBRARY_SOURCES: Readonly<Record<KafkaClientChoice, string>> = {
  confluent: kafkaLibraryConfluent,
  kafkajs: kafkaLibraryKafkajs,
};

/** src/platform/registryLibrary.ts of the export: the registry client that goes with the Kafka client. */
export const REGISTRY_LIBRARY_SOURCES: Readonly<Record<KafkaClientChoice, string>> = {
  confluent: registryLibraryConfluent,
  kafkajs: registryLibraryKafkajs,
};

/** scripts/create-topics.ts of the export. */
export const CREATE_TOPICS_SOURCE: string = createTopics;
