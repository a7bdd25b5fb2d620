// What a *.kafka.test.ts file gets from the Vitest project `kafka` (its global set-up,
// scripts/kafka/vitestGlobalSetup.mjs, starts the brokers once per run):
//
//   import { kafkaSingle, kafkaTriple, tripleBrokers, stopTripleBroker, startTripleBroker, kafkaOracleClasspath } from '../lib/testing/realKafka';
//   kafkaSingle()                  '127.0.0.1:<port>' — a single-node Kafka 4.4 (KRaft)
//   kafkaTriple()                  three nodes, '127.0.0.1:<p1>,…'; brokers 1..3
//   await tripleBrokers()          [{ id, port, running }]
//   await stopTripleBroker(2)      controlled shutdown; { crash: true } kills it (SIGKILL)
//   await startTripleBroker(2)     resolves once broker 2 is back in the cluster's metadata
//   kafkaOracleClasspath()         `java -cp <it> KafkaOracle` runs the Java oracle
//
// Both clusters are shared by every test file of the run: use topic and group names of your
// own, and start again any broker you stop before your test ends.
import { inject } from 'vitest';

export interface TripleBroker {
  readonly id: number;
  readonly port: number;
  readonly running: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaSingle: string;
    kafkaTriple: string;
    kafkaTripleBrokers: { id: number; port: number }[];
    kafkaControl: string;
    kafkaOracle: string;
  }
}

export function kafkaSingle(): string {
  return inject('kafkaSingle');
}

export function kafkaTriple(): string {
  return inject('kafkaTriple');
}

export function kafkaOracleClasspath(): string {
  return inject('kafkaOracle');
}

async function control(method: 'GET' | 'POST', path: string): Promise<unknown> {
  const res = await fetch(`${inject('kafkaControl')}${path}`, { method });
  const body = (await res.json()) as unknown;
  if (!res.ok) {
    const message = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : res.statusText;
    throw new Error(`Kafka control ${method} ${path} failed: ${message}`);
  }
  return body;
}

export async function tripleBrokers(): Promise<TripleBroker[]> {
  return (await control('GET', '/triple')) as TripleBroker[];
}

/** Stops node `id` of the three-node cluster: a controlled shutdown, or a crash (SIGKILL). */
export async function stopTripleBroker(id: number, { crash = false }: { crash?: boolean } = {}): Promise<void> {
  await control('POST', `/triple/${id}/stop${crash ? '?crash=1' : ''}`);
}

/** Starts node `id` again on its storage and port; resolves once it is listed in metadata. */
export async function startTripleBroker(id: number): Promise<void> {
  await control('POST', `/triple/${id}/start`);
}
