// Starts a local Apache Kafka 4.4 in KRaft mode (every node a combined broker + controller) on
// 127.0.0.1 from the jars Maven resolves (classpath.mjs). Used by `npm run kafka` (cli.mjs) and
// by the tests' global set-up, which also stop and restart single brokers of a running cluster.
//
//   const kafka = await startKafka({ brokers: 3 });
//   kafka.bootstrap          // '127.0.0.1:41001,127.0.0.1:41002,127.0.0.1:41003'
//   kafka.brokers            // [{ id: 1, port: 41001 }, …]
//   await kafka.stopBroker(2)            // controlled shutdown (SIGTERM); { signal: 'SIGKILL' } crashes it
//   await kafka.startBroker(2)           // same node, same storage, same port; resolves once it serves
//   await kafka.stop()                   // every node, then the temporary storage
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, isPortFree } from '../lib/freePorts.mjs';
import { kafkaClasspath } from './classpath.mjs';
import { BrokerStartError, LocalKafkaError, PortInUseError } from './errors.mjs';
import { fetchBrokers } from './metadataProbe.mjs';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const PROBE_INTERVAL_MS = 200;
const LOG_TAIL_LINES = 30;

/** Every JVM this module started and has not seen exit: killed if Node exits first. */
const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

async function ensurePortFree(port) {
  if (!(await isPortFree(port))) throw new PortInUseError(port);
}

