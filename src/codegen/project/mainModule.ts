// src/main.ts of the export (`npm start`): every service, with as many instances as the board
// gives it, in one process, and the whole HTTP API.
import type { Topology } from '../../topology';
import { commentText, str } from '../emit/escape';

export function rootMainModule(t: Topology): string {
  const imports = t.services.map((s, i) => `import * as _service${i} from ${str(`../services/${s.name}/src/service.js`)};`);
  const entries = t.services.map((s, i) => `    { name: _service${i}.serviceName, instances: _service${i}.instances, start: _service${i}.startService },`);
  return `// Runs every service of ${commentText(t.boardName)} on Kafka (KAFKA_BROKERS) in this process, instances as on the board, with the HTTP API on PORT.
import { COMMANDS, READ_MODELS } from './api/routes.js';
import { runServices } from './platform/run.js';
${imports.join('\n')}

await runServices({
  services: [
${entries.join('\n')}
  ],
  commands: COMMANDS,
  readModels: READ_MODELS,
});
`;
}
