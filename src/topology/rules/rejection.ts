// The one wording of a rule rejection: a command whose outcomes all have guards, none of which
// holds. The simulator, the scenarios and the exported code all say it the same way, so what a
// workshop reads on the board is what the exported service logs.
import type { ElementId } from '../../model';
import type { AggregateSpec, Topology } from '../types';

/** "Withdraw money is rejected: no outcome's guard admits it (Money withdrawn when amount <= balance)". */
export function rejectionReason(commandLabel: string, guards: readonly { event: string; when: string }[]): string {
  const list = guards.filter((g) => g.when.trim()).map((g) => `${g.event} when ${g.when.trim()}`);
  return `${commandLabel} is rejected: no outcome's guard admits it${list.length ? ` (${list.join('; ')})` : ''}`;
}

/** The rejection reason of a command handled by `agg`, from the rules that apply (those for events it leads to). */
export function commandRejection(t: Topology, agg: AggregateSpec, commandId: ElementId): string {
  const command = t.commands.find((c) => c.elementId === commandId);
  const entry = agg.commands.find((c) => c.commandId === commandId);
  const guards = (entry?.rules ?? []).flatMap((r) => {
    const event = t.events.find((e) => e.elementId === r.eventId);
    return event && entry!.outcomes.some((o) => o.eventId === r.eventId) ? [{ event: event.label, when: r.when }] : [];
  });
  return rejectionReason(command?.label ?? 'The command', guards);
}
