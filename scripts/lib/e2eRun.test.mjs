// An e2e run must test its own build: free ports of its own, and never a server that was
// already listening (another checkout's). These pin the pieces: the port choice, the run's
// environment and what playwright.config.ts makes of it.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { e2eEnv, e2ePorts } from './e2eRun.mjs';
import { freePorts, isPortFree } from './freePorts.mjs';

function listenOn(port) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

describe('free ports', () => {
  it('hands out distinct ports that can be bound', async () => {
    const ports = await freePorts(4);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) expect(await isPortFree(port)).toBe(true);
  });

  it('tells a taken port from a free one', async () => {
    const server = await listenOn(0);
    try {
      expect(await isPortFree(server.address().port)).toBe(false);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('e2e ports', () => {
  it('chooses two distinct free ports when none is named', async () => {
    const { port, collabPort } = await e2ePorts({});
    expect(port).not.toBe(collabPort);
    expect(await isPortFree(port)).toBe(true);
    expect(await isPortFree(collabPort)).toBe(true);
  });

  it('keeps the ports the environment names and fills in the other', async () => {
    expect(await e2ePorts({ E2E_PORT: '4131', E2E_COLLAB_PORT: '5131' })).toEqual({ port: 4131, collabPort: 5131 });
    const onlyApp = await e2ePorts({ E2E_PORT: '4131' });
    expect(onlyApp.port).toBe(4131);
    expect(onlyApp.collabPort).not.toBe(4131);
    const onlyCollab = await e2ePorts({ E2E_COLLAB_PORT: '5131', E2E_PORT: '' });
    expect(onlyCollab.collabPort).toBe(5131);
    expect(onlyCollab.port).not.toBe(5131);
  });

  it('refuses ports that are not ports, or one port for both servers', async () => {
    await expect(e2ePorts({ E2E_PORT: 'abc' })).rejects.toThrow(/E2E_PORT must be a port number/);
    await expect(e2ePorts({ E2E_COLLAB_PORT: '70000' })).rejects.toThrow(/E2E_COLLAB_PORT must be a port number/);
    await expect(e2ePorts({ E2E_PORT: '4131', E2E_COLLAB_PORT: '4131' })).rejects.toThrow(/must differ/);
  });

  it("a run's environment names its ports and build and drops a developer's reuse switch", () => {
    const env = e2eEnv({ PATH: '/bin', E2E_REUSE_SERVER: '1' }, { port: 40001, collabPort: 40002 }, { dist: '.tmp/d', report: 'r.json', chromium: '/bin/chromium' });
    expect(env).toEqual({ PATH: '/bin', E2E_PORT: '40001', E2E_COLLAB_PORT: '40002', E2E_DIST: '.tmp/d', E2E_REPORT: 'r.json', STORMBENCH_CHROMIUM: '/bin/chromium' });
  });
});

describe('playwright.config.ts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function webServers(env) {
    vi.stubEnv('CI', '');
    vi.stubEnv('E2E_REUSE_SERVER', '');
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.resetModules();
    const { default: config } = await import('../../playwright.config');
    return config.webServer;
  }

  it("starts both servers on the run's ports and never reuses one already listening", async () => {
    const servers = await webServers({ E2E_PORT: '40001', E2E_COLLAB_PORT: '40002' });
    expect(servers.map((s) => s.url)).toEqual(['http://127.0.0.1:40001', 'http://127.0.0.1:40002/collab.json']);
    for (const server of servers) expect(server.reuseExistingServer).toBe(false);
  });

  it('reuses a running server only when a developer asks for it', async () => {
    const servers = await webServers({ E2E_REUSE_SERVER: '1' });
    for (const server of servers) expect(server.reuseExistingServer).toBe(true);
  });
});
