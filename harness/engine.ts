// Runs the log engine inside a real Web Worker with IndexedDB and publishes what happened on
// window.engineResult for e2e/engine-worker.spec.ts: produce, consume with a group, terminate
// the worker without closing (as a closed tab would), then reopen in a new worker.
import { createWorkerClient } from '../src/worker/client';

interface EngineResult {
  sent: number;
  consumedFirst: number;
  highAfterReopen: number;
  committedAfterReopen: number;
  consumedAfterReopen: string[];
  topicsAfterReopen: string[];
  crash: { acked: number; highAfterReopen: number; denseAndWhole: boolean };
  error?: string;
}

const out = globalThis as unknown as { engineResult?: EngineResult; harnessReady: boolean };

async function run(): Promise<EngineResult> {
  const name = `engine-e2e-${Date.now()}`;
  const first = createWorkerClient();
  await first.engine.open({ storage: { name } });
  await first.engine.createTopics([{ topic: 'orders', numPartitions: 3 }]);
  const messages = Array.from({ length: 1000 }, (_, i) => ({ key: `order-${i % 50}`, value: JSON.stringify({ n: i }) }));
  const meta = await first.engine.send('orders', messages);
  const consumed = await first.engine.consume({ groupId: 'billing', topic: 'orders', count: 1000 });
  await first.engine.send('orders', Array.from({ length: 10 }, (_, i) => ({ key: `late-${i}`, value: `late-${i}` })));
  first.terminate();

  const second = createWorkerClient();
  await second.engine.open({ storage: { name } });
  const offsets = await second.engine.fetchTopicOffsets('orders');
  const committed = await second.engine.fetchOffsets('billing', 'orders');
  const rest = await second.engine.consume({ groupId: 'billing', topic: 'orders', count: 10 });
  const topics = await second.engine.listTopics();
  await second.engine.close();
  second.terminate();
  const crash = await crashMidWrite(`${name}-crash`);
  return {
    crash,
    sent: meta.length,
    consumedFirst: consumed.length,
    highAfterReopen: offsets.reduce((n, o) => n + Number(o.high), 0),
    committedAfterReopen: committed.reduce((n, o) => n + Number(o.offset), 0),
    consumedAfterReopen: rest.map((m) => new TextDecoder().decode(m.value!)).sort(),
    topicsAfterReopen: topics,
  };
}

/**
 * Terminates a worker while sends are in flight, as a closed tab would. After reopening, the
 * log must hold every acknowledged send, whole batches only, at dense offsets.
 */
async function crashMidWrite(name: string): Promise<{ acked: number; highAfterReopen: number; denseAndWhole: boolean }> {
  const w = createWorkerClient();
  await w.engine.open({ storage: { name } });
  await w.engine.createTopics([{ topic: 'log', numPartitions: 1 }]);
  let acked = 0;
  let firstAcked: () => void = () => undefined;
  const enough = new Promise<void>((resolve) => (firstAcked = resolve));
  for (let s = 0; s < 100; s++) {
    void w.engine.send('log', Array.from({ length: 1000 }, (_, i) => ({ value: String(s * 1000 + i).padStart(100, '0') }))).then(
      () => {
        if (++acked === 1) firstAcked();
      },
      () => undefined,
    );
  }
  await enough;
  const ackedAtCrash = acked;
  w.terminate();
  const r = createWorkerClient();
  await r.engine.open({ storage: { name } });
  const [offsets] = await r.engine.fetchTopicOffsets('log');
  const high = Number(offsets!.high);
  let dense = high % 1000 === 0;
  for (let at = 0; dense && at < high; at += 5000) {
    const msgs = await r.engine.read('log', 0, String(at), 5000);
    msgs.forEach((m, i) => {
      if (m.offset !== String(at + i)) dense = false;
    });
  }
  await r.engine.close();
  r.terminate();
  return { acked: ackedAtCrash, highAfterReopen: high, denseAndWhole: dense };
}

out.harnessReady = true;
run().then(
  (r) => (out.engineResult = r),
  (e: unknown) => (out.engineResult = { sent: 0, consumedFirst: 0, highAfterReopen: 0, committedAfterReopen: 0, consumedAfterReopen: [], topicsAfterReopen: [], crash: { acked: 0, highAfterReopen: 0, denseAndWhole: false }, error: String(e) }),
);
