// Time as a dependency. The engine and simulator never read Date.now() directly: a virtual
// clock makes runs deterministic (advance(ms) fires every timer that falls due, in time order,
// ties broken by scheduling order), a real clock drives the live app.
export type TimerId = number;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  readonly kind: 'real' | 'virtual';
}

export interface VirtualClock extends Clock {
  readonly kind: 'virtual';
  /** Moves time forward by ms, running every timer due on the way (and those they schedule). */
  advance(ms: number): void;
  /** Runs timers due at the current instant without moving time. */
  runDue(): void;
  /** When the earliest pending timer falls due, or null when none is pending. */
  nextDueAt(): number | null;
  pendingTimers(): number;
}

interface Timer {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
}

export function createVirtualClock(start = 0): VirtualClock {
  let now = start;
  let seq = 0;
  let nextId = 1;
  // A binary heap ordered by (at, seq) keeps advance() O(log n) per timer.
  const heap: Timer[] = [];
  // Pending timer ids: clearTimeout is O(1) (a lookup here, a tombstone in `cancelled`) instead
  // of a scan of the heap — a simulation cancels thousands of timers a second.
  const pending = new Set<number>();
  const cancelled = new Set<number>();
  const less = (x: Timer, y: Timer) => x.at < y.at || (x.at === y.at && x.seq < y.seq);
  const push = (t: Timer) => {
    heap.push(t);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      // A temporary, not a destructuring swap: that allocates an array per step where V8 does not elide it.
      const t = heap[i]!;
      heap[i] = heap[p]!;
      heap[p] = t;
      i = p;
    }
  };
  const pop = (): Timer | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        const t = heap[i]!;
        heap[i] = heap[m]!;
        heap[m] = t;
        i = m;
      }
    }
    return top;
  };
  const runUntil = (limit: number) => {
    for (;;) {
      const top = heap[0];
      if (!top || top.at > limit) break;
      pop();
      if (cancelled.delete(top.id)) continue;
      pending.delete(top.id);
      now = Math.max(now, top.at);
      top.fn();
    }
  };
  return {
    kind: 'virtual',
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      pending.add(id);
      push({ id, at: now + Math.max(0, ms), seq: seq++, fn });
      return id;
    },
    clearTimeout(id) {
      if (pending.delete(id)) cancelled.add(id);
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`advance(ms) needs a non-negative number, got ${ms}`);
      const target = now + ms;
      runUntil(target);
      now = target;
    },
    runDue() {
      runUntil(now);
    },
    nextDueAt() {
      while (heap.length > 0 && cancelled.has(heap[0]!.id)) cancelled.delete(pop()!.id);
      return heap[0]?.at ?? null;
    },
    pendingTimers: () => pending.size,
  };
}

export function createRealClock(): Clock {
  return {
    kind: 'real',
    now: () => Date.now(),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => globalThis.clearTimeout(id),
  };
}
