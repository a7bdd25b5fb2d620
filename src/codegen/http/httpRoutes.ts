// The export's HTTP API as data: one POST route per command that has a topic, GET routes per
// read model. One source for the generated route table (src/api/routes.ts), openapi.json and
// the README's curl examples, so the three always describe the same API.
import type { CommandSpec, ProjectorSpec, runtime } from '../../topology';
import { naming, runtimeFields } from '../../topology';
import type { GenContext } from '../genContext';
import { outcomesTopic } from '../service/outcomesTopic';

/** GET: a command's outcome, by the id its POST answered with (the 202's Location). */
export const COMMAND_STATUS_PATH = '/commands/{commandId}';

export interface CommandRouteSpec {
  readonly path: string;
  readonly command: CommandSpec;
  /** Service that handles the command (its aggregate's or external system's). */
  readonly service: string;
  readonly topic: string;
  readonly fields: runtime.RuntimeField[];
  /** Where the handler writes the command's outcome (GET /commands/{commandId}). */
  readonly outcomesTopic: string;
}

export interface ReadModelRouteSpec {
  readonly path: string;
  readonly projector: ProjectorSpec;
  readonly service: string;
}

export interface HttpRoutes {
  readonly commands: readonly CommandRouteSpec[];
  readonly readModels: readonly ReadModelRouteSpec[];
  /** Commands left out because nothing handles them (no topic to send them to). */
  readonly unrouted: readonly CommandSpec[];
}

export function httpRoutes(gen: GenContext): HttpRoutes {
  const t = gen.t;
  const commandNames = new naming.NameScope();
  const readModelNames = new naming.NameScope();
  const commands: CommandRouteSpec[] = [];
  const unrouted: CommandSpec[] = [];
  for (const command of t.commands) {
    const handler = command.handler;
    const owner =
      handler === null
        ? undefined
        : handler.kind === 'aggregate'
          ? t.aggregates.find((a) => a.elementId === handler.elementId)?.serviceId
          : t.externalSystems.find((s) => s.elementId === handler.elementId)?.serviceId;
    if (command.topicId === null || owner === undefined) {
      unrouted.push(command);
      continue;
    }
    commands.push({
      path: `/commands/${commandNames.claim(command.fileName, '-')}`,
      command,
      service: gen.service(owner).name,
      topic: gen.topic(command.topicId).name,
      fields: runtimeFields(command.fields),
      outcomesTopic: outcomesTopic(t, gen.service(owner)),
    });
  }
  const readModels = t.projectors.map((projector) => ({
    path: `/read-models/${readModelNames.claim(projector.fileName, '-')}`,
    projector,
    service: gen.service(projector.serviceId).name,
  }));
  return { commands, readModels, unrouted };
}
