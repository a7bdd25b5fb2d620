// Global set-up of the Vitest project `kafka` (files src/**/*.kafka.test.ts): once per run it
// starts ONE single-node Kafka and ONE three-node cluster on free ports, compiles the Java
// oracle, and hands tests what they need through Vitest's provide/inject. Everything is stopped
// when the run ends.
//
// What tests get (typed in src/lib/testing/realKafka.ts, which also wraps the control calls):
//   inject('kafkaSingle')         '127.0.0.1:<port>'  bootstrap of the single-node broker
//   inject('kafkaTriple')         '127.0.0.1:<p1>,127.0.0.1:<p2>,127.0.0.1:<p3>'  three nodes
//   inject('kafkaTripleBrokers')  [{ id: 1, port: p1 }, …]   node ids are Kafka's broker ids
//   inject('kafkaControl')        'http://127.0.0.1:<port>'  stops and starts triple nodes:
//       POST /triple/<id>/stop           controlled shutdown (SIGTERM), answers when it exited
//       POST /triple/<id>/stop?crash=1   SIGKILL, answers when it exited
//       POST /triple/<id>/start          answers once the node is back in the metadata
//       GET  /triple                     [{ id, port, running }]
//     A test that stops a node must start it again before it ends: the cluster is shared.
//   inject('kafkaOracle')         classpath for `java -cp <it> KafkaOracle` (oracle/KafkaOracle.java)
//
// Broker settings for tests: the log cleaner checks every 200 ms (Kafka's default is 15 s) so a
// compaction test does not wait long, and the JVMs compile with C1 only (fastStart), which
// halves start-up; everything else is Kafka's default except what
// startKafka.mjs sets for a small local cluster.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOracle } from './oracle/buildOracle.mjs';
import { startKafka } from './startKafka.mjs';

const TEST_CONFIG = { 'log.cleaner.backoff.ms': '200' };

function controlServer(triple) {
  const server = createServer(async (req, res) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET' && url.pathname === '/triple') {
        return reply(200, triple.brokers.map((b) => ({ ...b, running: triple.isRunning(b.id) })));
      }
      const m = /^\/triple\/(\d+)\/(stop|start)$/.exec(url.pathname);
      if (req.method !== 'POST' || !m) return reply(404, { error: `no such control call: ${req.method} ${url.pathname}` });
      const id = Number(m[1]);
      if (m[2] === 'stop') await triple.stopBroker(id, { signal: url.searchParams.get('crash') ? 'SIGKILL' : 'SIGTERM' });
      else await triple.startBroker(id);
      return reply(200, { id, running: triple.isRunning(id) });
    } catch (err) {
      return reply(500, { error: err instanceof Error ? err.message : String(err) });
    }
  });
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise(server)));
}

export default async function setup({ provide }) {
  const started = Date.now();
  const oracleDir = mkdtempSync(join(tmpdir(), 'stormbench-oracle-'));
  const log = (line) => console.log(`[kafka] ${line}`);
  const timed = async (what, start) => {
    const t0 = Date.now();
    const value = await start();
    log(`${what} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return value;
  };
  const results = await Promise.allSettled([
    timed('single-node broker', () => startKafka({ brokers: 1, config: TEST_CONFIG, fastStart: true, log })),
    timed('three-node cluster', () => startKafka({ brokers: 3, config: TEST_CONFIG, fastStart: true, log })),
    timed('Java oracle', async () => buildOracle(oracleDir, { log })),
  ]);
  const failure = results.find((r) => r.status === 'rejected');
  const [single, triple, oracle] = results.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
  if (failure) {
    await Promise.all([single?.stop(), triple?.stop()]);
    rmSync(oracleDir, { recursive: true, force: true });
    throw failure.reason;
  }
  const control = await controlServer(triple);
  log(`all ready in ${((Date.now() - started) / 1000).toFixed(1)} s: single ${single.bootstrap}, triple ${triple.bootstrap}`);

  provide('kafkaSingle', single.bootstrap);
  provide('kafkaTriple', triple.bootstrap);
  provide('kafkaTripleBrokers', triple.brokers);
  provide('kafkaControl', `http://127.0.0.1:${control.address().port}`);
  provide('kafkaOracle', oracle);

  return async () => {
    await new Promise((r) => control.close(() => r(undefined)));
    await Promise.all([single.stop(), triple.stop()]);
    rmSync(oracleDir, { recursive: true, force: true });
  };
}
