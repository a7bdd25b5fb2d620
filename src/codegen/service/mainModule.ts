// services/<svc>/src/main.ts: runs one instance of the service on Kafka, with the HTTP API
// for the commands it handles and the read models it keeps.
import type { ServiceSpec } from '../../topology';
import { commentText, str } from '../emit/escape';
import { ROOT_FROM_SERVICE as R } from './paths';

export function mainModule(service: ServiceSpec): string {
  return `// Runs one instance of service ${commentText(service.label)} on Kafka (KAFKA_BROKERS), with its part of the HTTP API on PORT.
import { COMMANDS, READ_MODELS } from '${R}/src/api/routes.js';
import { runServices } from '${R}/src/platform/run.js';
import { serviceName, startService } from './service.js';

await runServices({
  services: [{ name: serviceName, instances: 1, start: startService }],
  commands: COMMANDS.filter((c) => c.service === ${str(service.name)}),
  readModels: READ_MODELS.filter((r) => r.service === ${str(service.name)}),
});
`;
}
