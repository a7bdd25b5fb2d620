// Aggregates: the event stream topic (per the board's topic strategy), the command topic keyed
// by aggregate id, the handler's consumer group, and which events each command can lead to.
import type { AggregateElement, ElementId } from '../model';
import type { CompileContext } from './context';
import { camelName } from './naming';
import { inferOutcomes } from './outcomes';
import { clampStream, configsOf, sharedStream } from './topics';
import type { OutcomeSpec, TopicSpec } from './types';

const uniqueById = <T extends { id: ElementId }>(items: T[]): T[] => [...new Map(items.map((i) => [i.id, i])).values()];

const COMMAND_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

function checkStream(cx: CompileContext, agg: AggregateElement): void {
  const s = agg.stream;
  const clamped = clampStream(s);
  if (!s || s.partitions !== clamped.partitions || s.replicationFactor !== clamped.replicationFactor || s.retentionMs !== clamped.retentionMs) {
    cx.warning(
      'stream-settings-out-of-range',
      `Aggregate ${cx.quote(agg.id)}: stream settings need 1–1000 partitions, a replication factor of 1–9 and retention.ms ≥ -1; exported as ${clamped.partitions} partitions, replication factor ${clamped.replicationFactor}, retention.ms ${clamped.retentionMs}.`,
      agg.id,
    );
  }
  if (clamped.cleanupPolicy === 'compact') {
    cx.warning(
      'compacted-event-stream',
      `Aggregate ${cx.quote(agg.id)} keeps its events in a compacted topic: compaction keeps only the latest event per aggregate id, so rehydration loses history. Use cleanup policy "delete" for an event store.`,
      agg.id,
    );
  }
}

