// services/<svc>/src/main.ts: runs the service against a Kafka cluster.
import type { ServiceSpec } from '../../topology';
import { commentText, str } from '../emit/escape';
import { ROOT_FROM_SERVICE as R } from './paths';

export function mainModule(service: ServiceSpec): string {
  return `// Runs service ${commentText(service.label)} on Kafka. KAFKA_BROKERS is a comma-separated list (default localhost:9092).
import { systemEnv } from '${R}/src/platform/env.js';
import { KafkaTransport } from '${R}/src/platform/kafkaTransport.js';
import { startService } from './service.js';

const brokers = (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',').map((b) => b.trim()).filter(Boolean);
const transport = new KafkaTransport({ clientId: ${str(service.name)}, brokers });
const running = await startService(transport, systemEnv());
console.log(${str(`${service.name} is running`)});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running
      .stop()
      .then(() => transport.close())
      .finally(() => process.exit(0));
  });
}
`;
}
