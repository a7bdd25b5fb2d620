// asyncapi.json: an AsyncAPI 3.0 description of the exported system. Channels are topics
// (per-instance streams get an address parameter), operations are what each service sends
// and receives, messages carry their payload schema and Kafka bindings (record key). Each
// service's outcomes topic (not on the board) is a channel too: its command handlers write
// every command's outcome there, and its HTTP API reads them for GET /commands/{commandId}.
import type { CommandSpec, EventSpec, ServiceSpec, TopicSpec } from '../../topology';
import type { GenContext } from '../genContext';
import { payloadSchema } from '../schemas/jsonSchema';
import { NameScope } from '../../topology/naming';
import { OUTCOMES_TOPIC_CONFIGS } from '../project/topicsModule';
import { outcomesTopics } from '../service/outcomesTopic';

type Json = Record<string, unknown>;

const HEADERS_SCHEMA: Json = {
  type: 'object',
  properties: {
    'event-type': { type: 'string', description: 'Event type name' },
    'schema-version': { type: 'string', description: 'Payload schema version' },
    'aggregate-type': { type: 'string' },
    'aggregate-id': { type: 'string' },
    'aggregate-version': { type: 'string', description: 'Position of the event in its aggregate stream' },
  },
};
const COMMAND_HEADERS_SCHEMA: Json = {
  type: 'object',
  properties: { 'command-type': { type: 'string' }, 'aggregate-id': { type: 'string' } },
};
export const ROW_SCHEMA: Json = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Entity id (the record key)' },
    version: { type: 'integer' },
    updatedAt: { type: 'integer' },
    lastEvent: { type: 'string' },
    fields: { type: 'object' },
  },
  required: ['id', 'version', 'updatedAt', 'lastEvent', 'fields'],
};

/** Message component id of a read model's row (events and commands use their type names). */
const rowMessageId = (typeName: string) => `row.${typeName}`;
/** Message component id of a command's outcome (dotted: no type name can take it). */
const OUTCOME_MESSAGE_ID = 'api.CommandOutcome';
const OUTCOME_SCHEMA: Json = {
  type: 'object',
  properties: {
    commandId: { type: 'string' },
    status: { type: 'string', enum: ['accepted', 'rejected', 'failed'] },
    command: { type: 'string', description: 'The command type' },
    aggregateId: { type: 'string' },
    reason: { type: 'string', description: 'Why it was rejected or failed' },
    events: { type: 'array', description: 'The events an accepted command caused', items: { type: 'object', properties: { type: { type: 'string' }, version: { type: 'integer' }, payload: { type: 'object' } } } },
  },
  required: ['commandId', 'status', 'command', 'aggregateId'],
};

/** An event's or command's message: JSON payload schema, typed headers, keyed by its key field. */
function domainMessage(kind: 'Event' | 'Command', m: EventSpec | CommandSpec, headers: Json): Json {
  return {
    name: m.typeName,
    title: m.label || m.typeName,
    summary: `${kind}: ${m.label}`,
    contentType: 'application/json',
    headers,
    payload: payloadSchema(m.typeName, m.label, m.fields),
    bindings: { kafka: { key: { type: 'string', description: m.keyField ? `value of ${m.keyField}` : 'none' }, bindingVersion: '0.5.0' } },
  };
}

