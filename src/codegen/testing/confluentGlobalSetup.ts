// Global set-up of the Vitest project `kafka`, beside the brokers': starts building Confluent's
// client (once per machine and version, see confluentClient.ts) without waiting for it, so the
// build runs while the brokers start and the kafkajs tests run. Tests that need the client wait
// for the build through ensureConfluentClient(); the teardown waits for it too, so no build is
// left running. It also opens the run's cache of installed export dependencies
// (dependencyCache.ts) and removes it at the end.
import { ensureConfluentClient } from './confluentClient';
import { openDependencyCache } from './dependencyCache';

export default function setup(): () => Promise<void> {
  const started = Date.now();
  const closeDependencyCache = openDependencyCache();
  const building = ensureConfluentClient().then(
    () => console.log(`[kafka] Confluent's client ready in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (err: unknown) => console.error(`[kafka] Confluent's client: ${err instanceof Error ? err.message : String(err)}`),
  );
  return async () => {
    await building;
    closeDependencyCache();
  };
}
