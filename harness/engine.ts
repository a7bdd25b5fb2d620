// Runs the log engine inside a real Web Worker with IndexedDB and publishes what happened on
// window.engineResult for e2e/engine-worker.spec.ts: produce, consume with a group, terminate
// the worker without closing (as a closed tab would), then reopen in a new worker.
import { createEngineClient } from '../src/worker/client';

interface EngineResult {
  sent: number;
  consumedFirst: number;
  highAfterReopen: number;
  committedAfterReopen: number;
  consumedAfterReopen: string[];
  topicsAfterReopen: string[];
  error?: string;
}

const out = globalThis as unknown as { engineResult?: EngineResult; harnessReady: boolean };

async function run(): Promise<EngineResult> {
  const name = `engine-e2e-${Date.now()}`;
  const first = createEngineClient();
  await first.api.open({ storage: { name } });
  await first.api.createTopics([{ topic: 'orders', numPartitions: 3 }]);
  const messages = Array.from({ length: 1000 }, (_, i) => ({ key: `order-${i % 50}`, value: JSON.stringify({ n: i }) }));
  const meta = await first.api.send('orders', messages);
  const consumed = await first.api.consume({ groupId: 'billing', topic: 'orders', count: 1000 });
  await first.api.send('orders', Array.from({ length: 10 }, (_, i) => ({ key: `late-${i}`, value: `late-${i}` })));
  first.terminate();

  const second = createEngineClient();
  await second.api.open({ storage: { name } });
  const offsets = await second.api.fetchTopicOffsets('orders');
  const committed = await second.api.fetchOffsets('billing', 'orders');
  const rest = await second.api.consume({ groupId: 'billing', topic: 'orders', count: 10 });
  const topics = await second.api.listTopics();
  await second.api.close();
  second.terminate();
  return {
    sent: meta.length,
    consumedFirst: consumed.length,
    highAfterReopen: offsets.reduce((n, o) => n + Number(o.high), 0),
    committedAfterReopen: committed.reduce((n, o) => n + Number(o.offset), 0),
    consumedAfterReopen: rest.map((m) => new TextDecoder().decode(m.value!)).sort(),
    topicsAfterReopen: topics,
  };
}

out.harnessReady = true;
run().then(
  (r) => (out.engineResult = r),
  (e: unknown) => (out.engineResult = { sent: 0, consumedFirst: 0, highAfterReopen: 0, committedAfterReopen: 0, consumedAfterReopen: [], topicsAfterReopen: [], error: String(e) }),
);
