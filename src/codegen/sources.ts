// Source files copied into every export as they are. The runtime files are the same files the
// simulator imports (one source of truth for handler behaviour); the platform files are
// templates that only make sense inside an exported project.
import aggregate from '../topology/runtime/aggregate.ts?raw';
import eventStore from '../topology/runtime/eventStore.ts?raw';
import externalSystem from '../topology/runtime/externalSystem.ts?raw';
import messages from '../topology/runtime/messages.ts?raw';
import policy from '../topology/runtime/policy.ts?raw';
import projector from '../topology/runtime/projector.ts?raw';
import seededEnv from '../topology/runtime/seededEnv.ts?raw';
import wire from '../topology/runtime/wire.ts?raw';
import env from './templates/platform/env.ts.tpl?raw';
import kafkaTransport from './templates/platform/kafkaTransport.ts.tpl?raw';
import memoryTransport from './templates/platform/memoryTransport.ts.tpl?raw';
import topicEventStore from './templates/platform/topicEventStore.ts.tpl?raw';
import transport from './templates/platform/transport.ts.tpl?raw';
import createTopics from './templates/scripts/create-topics.ts.tpl?raw';

/** Runtime file name (in src/topology/runtime and in the export's src/runtime) → text. */
export const RUNTIME_SOURCES: Readonly<Record<string, string>> = {
  'aggregate.ts': aggregate,
  'eventStore.ts': eventStore,
  'externalSystem.ts': externalSystem,
  'messages.ts': messages,
  'policy.ts': policy,
  'projector.ts': projector,
  'seededEnv.ts': seededEnv,
  'wire.ts': wire,
};

/** Fixed files of the export's src/platform folder. */
export const PLATFORM_SOURCES: Readonly<Record<string, string>> = {
  'env.ts': env,
  'kafkaTransport.ts': kafkaTransport,
  'memoryTransport.ts': memoryTransport,
  'topicEventStore.ts': topicEventStore,
  'transport.ts': transport,
};

/** scripts/create-topics.ts of the export. */
export const CREATE_TOPICS_SOURCE: string = createTopics;
