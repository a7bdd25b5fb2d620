// Ports the OS says are free now, for servers that tests and scripts start. Several checkouts
// share one machine: a fixed port lets one run test another run's server, so runs pick theirs
// here. All requested ports are held open together before any is released, so they differ.
//   node scripts/lib/freePorts.mjs 2   prints two free ports, space-separated
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';

/** Listens on `port` (0: any free one) on 127.0.0.1 and resolves to the open server. */
function listen(port) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host: HOST, port, exclusive: true }, () => resolvePromise(server));
  });
}

function close(server) {
  return new Promise((resolvePromise) => server.close(() => resolvePromise(undefined)));
}

/** `count` distinct ports that are free now. */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listen(0));
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map(close));
  }
}

/** One port that is free now. */
export async function freePort() {
  const [port] = await freePorts(1);
  return port;
}

/** Whether `port` can be bound on 127.0.0.1 now; other errors than EADDRINUSE are thrown. */
export async function isPortFree(port) {
  try {
    await close(await listen(port));
    return true;
  } catch (err) {
    if (err && err.code === 'EADDRINUSE') return false;
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 1);
  if (!Number.isInteger(count) || count < 1) {
    console.error(`usage: node scripts/lib/freePorts.mjs [count ≥ 1], got ${process.argv[2]}`);
    process.exit(2);
  }
  console.log((await freePorts(count)).join(' '));
}
