// Reads a Web Worker's JS heap from a browser benchmark over the DevTools protocol:
// performance.memory does not exist inside workers, so the page's CDP session auto-attaches to
// worker targets and forwards HeapProfiler/Runtime calls to the chosen one.
export async function attachWorkerHeap(page, { preferUrl } = {}) {
  const cdp = await page.context().newCDPSession(page);
  let session;
  let nextId = 1;
  const waiting = new Map();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type !== 'worker') return;
    if (preferUrl && e.targetInfo.url.includes(preferUrl)) session = e.sessionId;
    else if (!session) session = e.sessionId;
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    waiting.get(msg.id)?.(msg.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const inWorker = (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId: session, message: JSON.stringify({ id, method, params }) });
    });
  return {
    cdp,
    /** The worker's heap after a forced GC, or null before a worker exists. */
    async heap() {
      if (!session) return null;
      await inWorker('HeapProfiler.collectGarbage');
      const r = await inWorker('Runtime.getHeapUsage');
      // backingStorageSize (ArrayBuffer memory outside the JS heap) where this Chromium reports it.
      return { used: r?.usedSize ?? null, buffers: r?.backingStorageSize ?? null };
    },
  };
}
