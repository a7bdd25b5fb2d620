// External systems (event sources and command sinks), policies (a consumer group from their
// triggering events to their commands) and read models (a projector group materialising a
// compacted table topic keyed by entity id: the stream/table duality).
import { DEFAULT_STREAM } from '../model';
import type { ElementId } from '../model';
import type { CompileContext } from './context';
import { configsOf } from './topics';

const EXTERNAL_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export function compileExternalSystems(cx: CompileContext): void {
  const { ix, registry } = cx;
  for (const ext of ix.ofKind('externalSystem').filter((e) => cx.groups.isPrimary(e.id))) {
    const service = cx.plan.serviceOf(ext);
    const names = cx.names.get(ext.id)!;
    const members = cx.groups.members(ext.id);
    const emits = [...new Set(members.flatMap((m) => ix.targets(m, 'event').map((e) => e.id)))];
    const handles = [...new Set(members.flatMap((m) => ix.sources(m, 'command').map((c) => c.id)))].filter(
      (id) => cx.commands.get(id)?.handler?.elementId === ext.id,
    );
    // An external system's own topics: the events it reports (source) and the commands it receives (sink).
    const externalTopic = (kind: 'source' | 'sink', suffix: string, keyField: string | null) =>
      registry.add({
        id: `${kind}:${ext.id}`,
        segments: [service.name, names.fileName, suffix],
        role: 'external',
        perInstance: false,
        partitions: DEFAULT_STREAM.partitions,
        replicationFactor: DEFAULT_STREAM.replicationFactor,
        configs: configsOf('delete', EXTERNAL_RETENTION_MS),
        keyField,
        keyPrefixedByType: false,
        serviceId: service.id,
        elementIds: [ext.id],
      });
    // Events an aggregate also produces live in the aggregate's stream; the rest need a topic.
    const own = emits.filter((id) => cx.events.get(id)!.topicId === null);
    let sourceTopicId: string | null = null;
    if (own.length > 0) {
      const keyField = own.map((id) => guessKeyField(cx, id)).find((k) => k !== null) ?? null;
      const topic = externalTopic('source', 'events', keyField);
      sourceTopicId = topic.id;
      for (const id of own) {
        const event = cx.events.get(id)!;
        event.topicId = topic.id;
        event.keyField = guessKeyField(cx, id);
      }
    }
    let sinkTopicId: string | null = null;
    let groupId: string | null = null;
    if (handles.length > 0) {
      const topic = externalTopic('sink', 'commands', null);
      sinkTopicId = topic.id;
      groupId = cx.groupName([service.name, names.fileName, 'sink']);
      for (const id of handles) cx.commands.get(id)!.topicId = topic.id;
    }
    if (emits.length === 0 && handles.length === 0) {
      cx.info('external-system-unused', `External system ${cx.quote(ext.id)} neither reports events nor handles commands, so it is left out of the services.`, ext.id);
    }
    service.externalSystems.push(ext.id);
    const weights = new Map<ElementId, number>();
    for (const m of members) {
      for (const link of ix.outgoing(m)) {
        if (!weights.has(link.target) && emits.includes(link.target)) {
          weights.set(link.target, typeof link.weight === 'number' && Number.isFinite(link.weight) && link.weight > 0 ? link.weight : 1);
        }
      }
    }
    const outcomes = emits.map((eventId) => ({ eventId, weight: weights.get(eventId) ?? 1 }));
    cx.externalSystems.set(ext.id, { ...names, elementId: ext.id, serviceId: service.id, emits, outcomes, sourceTopicId, handles, sinkTopicId, groupId });
  }
}

/** An external event's key: a field named like an id ("orderId", "id"), else none. */
function guessKeyField(cx: CompileContext, eventId: ElementId): string | null {
  const fields = cx.events.get(eventId)!.fields;
  return fields.find((f) => /(^id|Id)$/.test(f.name) && !f.optional)?.name ?? null;
}

function topicsOf(cx: CompileContext, eventIds: ElementId[]): string[] {
  return [...new Set(eventIds.map((id) => cx.events.get(id)?.topicId).filter((t): t is string => !!t))];
}

export function compilePolicies(cx: CompileContext): void {
  const { ix } = cx;
  for (const policy of ix.ofKind('policy')) {
    const service = cx.plan.serviceOf(policy);
    const names = cx.names.get(policy.id)!;
    const triggers = ix.sources(policy.id, 'event').map((e) => e.id);
    const commands = ix.targets(policy.id, 'command').map((c) => c.id);
    if (commands.length === 0) {
      cx.error('policy-without-command', `Policy ${cx.quote(policy.id)} issues no command: link it to the command it sends.`, policy.id);
    }
    if (triggers.length === 0) {
      cx.error('policy-without-trigger', `Policy ${cx.quote(policy.id)} is triggered by no event: link the event it reacts to.`, policy.id);
    }
    for (const commandId of commands) {
      const command = cx.commands.get(commandId)!;
      const agg = command.handler?.kind === 'aggregate' ? ix.byId.get(command.handler.elementId) : undefined;
      const rawId = agg?.kind === 'aggregate' ? (agg.idField ?? '').trim() : '';
      if (!rawId) continue;
      for (const eventId of triggers) {
        if (!cx.fieldLabels.get(eventId)?.has(rawId)) {
          cx.warning(
            'policy-cannot-route',
            `Policy ${cx.quote(policy.id)} cannot find "${rawId}" in event ${cx.quote(eventId)}, so command ${cx.quote(commandId)} goes to the aggregate with the event's key (or to a new one when that key does not fit the field). Add "${rawId}" to the event to route it explicitly.`,
            policy.id,
            eventId,
          );
        }
      }
    }
    service.policies.push(policy.id);
    cx.policies.set(policy.id, {
      ...names,
      elementId: policy.id,
      serviceId: service.id,
      groupId: cx.groupName([service.name, names.fileName, 'policy']),
      triggers,
      commands,
      topicIds: topicsOf(cx, triggers),
      when: '',
    });
  }
}

export function compileProjectors(cx: CompileContext): void {
  const { ix, registry } = cx;
  for (const rm of ix.ofKind('readModel').filter((r) => cx.groups.isPrimary(r.id))) {
    const service = cx.plan.serviceOf(rm);
    const names = cx.names.get(rm.id)!;
    const events = [...new Set(cx.groups.members(rm.id).flatMap((m) => ix.sources(m, 'event').map((e) => e.id)))];
    if (events.length === 0) {
      cx.warning('read-model-without-events', `Read model ${cx.quote(rm.id)} is fed by no event: link the events that change it.`, rm.id);
    }
    const topicIds = topicsOf(cx, events);
    const sources = topicIds.map((id) => registry.get(id)!);
    const table = registry.add({
      id: `table:${rm.id}`,
      segments: [service.name, names.fileName, 'table'],
      role: 'table',
      perInstance: false,
      partitions: sources.length ? Math.max(...sources.map((t) => (t.perInstance ? 1 : t.partitions))) : DEFAULT_STREAM.partitions,
      replicationFactor: sources.length ? Math.max(...sources.map((t) => t.replicationFactor)) : DEFAULT_STREAM.replicationFactor,
      configs: configsOf('compact', -1),
      keyField: null,
      keyPrefixedByType: false,
      serviceId: service.id,
      elementIds: [rm.id],
    });
    service.projectors.push(rm.id);
    cx.projectors.set(rm.id, {
      ...names,
      elementId: rm.id,
      serviceId: service.id,
      groupId: cx.groupName([service.name, names.fileName, 'projector']),
      events,
      topicIds,
      tableTopicId: table.id,
      columns: [],
    });
  }
}
