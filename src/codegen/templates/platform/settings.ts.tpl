// Settings from the environment, in one place: KAFKA_BROKERS (comma-separated, default
// localhost:9092), PORT and HOST of the HTTP API (default 3000 on 127.0.0.1; HOST=0.0.0.0 to
// serve other machines), KAFKA_SESSION_TIMEOUT_MS (how long a silent instance keeps its
// partitions; the client's default when unset).
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

export function sessionTimeoutMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.KAFKA_SESSION_TIMEOUT_MS;
  if (text === undefined || text === '') return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`KAFKA_SESSION_TIMEOUT_MS must be a positive number of milliseconds, not ${JSON.stringify(text)}`);
  return ms;
}
