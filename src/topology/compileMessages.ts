// Events and commands: payload fields, producers, handlers. Topics and key fields are filled
// in once the aggregates and external systems have their topics.
import type { CompileContext } from './context';
import { compileFields } from './fields';
import type { CommandHandlerRef } from './types';

export function compileMessages(cx: CompileContext): void {
  const { ix } = cx;
  for (const event of ix.ofKind('event')) {
    const { fields, byLabel } = compileFields(event.fields ?? [], { id: event.id, text: event.text, what: 'Event' }, cx.problems);
    cx.fieldLabels.set(event.id, byLabel);
    const producers = [
      ...new Set([...ix.sources(event.id, 'aggregate'), ...ix.sources(event.id, 'externalSystem')].map((p) => cx.groups.primaryOf(p.id))),
    ];
    cx.events.set(event.id, {
      ...cx.names.get(event.id)!,
      elementId: event.id,
      serviceId: cx.plan.serviceOf(event).id,
      fields,
      producers,
      topicId: null,
      keyField: null,
    });
    if (producers.length === 0) {
      cx.error(
        'event-without-producer',
        `Event ${cx.quote(event.id)} is produced by nothing: link the aggregate or external system that records it to the event.`,
        event.id,
      );
    }
  }
  for (const command of ix.ofKind('command')) {
    const { fields, byLabel } = compileFields(command.fields ?? [], { id: command.id, text: command.text, what: 'Command' }, cx.problems);
    cx.fieldLabels.set(command.id, byLabel);
    const handlers: CommandHandlerRef[] = [
      ...new Set(ix.targets(command.id, 'aggregate').map((a) => cx.groups.primaryOf(a.id))),
    ].map((elementId) => ({ kind: 'aggregate' as const, elementId }));
    for (const id of new Set(ix.targets(command.id, 'externalSystem').map((s) => cx.groups.primaryOf(s.id)))) {
      handlers.push({ kind: 'externalSystem', elementId: id });
    }
    if (handlers.length === 0) {
      cx.error(
        'command-without-handler',
        `Command ${cx.quote(command.id)} is handled by no one: link it to the aggregate (or external system) that decides it.`,
        command.id,
      );
    } else if (handlers.length > 1) {
      cx.error(
        'command-with-several-handlers',
        `Command ${cx.quote(command.id)} is handled by ${handlers.length} stickies (${handlers.map((h) => cx.quote(h.elementId)).join(', ')}): a command has exactly one handler, so keep one link.`,
        command.id,
        ...handlers.map((h) => h.elementId),
      );
    }
    const triggered =
      ix.sources(command.id, 'actor').length + ix.sources(command.id, 'policy').length + ix.sources(command.id, 'externalSystem').length;
    if (triggered === 0) {
      cx.warning(
        'command-without-trigger',
        `Command ${cx.quote(command.id)} has no trigger: link an actor or a policy to it, or it is never sent.`,
        command.id,
      );
    }
    cx.commands.set(command.id, {
      ...cx.names.get(command.id)!,
      elementId: command.id,
      serviceId: cx.plan.serviceOf(command).id,
      fields,
      handler: handlers[0] ?? null,
      topicId: null,
      keyField: null,
    });
  }
}
