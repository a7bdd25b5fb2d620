// One test run's installed export dependencies. Every export of one Kafka client has the same
// dependency list, and installing it is most of an export test's set-up (Confluent's client and
// schema-registry library take about 45 s on the loaded 2-core machine, kafkajs's about 10 s):
// the first export of a run with a dependency list is installed with npm, later ones get a
// hard-linked copy of its node_modules (a second or two). The kafka project's global set-up
// opens the cache and names its folder in the environment, where test workers find it; without
// it (a benchmark, a single script) every export is installed with npm. Node only.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable naming the run's cache folder. */
export const DEPENDENCY_CACHE_ENV = 'STORMBENCH_EXPORT_DEPENDENCIES';
const ENV = DEPENDENCY_CACHE_ENV;

/** Opens the run's cache (in this process's environment, inherited by workers); returns what removes it. */
export function openDependencyCache(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'stormbench-export-dependencies-'));
  process.env[ENV] = root;
  return () => {
    delete process.env[ENV];
    rmSync(root, { recursive: true, force: true });
  };
}

/** Where the node_modules for this package.json and client are kept this run, or null without a cache. */
export function cachedNodeModules(packageJson: string | Uint8Array, client: string): string | null {
  const root = process.env[ENV];
  if (!root) return null;
  const text = typeof packageJson === 'string' ? packageJson : new TextDecoder().decode(packageJson);
  const { dependencies, devDependencies } = JSON.parse(text) as Record<string, unknown>;
  const key = createHash('sha256').update(JSON.stringify({ client, dependencies, devDependencies })).digest('hex').slice(0, 16);
  return join(root, key, 'node_modules');
}
