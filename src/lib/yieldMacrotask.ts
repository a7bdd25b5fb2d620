// One turn of the host's event loop. Awaiting it lets every queued microtask run (a whole
// promise chain settles within one microtask checkpoint) and lets I/O callbacks that were
// ready (IndexedDB completions) fire: the discrete-event clock uses it to know that the work an
// instant started has come to rest. setImmediate in Node, a MessageChannel in browsers and
// workers (setTimeout(0) is clamped to 4 ms there), about 1.5 µs a turn in Node.
type Turn = () => Promise<void>;

function pick(): Turn {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') {
    const setImmediate = g.setImmediate;
    return () => new Promise((resolve) => void setImmediate(resolve));
  }
  if (typeof g.MessageChannel === 'function') {
    const channel = new g.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      });
  }
  return () => new Promise((resolve) => void setTimeout(resolve, 0));
}

export const yieldMacrotask: Turn = pick();
