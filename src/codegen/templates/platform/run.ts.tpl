// Runs services on Kafka in this process, with the HTTP API in front: `npm start` runs every
// service with as many instances as the board gives it, `npm run start:<service>` one instance
// of one service. Each instance has its own client (its own producer and consumers), so
// instances share their groups' partitions as separate processes would. SIGINT or SIGTERM
// stops everything and leaves the groups. With SCHEMA_REGISTRY_URL, the services' event schemas
// are registered first: an unreachable registry or a refused schema stops the start with its reason.
import type { HandlerEnv } from '../runtime/messages.js';
import { systemEnv } from './env.js';
import { startHttpApi } from './httpApi.js';
import type { CommandRoute, ReadModelRoute, ReadModelSource } from './httpApi.js';
import { KafkaTransport } from './kafkaTransport.js';
import { SchemaCodec } from './schemaCodec.js';
import { httpHost, httpPort, kafkaBrokers, schemaRegistryUrl, sessionTimeoutMs } from './settings.js';
import type { Transport } from './transport.js';

export interface Runnable {
  readonly tables: ReadonlyMap<string, ReadModelSource>;
  stop(): Promise<void>;
}

export interface ServiceEntry {
  readonly name: string;
  readonly instances: number;
  start(transport: Transport, env: HandlerEnv): Promise<Runnable>;
}

export interface RunOptions {
  readonly services: readonly ServiceEntry[];
  readonly commands: readonly CommandRoute[];
  readonly readModels: readonly ReadModelRoute[];
}

export async function runServices(options: RunOptions): Promise<void> {
  const brokers = kafkaBrokers();
  const timeout = sessionTimeoutMs();
  const transports: KafkaTransport[] = [];
  let codec: SchemaCodec | undefined;
  const transport = (clientId: string) => {
    const t = new KafkaTransport({ clientId, brokers, ...(timeout !== undefined ? { sessionTimeoutMs: timeout } : {}), ...(codec ? { codec } : {}) });
    transports.push(t);
    return t;
  };
  const running = new Map<string, Runnable[]>();
  const stopAll = async () => {
    await Promise.allSettled([...running.values()].flat().map((r) => r.stop()));
    await Promise.allSettled(transports.map((t) => t.close()));
  };
  let api: { url: string; close(): Promise<void> } | null = null;
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      void (api?.close() ?? Promise.resolve())
        .then(stopAll)
        .finally(() => process.exit(0));
    });
  }
  try {
    const registryUrl = schemaRegistryUrl();
    if (registryUrl) codec = await SchemaCodec.start(registryUrl, options.services.map((s) => s.name));
    const starts: Promise<void>[] = [];
    for (const service of options.services) {
      const instances: Runnable[] = [];
      running.set(service.name, instances);
      for (let i = 1; i <= service.instances; i++) {
        starts.push(
          service.start(transport(`${service.name}-${i}`), systemEnv()).then((r) => {
            instances.push(r);
            console.log(`${service.name}: instance ${i} of ${service.instances} running`);
          }),
        );
      }
    }
    await Promise.all(starts);
    const readModels = options.readModels.map((route) => {
      const source = running.get(route.service)?.[0]?.tables.get(route.readModel);
      if (!source) throw new Error(`read model ${route.name} has no running service ${route.service}`);
      return { route, source };
    });
    if (stopping) return;
    api = await startHttpApi({ port: httpPort(), host: httpHost(), transport: transport('http-api'), commands: options.commands, readModels });
    const library = transports[0]?.library ?? '';
    const events = codec ? `events in the wire format of the schema registry at ${codec.url} (${codec.library})` : 'events as JSON';
    console.log(`ready: ${[...running.values()].flat().length} instance(s) of ${options.services.length} service(s) on ${brokers.join(',')} (${library}), ${events}, HTTP API on ${api.url}`);
  } catch (err) {
    console.error(`could not start: ${err instanceof Error ? err.message : String(err)}`);
    await stopAll();
    process.exit(1);
  }
}
