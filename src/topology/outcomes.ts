// Which of an aggregate's events can each of its commands lead to? The board links a command
// to the aggregate and the aggregate to its events, but not a command to its events, so we
// infer it: a command leads to the events that share a distinctive word stem with it
// ("Withdraw money" → "Money withdrawn", "Withdrawal rejected"; "money" is shared by every
// command of the aggregate and says nothing). Events matching no command go to the command
// nearest on the board's vertical axis, where EventStorming stacks a flow's alternatives;
// a command matching no event gets the nearest event. Deterministic for a given board.
import type { BoardLink, ElementId } from '../model';
import { toWords } from './naming';
import type { OutcomeSpec } from './types';

const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'for', 'and', 'or', 'on', 'in', 'by', 'with', 'is', 'was']);

/** Word stems: the first five letters, enough to tie "withdraw", "withdrawn" and "withdrawal". */
export function stems(text: string): Set<string> {
  return new Set(
    toWords(text)
      .map((w) => w.toLowerCase())
      .filter((w) => !STOP.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

export interface Positioned {
  id: ElementId;
  text: string;
  y: number;
}

export function inferOutcomes(
  commands: readonly Positioned[],
  events: readonly Positioned[],
  eventLinks: ReadonlyMap<ElementId, BoardLink>,
): Map<ElementId, OutcomeSpec[]> {
  const weightOf = (eventId: ElementId) => {
    const w = eventLinks.get(eventId)?.weight;
    return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 1;
  };
  const result = new Map<ElementId, OutcomeSpec[]>(commands.map((c) => [c.id, []]));
  if (commands.length === 0) return result;
  if (commands.length === 1) {
    result.set(commands[0]!.id, events.map((e) => ({ eventId: e.id, weight: weightOf(e.id) })));
    return result;
  }
  const commandStems = commands.map((c) => stems(c.text));
  const common = new Set([...commandStems[0]!].filter((s) => commandStems.every((cs) => cs.has(s))));
  const distinctive = commandStems.map((cs) => new Set([...cs].filter((s) => !common.has(s))));
  const nearest = <T extends Positioned>(y: number, items: readonly T[]): T =>
    items.reduce((best, it) => (Math.abs(it.y - y) < Math.abs(best.y - y) ? it : best));
  const assigned = new Set<ElementId>();
  for (const [i, command] of commands.entries()) {
    for (const event of events) {
      const es = stems(event.text);
      if ([...distinctive[i]!].some((s) => es.has(s))) {
        result.get(command.id)!.push({ eventId: event.id, weight: weightOf(event.id) });
        assigned.add(event.id);
      }
    }
  }
  for (const event of events) {
    if (assigned.has(event.id)) continue;
    const command = nearest(event.y, commands);
    result.get(command.id)!.push({ eventId: event.id, weight: weightOf(event.id) });
  }
  for (const command of commands) {
    const list = result.get(command.id)!;
    if (list.length === 0 && events.length > 0) {
      const event = nearest(command.y, events);
      list.push({ eventId: event.id, weight: weightOf(event.id) });
    }
    // Keep the board's event order so outcome order (and so seeded choices) is stable.
    const order = new Map(events.map((e, i) => [e.id, i]));
    list.sort((a, b) => order.get(a.eventId)! - order.get(b.eventId)!);
  }
  return result;
}