export function asyncApiDocument(gen: GenContext): Json {
  const t = gen.t;
  const messages: Record<string, Json> = {};
  for (const e of t.events) messages[e.typeName] = domainMessage('Event', e, HEADERS_SCHEMA);
  for (const c of t.commands) messages[c.typeName] = domainMessage('Command', c, COMMAND_HEADERS_SCHEMA);
  for (const p of t.projectors) {
    messages[rowMessageId(p.typeName)] = {
      name: rowMessageId(p.typeName),
      title: `${p.label} row`,
      contentType: 'application/json',
      payload: ROW_SCHEMA,
    };
  }

  const channelMessages = new Map<string, Set<string>>(t.topics.map((x) => [x.id, new Set<string>()]));
  for (const e of t.events) if (e.topicId) channelMessages.get(e.topicId)?.add(e.typeName);
  for (const c of t.commands) if (c.topicId) channelMessages.get(c.topicId)?.add(c.typeName);
  for (const p of t.projectors) channelMessages.get(p.tableTopicId)?.add(rowMessageId(p.typeName));

  const channels: Record<string, Json> = {};
  for (const topic of t.topics) {
    const ids = [...(channelMessages.get(topic.id) ?? [])];
    channels[topic.name] = {
      address: topic.perInstance ? `${topic.name}.{aggregateId}` : topic.name,
      title: topic.name,
      description: `${topic.role} topic${topic.perInstance ? ', one single-partition topic per aggregate instance' : ''}`,
      ...(topic.perInstance ? { parameters: { aggregateId: { description: 'The aggregate id (cleaned to Kafka topic characters)' } } } : {}),
      messages: Object.fromEntries(ids.map((id) => [id, { $ref: `#/components/messages/${id}` }])),
      bindings: {
        kafka: {
          ...(topic.perInstance ? {} : { topic: topic.name }),
          partitions: topic.partitions,
          replicas: topic.replicationFactor,
          topicConfiguration: {
            'cleanup.policy': [topic.configs['cleanup.policy'] ?? 'delete'],
            'retention.ms': Number(topic.configs['retention.ms'] ?? -1),
          },
          bindingVersion: '0.5.0',
        },
      },
    };
  }

  const outcomes = outcomesTopics(t);
  if (outcomes.length > 0) {
    messages[OUTCOME_MESSAGE_ID] = {
      name: OUTCOME_MESSAGE_ID,
      title: 'Command outcome',
      contentType: 'application/json',
      payload: OUTCOME_SCHEMA,
      bindings: { kafka: { key: { type: 'string', description: 'the command id' }, bindingVersion: '0.5.0' } },
    };
  }
  for (const o of outcomes) {
    channels[o.name] = {
      address: o.name,
      title: o.name,
      description: "outcomes topic: each command's outcome by command id, for the HTTP API (not on the board)",
      messages: { [OUTCOME_MESSAGE_ID]: { $ref: `#/components/messages/${OUTCOME_MESSAGE_ID}` } },
      bindings: {
        kafka: {
          topic: o.name,
          partitions: o.partitions,
          replicas: o.replicationFactor,
          topicConfiguration: { 'cleanup.policy': OUTCOMES_TOPIC_CONFIGS['cleanup.policy']!.split(','), 'retention.ms': Number(OUTCOMES_TOPIC_CONFIGS['retention.ms']) },
          bindingVersion: '0.5.0',
        },
      },
    };
  }

  const operations: Record<string, Json> = {};
  const opIds = new NameScope();
  const op = (service: ServiceSpec, action: 'send' | 'receive', topic: TopicSpec, messageIds: string[], groupId: string | null, what: string) => {
    const available = channelMessages.get(topic.id) ?? new Set<string>();
    const ids = messageIds.filter((id) => available.has(id));
    if (ids.length === 0) return;
    const opId = opIds.claim(`${service.name}.${action}.${topic.name}`, '-');
    operations[opId] = {
      action,
      title: what,
      channel: { $ref: `#/channels/${topic.name}` },
      messages: ids.map((id) => ({ $ref: `#/channels/${topic.name}/messages/${id}` })),
      ...(groupId ? { bindings: { kafka: { groupId: { type: 'string', enum: [groupId] }, bindingVersion: '0.5.0' } } } : {}),
    };
  };
  for (const s of t.services) {
    for (const a of t.aggregates.filter((x) => x.serviceId === s.id)) {
      const cmdIds = a.commands.map((c) => gen.command(c.commandId).typeName);
      op(s, 'receive', gen.topic(a.commandTopicId), cmdIds, a.groupId, `${a.label} handles its commands`);
      op(s, 'send', gen.topic(a.eventTopicId), a.events.map((id) => gen.event(id).typeName), null, `${a.label} records its events`);
    }
    for (const p of t.policies.filter((x) => x.serviceId === s.id)) {
      for (const topicId of p.topicIds) op(s, 'receive', gen.topic(topicId), p.triggers.map((id) => gen.event(id).typeName), p.groupId, `${p.label} reacts`);
      for (const id of p.commands) {
        const c = gen.command(id);
        if (c.topicId) op(s, 'send', gen.topic(c.topicId), [c.typeName], null, `${p.label} issues ${c.label}`);
      }
    }
    for (const p of t.projectors.filter((x) => x.serviceId === s.id)) {
      for (const topicId of p.topicIds) op(s, 'receive', gen.topic(topicId), p.events.map((id) => gen.event(id).typeName), p.groupId, `${p.label} projects`);
      op(s, 'send', gen.topic(p.tableTopicId), [rowMessageId(p.typeName)], null, `${p.label} publishes rows`);
    }
    for (const x of t.externalSystems.filter((y) => y.serviceId === s.id)) {
      if (x.sourceTopicId) op(s, 'send', gen.topic(x.sourceTopicId), x.emits.map((id) => gen.event(id).typeName), null, `${x.label} reports events`);
      if (x.sinkTopicId) op(s, 'receive', gen.topic(x.sinkTopicId), x.handles.map((id) => gen.command(id).typeName), x.groupId, `${x.label} receives commands`);
    }
    const o = outcomes.find((y) => y.service.id === s.id);
    if (o) {
      for (const [action, title] of [
        ['send', `${s.label}: its command handlers record each command's outcome`],
        ['receive', `${s.label}: its HTTP API answers GET /commands/{commandId}`],
      ] as const) {
        operations[opIds.claim(`${s.name}.${action}.${o.name}`, '-')] = {
          action,
          title,
          channel: { $ref: `#/channels/${o.name}` },
          messages: [{ $ref: `#/channels/${o.name}/messages/${OUTCOME_MESSAGE_ID}` }],
        };
      }
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: t.boardName || t.projectName,
      version: '0.1.0',
      description: `Services generated from the event-storming board ${JSON.stringify(t.boardName)} (topic strategy: ${t.strategy}).`,
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: 'localhost:9092', protocol: 'kafka', description: 'Single-node Kafka from docker-compose.yml' },
    },
    channels,
    operations,
    components: { messages },
  };
}
