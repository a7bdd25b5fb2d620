// Serves a production build with `vite preview` for the browser benchmarks and the screenshot
// scripts: on a free port unless one is named, ready once this server (not another one on the
// same port, e.g. another checkout's) says it listens and answers. With a fixed port and a
// "does the URL answer" check, a run once measured whatever already listened there.
import { spawn } from 'node:child_process';
import { freePort, isPortFree } from './freePorts.mjs';

/**
 * Starts `vite preview` of `outDir` on 127.0.0.1 (`port`, or a free one) and resolves once
 * `path` answers; `stop()` ends the server. Rejects if the port is taken or the server exits.
 */
export async function startPreview({ outDir, port, path = '/', timeoutMs = 60_000 }) {
  if (port !== undefined && !(await isPortFree(port))) {
    throw new Error(`Port ${port} on 127.0.0.1 is in use (another server, perhaps another checkout's): choose another, or leave it unset to take a free one.`);
  }
  const chosen = port ?? (await freePort());
  const child = spawn('node_modules/.bin/vite', ['preview', '--port', String(chosen), '--strictPort', '--host', '127.0.0.1', '--outDir', outDir], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, NO_COLOR: '1' } }); // plain output in error messages
  let output = '';
  let exited = null;
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.on('exit', (code, signal) => (exited = code ?? signal));
  child.on('error', (error) => (exited = error.message));
  const url = `http://127.0.0.1:${chosen}`;
  const stop = () => {
    if (exited !== null) return;
    try {
      process.kill(-child.pid);
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`vite preview on port ${chosen} exited (${exited}) before serving:\n${output.trim()}`);
    // Vite prints its address once it listens: this server, not one already there. With CI set
    // it colours the port on its own, so the colour codes go before the address is looked for.
    if (output.replace(/\x1b\[[0-9;]*m/g, '').includes(`127.0.0.1:${chosen}`)) {
      try {
        if ((await fetch(`${url}${path}`)).ok) return { port: chosen, url, stop };
      } catch {
        // not answering yet
      }
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`vite preview on port ${chosen} did not serve ${path} within ${timeoutMs / 1000} s:\n${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