export function compileAggregates(cx: CompileContext): void {
  const { ix, registry } = cx;
  const aggregates = ix.ofKind('aggregate').filter((a) => cx.groups.isPrimary(a.id));
  const strategy = cx.ix.board.settings?.topicStrategy ?? 'perAggregateType';
  let shared: TopicSpec | undefined;
  for (const agg of aggregates) {
    const service = cx.plan.serviceOf(agg);
    const names = cx.names.get(agg.id)!;
    const members = cx.groups.members(agg.id);
    const rawId = (agg.idField ?? '').trim();
    const otherIds = [...new Set(members.map((m) => ix.byId.get(m)).map((m) => (m?.kind === 'aggregate' ? m.idField.trim() : rawId)))];
    if (otherIds.length > 1) {
      cx.error(
        'aggregate-id-fields-differ',
        `The stickies of aggregate ${cx.quote(agg.id)} name different id fields (${otherIds.map((f) => `"${f}"`).join(', ')}): they are one aggregate, so give them the same id field.`,
        ...members,
      );
    }
    if (!rawId) {
      cx.error(
        'aggregate-without-id-field',
        `Aggregate ${cx.quote(agg.id)} has no id field: set the payload field that identifies one ${agg.text.trim() || 'aggregate'} (e.g. "accountId"); it keys the aggregate's events and commands.`,
        ...members,
      );
    }
    const idField = camelName(rawId, 'id');
    checkStream(cx, agg);
    const stream = clampStream(agg.stream);
    let eventTopic: TopicSpec;
    if (strategy === 'sharedTopic') {
      const all = sharedStream(aggregates);
      eventTopic = shared ??= registry.add({
        id: 'shared:events',
        segments: [cx.projectName, 'events'],
        role: 'events',
        perInstance: false,
        partitions: all.partitions,
        replicationFactor: all.replicationFactor,
        configs: configsOf(all.cleanupPolicy, all.retentionMs),
        keyField: null,
        keyPrefixedByType: true,
        serviceId: service.id,
        elementIds: [],
      });
      eventTopic.elementIds.push(agg.id);
    } else {
      const perInstance = strategy === 'perAggregateInstance';
      eventTopic = registry.add({
        id: `events:${agg.id}`,
        segments: [service.name, names.fileName, 'events'],
        role: 'events',
        perInstance,
        partitions: perInstance ? 1 : stream.partitions,
        replicationFactor: stream.replicationFactor,
        configs: configsOf(stream.cleanupPolicy, stream.retentionMs),
        keyField: idField,
        keyPrefixedByType: false,
        serviceId: service.id,
        elementIds: [agg.id],
      });
    }
    const commandTopic = registry.add({
      id: `commands:${agg.id}`,
      segments: [service.name, names.fileName, 'commands'],
      role: 'commands',
      perInstance: false,
      partitions: eventTopic.perInstance ? stream.partitions : eventTopic.partitions,
      replicationFactor: stream.replicationFactor,
      configs: configsOf('delete', COMMAND_RETENTION_MS),
      keyField: idField,
      keyPrefixedByType: false,
      serviceId: service.id,
      elementIds: [agg.id],
    });
    // Each sticky of the aggregate links its own commands and events; infer outcomes per
    // sticky (the layout a workshop draws), then merge.
    const commands = uniqueById(members.flatMap((m) => ix.sources(m, 'command'))).filter((c) => cx.commands.get(c.id)?.handler?.elementId === agg.id);
    const events = uniqueById(members.flatMap((m) => ix.targets(m, 'event')));
    const outcomes = new Map<ElementId, OutcomeSpec[]>(commands.map((c) => [c.id, []]));
    for (const m of members) {
      const eventLinks = new Map(ix.outgoing(m).filter((l) => cx.events.has(l.target)).map((l) => [l.target, l]));
      const local = inferOutcomes(
        ix.sources(m, 'command').filter((c) => outcomes.has(c.id)).map((c) => ({ id: c.id, text: c.text, y: cx.absoluteY(c.id) })),
        ix.targets(m, 'event').map((e) => ({ id: e.id, text: e.text, y: cx.absoluteY(e.id) })),
        eventLinks,
      );
      for (const [commandId, list] of local) {
        const merged = outcomes.get(commandId)!;
        for (const o of list) if (!merged.some((x) => x.eventId === o.eventId)) merged.push(o);
      }
    }
    if (commands.length === 0) {
      cx.warning('aggregate-without-commands', `Aggregate ${cx.quote(agg.id)} handles no command: link the commands it decides to it.`, ...members);
    }
    if (commands.length > 0 && events.length === 0) {
      cx.error(
        'aggregate-without-events',
        `Aggregate ${cx.quote(agg.id)} produces no event: link it to the events its commands lead to (e.g. a success and a rejection).`,
        ...members,
      );
    }
    service.aggregates.push(agg.id);
    cx.aggregates.set(agg.id, {
      ...names,
      elementId: agg.id,
      serviceId: service.id,
      idField,
      stream,
      eventTopicId: eventTopic.id,
      commandTopicId: commandTopic.id,
      groupId: cx.groupName([service.name, names.fileName, 'handler']),
      commands: commands.map((c) => ({ commandId: c.id, outcomes: outcomes.get(c.id) ?? [], rules: null })),
      events: events.map((e) => e.id),
      state: [],
    });
    keyMessages(cx, agg, rawId, eventTopic.id, commandTopic.id, events.map((e) => e.id), commands.map((c) => c.id));
  }
}

/** Every event and command of an aggregate must carry its id field: it is the record key. */
function keyMessages(
  cx: CompileContext,
  agg: AggregateElement,
  rawId: string,
  eventTopicId: string,
  commandTopicId: string,
  eventIds: ElementId[],
  commandIds: ElementId[],
): void {
  for (const id of eventIds) {
    const event = cx.events.get(id)!;
    if (event.topicId !== null) {
      cx.warning(
        'event-with-several-aggregates',
        `Event ${cx.quote(id)} is produced by more than one aggregate; it is stored with ${cx.quote(event.producers[0]!)}. Give each aggregate its own event.`,
        id,
        agg.id,
      );
      continue;
    }
    event.topicId = eventTopicId;
    event.keyField = cx.fieldLabels.get(id)?.get(rawId) ?? null;
    if (rawId && event.keyField === null) {
      cx.error(
        'event-without-key-field',
        `Event ${cx.quote(id)} has no key field: add the field "${rawId}" (the id field of aggregate ${cx.quote(agg.id)}) to its payload.`,
        id,
        agg.id,
      );
    }
  }
  for (const id of commandIds) {
    const command = cx.commands.get(id)!;
    command.topicId = commandTopicId;
    command.keyField = cx.fieldLabels.get(id)?.get(rawId) ?? null;
    if (rawId && command.keyField === null) {
      cx.error(
        'command-without-key-field',
        `Command ${cx.quote(id)} has no key field: add the field "${rawId}" (the id field of aggregate ${cx.quote(agg.id)}) so it reaches the right aggregate.`,
        id,
        agg.id,
      );
    }
  }
}
