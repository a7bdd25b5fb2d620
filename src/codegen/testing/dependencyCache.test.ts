import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedNodeModules, openDependencyCache } from './dependencyCache';

const pkg = (name: string, dependencies: Record<string, string>) => JSON.stringify({ name, scripts: { start: `node ${name}` }, dependencies, devDependencies: { typescript: '^5' } });

describe('the test run’s cache of installed export dependencies', () => {
  let close: (() => void) | null = null;
  afterEach(() => {
    close?.();
    close = null;
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
