// Settings from the environment, in one place: KAFKA_BROKERS (comma-separated, default
// localhost:9092), PORT and HOST of the HTTP API (default 3000 on 127.0.0.1; HOST=0.0.0.0 to
// serve other machines), KAFKA_SESSION_TIMEOUT_MS (how long a silent instance keeps its
// partitions; the client's default when unset), SCHEMA_REGISTRY_URL (a Confluent-compatible
// schema registry: events are registered there and written in its wire format; JSON when unset).
export function kafkaBrokers(env: NodeJS.ProcessEnv = process.env): string[] {
  const brokers = (env.KAFKA_BROKERS ?? 'localhost:9092').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS names no broker: set it to host:port[,host:port...]');
  return brokers;
}

export function httpPort(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.PORT ?? '3000';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (0-65535), not ${JSON.stringify(text)}`);
  return port;
}

export function httpHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOST?.trim() || '127.0.0.1';
}

export function schemaRegistryUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const text = env.SCHEMA_REGISTRY_URL?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SCHEMA_REGISTRY_URL must be an http(s) URL such as http://localhost:8081, not ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`SCHEMA_REGISTRY_URL must be an http(s) URL such as http://localhost:8081, not ${JSON.stringify(text)}`);
  return text.replace(/\/+$/, '');
}

export function sessionTimeoutMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.KAFKA_SESSION_TIMEOUT_MS;
  if (text === undefined || text === '') return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`KAFKA_SESSION_TIMEOUT_MS must be a positive number of milliseconds, not ${JSON.stringify(text)}`);
  return ms;
}
