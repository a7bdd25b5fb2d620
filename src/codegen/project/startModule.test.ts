// The export's entry points (start.cts, compiled to start.cjs) size libuv's thread pool before
// the pool starts: run as the start scripts run them, with main.js an ES module beside them, the
// process has the larger pool; main.js run directly (an ES module entry) has the default 4.
// Threads are counted in /proc (these machines run Linux).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startModule, THREAD_POOL_SIZE } from './startModule';

// An ES module like the export's main.js: it uses the pool (as the services' I/O does), then
// prints how many threads the process has.
const MAIN = `import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
await readFile(new URL(import.meta.url));
console.log(readdirSync('/proc/self/task').length);
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stormbench-start-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'main.js'), MAIN);
  // The module is plain JavaScript as well: what tsc writes for it differs only in comments.
  writeFileSync(join(dir, 'start.cjs'), startModule('every service'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function threads(entry: string, env: Record<string, string> = {}): number {
  const inherited = { ...process.env };
  delete inherited['UV_THREADPOOL_SIZE'];
  const res = spawnSync(process.execPath, [entry], { cwd: dir, env: { ...inherited, ...env }, encoding: 'utf8' });
  expect(res.status, res.stderr).toBe(0);
  return Number(res.stdout.trim());
}

describe("the export's start.cjs", () => {
  it(`gives the process a thread pool of ${THREAD_POOL_SIZE}, which an ES module entry cannot give itself`, () => {
    const direct = threads('main.js');
    const started = threads('start.cjs');
    expect(started - direct).toBe(THREAD_POOL_SIZE - 4);
  });

  it('keeps a size the environment sets', () => {
    expect(threads('start.cjs', { UV_THREADPOOL_SIZE: '8' }) - threads('main.js')).toBe(8 - 4);
  });

  it('runs main.js', () => {
    expect(threads('start.cjs')).toBeGreaterThan(0);
  });
});