/** Kafka's cluster ids are 16 random bytes in unpadded base64url, never starting with '-'. */
function clusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function tail(file, lines = LOG_TAIL_LINES) {
  if (!existsSync(file)) return '(no log written)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function properties(node, nodes, dir, config) {
  const n = nodes.length;
  const props = {
    'process.roles': 'broker,controller',
    'node.id': String(node.id),
    'controller.quorum.voters': nodes.map((x) => `${x.id}@${HOST}:${x.controllerPort}`).join(','),
    listeners: `PLAINTEXT://${HOST}:${node.port},CONTROLLER://${HOST}:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${HOST}:${node.port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': join(dir, 'data'),
    'num.partitions': '1',
    'offsets.topic.num.partitions': '3',
    'offsets.topic.replication.factor': String(Math.min(3, n)),
    'transaction.state.log.replication.factor': String(Math.min(3, n)),
    'transaction.state.log.min.isr': String(Math.min(2, n)),
    'share.coordinator.state.topic.replication.factor': String(Math.min(3, n)),
    'share.coordinator.state.topic.min.isr': String(Math.min(2, n)),
    'group.initial.rebalance.delay.ms': '0',
    // Topics exist only when created (as the export's create-topics does): a client of an earlier
    // test still reconnecting must not re-create a deleted topic with one partition.
    'auto.create.topics.enable': 'false',
    ...config,
  };
  return Object.entries(props).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
}

function jvmArgs(heap, fastStart) {
  return [
    // C1 only: a node serves in about half the time (7 s instead of 12–16 s for one node on a
    // loaded 2-core machine) at the cost of peak throughput, which tests do not need.
    ...(fastStart ? ['-XX:TieredStopAtLevel=1'] : []),
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-Djava.awt.headless=true',
    '-Dorg.slf4j.simpleLogger.showDateTime=true',
    '-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn',
  ];
}

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => resolvePromise(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise(true);
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ brokers?: number, basePort?: number, dataDir?: string, config?: Record<string, string>,
 *           heap?: string, fastStart?: boolean, jvmOptions?: string[], log?: (line: string) => void }} [options]
 *   brokers: node count (default 1); basePort: first client port, the others follow it
 *   (default: free ports chosen now); dataDir: where storage and logs go (default: a temporary
 *   folder removed by stop()); config: extra server.properties entries for every node;
 *   heap: JVM heap per node (default 512m); fastStart: JIT with C1 only, for tests that need
 *   start-up time more than throughput (default false); jvmOptions: more JVM flags.
 */
export async function startKafka(options = {}) {
  const count = options.brokers ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 9) throw new LocalKafkaError(`brokers must be 1..9, got ${count}`, { code: 'BAD_OPTION' });
  const heap = options.heap ?? '512m';
  const log = options.log ?? (() => {});
  const classpath = kafkaClasspath({ log });
  installExitHook();

  const nodes = [];
  for (let i = 0; i < count; i++) {
    let port;
    if (options.basePort !== undefined) {
      port = options.basePort + i;
      await ensurePortFree(port);
    } else {
      port = await freePort();
    }
    nodes.push({ id: i + 1, port, controllerPort: 0, child: undefined });
  }
  for (const node of nodes) {
    for (;;) {
      const p = await freePort();
      if (!nodes.some((x) => x.port === p || x.controllerPort === p)) {
        node.controllerPort = p;
        break;
      }
    }
  }

  const ownsDir = options.dataDir === undefined;
  const root = options.dataDir ?? mkdtempSync(join(tmpdir(), 'stormbench-kafka-'));
  const id = clusterId();
  for (const node of nodes) {
    node.dir = join(root, `node-${node.id}`);
    node.props = join(node.dir, 'server.properties');
    node.logFile = join(node.dir, 'kafka.log');
    mkdirSync(node.dir, { recursive: true });
    writeFileSync(node.props, properties(node, nodes, node.dir, options.config ?? {}));
  }

  const cleanup = () => {
    if (ownsDir) rmSync(root, { recursive: true, force: true });
  };

  // Formatting is one short JVM per node; run them side by side.
  await Promise.all(
    nodes.map(
      (node) =>
        new Promise((resolvePromise, reject) => {
          const child = spawn('java', ['-Xmx256m', '-XX:TieredStopAtLevel=1', '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', id, '-c', node.props], { stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new BrokerStartError(node.id, `formatting its storage failed (exit ${code})`, out.trim().split('\n').slice(-LOG_TAIL_LINES).join('\n')))));
        }),
    ),
  ).catch((err) => {
    cleanup();
    throw err;
  });

  function launch(node) {
    const fd = openSync(node.logFile, 'a');
    const child = spawn('java', [...jvmArgs(heap, options.fastStart ?? false), ...(options.jvmOptions ?? []), '-cp', classpath, 'kafka.Kafka', node.props], { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    node.child = child;
    live.add(child);
    child.on('exit', () => live.delete(child));
    return child;
  }

  /** Resolves once a metadata request to `probeNode` lists every node in `expected`. */
  async function waitReady(probeNode, expected) {
    const deadline = Date.now() + START_TIMEOUT_MS;
    let lastError = 'no answer yet';
    while (Date.now() < deadline) {
      for (const node of expected) {
        const child = node.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) {
          throw new BrokerStartError(node.id, `its process exited (${child?.exitCode ?? child?.signalCode})`, tail(node.logFile));
        }
      }
      try {
        const listed = await fetchBrokers(HOST, probeNode.port);
        const ids = new Set(listed.map((b) => b.nodeId));
        if (expected.every((n) => ids.has(n.id))) return;
        lastError = `metadata lists brokers [${[...ids].join(', ')}]`;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
      }
      await sleep(PROBE_INTERVAL_MS);
    }
    throw new BrokerStartError(probeNode.id, `no complete metadata answer within ${START_TIMEOUT_MS / 1000} s (${lastError})`, tail(probeNode.logFile));
  }

  async function stopNode(node, signal = 'SIGTERM') {
    const child = node.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
  }

  for (const node of nodes) launch(node);
  try {
    await waitReady(nodes[0], nodes);
  } catch (err) {
    await Promise.all(nodes.map((n) => stopNode(n, 'SIGKILL')));
    cleanup();
    throw err;
  }

  const byId = (brokerId) => {
    const node = nodes.find((n) => n.id === brokerId);
    if (!node) throw new LocalKafkaError(`no broker ${brokerId}: this cluster has brokers 1..${nodes.length}`, { code: 'BAD_OPTION' });
    return node;
  };
  let stopped = false;

  return {
    bootstrap: nodes.map((n) => `${HOST}:${n.port}`).join(','),
    brokers: nodes.map((n) => ({ id: n.id, port: n.port })),
    clusterId: id,
    dataDir: root,
    /** The broker's log file (stdout and stderr of its JVM). */
    logFile: (brokerId) => byId(brokerId).logFile,
    /** The JVM's process id while the broker runs, else undefined. */
    pid: (brokerId) => {
      const child = byId(brokerId).child;
      return child && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    isRunning: (brokerId) => {
      const child = byId(brokerId).child;
      return !!child && child.exitCode === null && child.signalCode === null;
    },
    /** SIGTERM (a controlled shutdown) by default; `{ signal: 'SIGKILL' }` crashes the node. */
    async stopBroker(brokerId, { signal = 'SIGTERM' } = {}) {
      await stopNode(byId(brokerId), signal);
    },
    /** Restarts a stopped node on its storage and port; resolves once it is listed in metadata. */
    async startBroker(brokerId) {
      const node = byId(brokerId);
      if (stopped) throw new LocalKafkaError('the cluster was stopped', { code: 'STOPPED' });
      if (node.child && node.child.exitCode === null && node.child.signalCode === null) return;
      launch(node);
      await waitReady(node, [node]);
    },
    /** Stops every node (controlled shutdown, killed after 30 s) and removes temporary storage. */
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.all(nodes.map((n) => stopNode(n)));
      cleanup();
    },
  };
}
