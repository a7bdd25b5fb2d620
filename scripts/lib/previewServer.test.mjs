// The preview server of the benchmarks and screenshot scripts serves this build or fails: a port
// taken by another server is refused, never measured.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPortFree } from './freePorts.mjs';
import { startPreview } from './previewServer.mjs';

const cleanups = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()();
});

function build(marker) {
  const dir = mkdtempSync(join(tmpdir(), 'stormbench-preview-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${marker}</title>`);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('startPreview', () => {
  it('serves the given build on a free port and frees it when stopped', async () => {
    const server = await startPreview({ outDir: build('this build') });
    cleanups.push(server.stop);
    expect(await (await fetch(`${server.url}/`)).text()).toContain('this build');
    server.stop();
    await expect.poll(() => isPortFree(server.port), { timeout: 10_000 }).toBe(true);
    // Starting `vite preview` took over 20 s (the default test timeout) on a machine at load ~60.
  }, 90_000);

  it('refuses a named port another server listens on instead of measuring that server', async () => {
    const other = createServer((_, res) => res.end('<title>another checkout</title>'));
    await new Promise((r) => other.listen(0, '127.0.0.1', r));
    cleanups.push(() => other.close());
    await expect(startPreview({ outDir: build('this build'), port: other.address().port })).rejects.toThrow(/is in use/);
  });
});
