// The topic where a service's command handlers write each command's outcome (accepted with its
// events, rejected or failed with the reason), read by the HTTP API to answer
// GET /commands/{commandId} (the export's src/platform/commandStatus.ts). It belongs to the
// export's HTTP API, not to the board: the simulator has no callers waiting for an answer.
import type { ServiceSpec, Topology } from '../../topology';
import { naming } from '../../topology';

/** `<service>.command-outcomes`, or with a numeric suffix should a board topic have that name. */
export function outcomesTopic(t: Topology, service: ServiceSpec): string {
  const taken = new Set(t.topics.map((x) => x.name));
  const base = naming.topicName([service.name, 'command-outcomes']);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

/** The outcomes topic of every service that handles commands, with the partitions and replication of its busiest command topic. */
export function outcomesTopics(t: Topology): { service: ServiceSpec; name: string; partitions: number; replicationFactor: number }[] {
  return t.services.flatMap((service) => {
    const commandTopics = t.topics.filter((x) => x.serviceId === service.id && (x.role === 'commands' || x.role === 'external') && handlesCommands(t, x.id));
    if (commandTopics.length === 0) return [];
    return [
      {
        service,
        name: outcomesTopic(t, service),
        partitions: Math.max(...commandTopics.map((x) => x.partitions)),
        replicationFactor: Math.max(...commandTopics.map((x) => x.replicationFactor)),
      },
    ];
  });
}

function handlesCommands(t: Topology, topicId: string): boolean {
  return t.aggregates.some((a) => a.commandTopicId === topicId) || t.externalSystems.some((s) => s.sinkTopicId === topicId && s.groupId !== null);
}
