// Lookups the file generators share while writing one export.
import type { ElementId } from '../model';
import type { AggregateSpec, CommandSpec, EventSpec, ServiceSpec, TopicSpec, Topology } from '../topology';
import { str } from './emit/escape';

export interface GenContext {
  t: Topology;
  event(id: ElementId): EventSpec;
  command(id: ElementId): CommandSpec;
  topic(id: string): TopicSpec;
  aggregate(id: ElementId): AggregateSpec;
  service(id: string): ServiceSpec;
  /** A topic reference for subscriptions: the name, or a pattern for per-instance streams. */
  topicPattern(id: string): string;
  /** Every event and command a service's code mentions (its messages.ts). */
  messagesOf(service: ServiceSpec): { events: EventSpec[]; commands: CommandSpec[] };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`export: ${what} missing from the topology`);
  return value;
}

/** A RegExp source matching every instance topic of a prefix ("p.x", "p.y", not "p"). */
export function instancePattern(prefix: string): string {
  return `^${prefix.replace(/[.\-]/g, (c) => `\\${c}`)}\\.`;
}

export function createGenContext(t: Topology): GenContext {
  const events = new Map(t.events.map((e) => [e.elementId as string, e]));
  const commands = new Map(t.commands.map((c) => [c.elementId as string, c]));
  const topics = new Map(t.topics.map((x) => [x.id, x]));
  const aggregates = new Map(t.aggregates.map((a) => [a.elementId as string, a]));
  const services = new Map(t.services.map((s) => [s.id, s]));
  const gen: GenContext = {
    t,
    event: (id) => need(events.get(id), `event ${id}`),
    command: (id) => need(commands.get(id), `command ${id}`),
    topic: (id) => need(topics.get(id), `topic ${id}`),
    aggregate: (id) => need(aggregates.get(id), `aggregate ${id}`),
    service: (id) => need(services.get(id), `service ${id}`),
    topicPattern(id) {
      const topic = gen.topic(id);
      return topic.perInstance ? `new RegExp(${str(instancePattern(topic.name))})` : str(topic.name);
    },
    messagesOf(service) {
      const ev = new Set<string>();
      const cmd = new Set<string>();
      for (const a of t.aggregates.filter((x) => x.serviceId === service.id)) {
        a.events.forEach((id) => ev.add(id));
        a.commands.forEach((c) => cmd.add(c.commandId));
      }
      for (const p of t.policies.filter((x) => x.serviceId === service.id)) {
        p.triggers.forEach((id) => ev.add(id));
        p.commands.forEach((id) => cmd.add(id));
      }
      for (const p of t.projectors.filter((x) => x.serviceId === service.id)) p.events.forEach((id) => ev.add(id));
      for (const s of t.externalSystems.filter((x) => x.serviceId === service.id)) {
        s.emits.forEach((id) => ev.add(id));
        s.handles.forEach((id) => cmd.add(id));
      }
      return {
        events: t.events.filter((e) => ev.has(e.elementId)),
        commands: t.commands.filter((c) => cmd.has(c.elementId)),
      };
    },
  };
  return gen;
}
