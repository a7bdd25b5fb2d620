import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedNodeModules, DEPENDENCY_CACHE_ENV, openDependencyCache } from './dependencyCache';

const pkg = (name: string, dependencies: Record<string, string>) => JSON.stringify({ name, scripts: { start: `node ${name}` }, dependencies, devDependencies: { typescript: '^5' } });

describe('the test run’s cache of installed export dependencies', () => {
  let close: (() => void) | null = null;
  // In the whole test command the kafka project's run has opened its cache, and this worker
  // inherited it: set it aside.
  let inherited: string | undefined;
  beforeEach(() => {
    inherited = process.env[DEPENDENCY_CACHE_ENV];
    delete process.env[DEPENDENCY_CACHE_ENV];
  });
  afterEach(() => {
    close?.();
    close = null;
    if (inherited !== undefined) process.env[DEPENDENCY_CACHE_ENV] = inherited;
  });

  it('is off unless a run opened it', () => {
    expect(cachedNodeModules(pkg('a', { kafkajs: '^2' }), 'kafkajs')).toBeNull();
  });

  it('shares one folder between exports with the same dependencies and client, whatever else their package.json says', () => {
    close = openDependencyCache();
    const banking = cachedNodeModules(pkg('banking', { kafkajs: '^2' }), 'kafkajs');
    expect(banking).not.toBeNull();
    expect(cachedNodeModules(new TextEncoder().encode(pkg('ecommerce', { kafkajs: '^2' })), 'kafkajs')).toBe(banking);
    expect(cachedNodeModules(pkg('banking', { kafkajs: '^2', avsc: '^5' }), 'kafkajs')).not.toBe(banking);
    expect(cachedNodeModules(pkg('banking', { kafkajs: '^2' }), 'confluent')).not.toBe(banking);
  });

  it('is removed when the run closes it', () => {
    close = openDependencyCache();
    const folder = cachedNodeModules(pkg('a', {}), 'kafkajs')!;
    const root = folder.split('/').slice(0, -2).join('/');
    expect(existsSync(root)).toBe(true);
    close();
    close = null;
    expect(existsSync(root)).toBe(false);
    expect(cachedNodeModules(pkg('a', {}), 'kafkajs')).toBeNull();
  });
});
