// Every consumer group a topology defines, with the handler that runs on each record it
// consumes: aggregate command handlers (load → decide → append through the event store),
// policies (event → commands), projectors (event → read-model row, published to the table
// topic) and external-system sinks (command → the system's answering event). All of them run
// the shared handler runtime the code export embeds.
import type { Topology } from '../topology';
import { aggregateDefinition, externalSystemDefinition, policyDefinition, projectorDefinition, runtime } from '../topology';
import type { AggregateEventStore } from './aggregateEventStore';
import type { DeliveryLease } from './engineApi';
import type { FlowCounters } from './flowCounters';
import type { ProducerPort } from './producerPort';
import { LiveReadModel } from './liveReadModel';
import { EventSchemas } from './eventSchemas';
import { ConsumedWire } from './consumedWire';

export type RoleKind = 'aggregate' | 'policy' | 'projector' | 'sink';

export interface GroupRole {
  groupId: string;
  serviceId: string;
  kind: RoleKind;
  label: string;
  topics: string[];
  /**
   * Handles one record; returns the handling when it finishes later (a command handler waits for
   * its acks=all append), a promise that never rejects (a failure counts as a handler error).
   * Queued work whose lease lapsed (the instance crashed or lost the partition) does not run:
   * the partition's next owner gets the record again.
   */
  handle(record: runtime.WireRecord, topic: string, partition: number, lease: DeliveryLease): Promise<void> | void;
}

export interface RoleDeps {
  topology: Topology;
  producer: ProducerPort;
  flow: FlowCounters;
  stores: ReadonlyMap<string, AggregateEventStore>;
  env(label: string): runtime.HandlerEnv;
  /**
   * Runs `work` after the previous work queued under `lane` (one partition of one group); the
   * promise settles when it is done and never rejects (a failure counts as a handler error).
   */
  serialise(lane: string, work: () => Promise<unknown>): Promise<void>;
  tables: Map<string, LiveReadModel>;
  /** An event's record value in its registered schema's wire format; throws to refuse the payload. */
  encodeEvent(event: runtime.EventEnvelope): string | Uint8Array;
}

/** The event a record holds: a consumed record's is read once however many groups handle it. */
export function eventOf(record: runtime.WireRecord): runtime.EventEnvelope {
  return record instanceof ConsumedWire ? record.event() : runtime.recordToEvent(record);
}

/** A table row's headers: the same for every row (the producer only reads them). */
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

export function buildGroupRoles(d: RoleDeps): GroupRole[] {
  const t = d.topology;
  const roles: GroupRole[] = [];
  const topicName = (id: string | null) => d.producer.topicName(id);
  const commandByType = new Map(t.commands.map((c) => [c.typeName, c]));

  for (const agg of t.aggregates) {
    const def = aggregateDefinition(t, agg);
    const store = d.stores.get(agg.elementId);
    const commandTopic = topicName(agg.commandTopicId);
    if (!store || !commandTopic) continue;
    const env = d.env(agg.groupId);
    // The group's handler keeps its aggregates' states between commands, as a running service does.
    const cache = new runtime.AggregateCache();
    const handling = { cache };
    // Each partition's lane name, made once (not a new string to hash per command).
    const lanes = new Map<string, string[]>();
    const laneOf = (topic: string, partition: number): string => {
      let byPartition = lanes.get(topic);
      if (!byPartition) lanes.set(topic, (byPartition = []));
      return (byPartition[partition] ??= `${agg.groupId}/${topic}/${partition}`);
    };
    roles.push({
      groupId: agg.groupId,
      serviceId: agg.serviceId,
      kind: 'aggregate',
      label: agg.label,
      topics: [commandTopic],
      handle(record, topic, partition, lease) {
        const command = runtime.recordToCommand(record);
        return d.serialise(laneOf(topic, partition), async () => {
          if (!lease.current()) return;
          try {
            const result = await runtime.handleCommand(def, store, command, env, handling);
            d.flow.handledBy(agg.groupId);
            d.flow.handledCommand(command.type);
            for (const e of result.events) d.flow.outcome(e.type);
            if (result.attempts > 1) d.flow.conflicts += result.attempts - 1;
          } catch (err) {
            // A rule rejection is a decision, not a failure: the command was handled, and nothing is written.
            if (err instanceof runtime.CommandRejectedError) {
              d.flow.handledBy(agg.groupId);
              d.flow.handledCommand(command.type);
              d.flow.rejected(command.type);
            } else d.flow.handlerErrors++;
          }
        });
      },
    });
  }

  for (const pol of t.policies) {
    const def = policyDefinition(t, pol);
    const env = d.env(pol.groupId);
    const topics = pol.topicIds.map(topicName).filter((x): x is string => x !== null);
    roles.push({
      groupId: pol.groupId,
      serviceId: pol.serviceId,
      kind: 'policy',
      label: pol.label,
      topics,
      handle(record) {
        d.flow.handledBy(pol.groupId);
        const event = eventOf(record);
        for (const cmd of runtime.react(def, event, env)) d.producer.sendCommand(commandByType.get(cmd.type)?.topicId ?? null, cmd, env.now());
      },
    });
  }

  for (const proj of t.projectors) {
    const def = projectorDefinition(t, proj);
    const table = new LiveReadModel(def);
    d.tables.set(proj.elementId, table);
    const tableTopic = topicName(proj.tableTopicId);
    const topics = proj.topicIds.map(topicName).filter((x): x is string => x !== null);
    roles.push({
      groupId: proj.groupId,
      serviceId: proj.serviceId,
      kind: 'projector',
      label: proj.label,
      topics,
      handle(record) {
        d.flow.handledBy(proj.groupId);
        const row = table.upsert(eventOf(record));
        if (row && tableTopic) d.producer.send(tableTopic, { key: row.id, value: JSON.stringify(row), headers: JSON_HEADERS }, row.updatedAt);
      },
    });
  }

  for (const ext of t.externalSystems) {
    const sinkTopic = topicName(ext.sinkTopicId);
    if (!ext.groupId || !sinkTopic) continue;
    const env = d.env(ext.groupId);
    const sourceTopic = topicName(ext.sourceTopicId);
    // The same definition the exported adapter embeds: answers weighted as on the board.
    const definition = externalSystemDefinition(t, ext);
    roles.push({
      groupId: ext.groupId,
      serviceId: ext.serviceId,
      kind: 'sink',
      label: ext.label,
      topics: [sinkTopic],
      handle(record) {
        d.flow.handledBy(ext.groupId!);
        const command = runtime.recordToCommand(record);
        d.flow.handledCommand(command.type);
        if (!sourceTopic) return;
        const event = runtime.answer(definition, command, env);
        if (!event) return;
        let value: string | Uint8Array;
        try {
          value = d.encodeEvent(event);
        } catch {
          d.flow.handlerErrors++; // refused by its schema: nothing is written
          return;
        }
        // The exported adapter's record (eventToRecord), its value in the schema's wire format.
        d.producer.send(sourceTopic, { key: runtime.recordKey(event.aggregateType, event.aggregateId, false), value, headers: runtime.eventHeaders(event, EventSchemas.contentType(value)) }, event.timestamp);
        d.flow.outcome(event.type);
      },
    });
  }
  return roles;
}
