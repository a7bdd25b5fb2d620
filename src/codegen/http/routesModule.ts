// src/api/routes.ts of the export: the HTTP API's route table (commands and read models).
import { literal } from '../emit/escape';
import type { HttpRoutes } from './httpRoutes';

export function routesModule(routes: HttpRoutes): string {
  const commands = routes.commands.map((r) => ({
    path: r.path,
    name: r.command.label,
    type: r.command.typeName,
    service: r.service,
    topic: r.topic,
    keyField: r.command.keyField,
    fields: r.fields,
    outcomesTopic: r.outcomesTopic,
  }));
  const readModels = routes.readModels.map((r) => ({ path: r.path, name: r.projector.label, readModel: r.projector.typeName, service: r.service }));
  return `// The HTTP API's routes (openapi.json describes the same): one POST per command, GET per read model.
import type { CommandRoute, ReadModelRoute } from '../platform/httpApi.js';

export const COMMANDS: readonly CommandRoute[] = ${literal(commands, 2)};

export const READ_MODELS: readonly ReadModelRoute[] = ${literal(readModels, 2)};
`;
}
