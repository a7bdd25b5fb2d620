// Time as a dependency. The engine and simulator never read Date.now() directly: a virtual
// clock makes runs deterministic (advance(ms) fires every timer that falls due, in time order,
// ties broken by scheduling order), a real clock drives the live app.
declare const timerBrand: unique symbol;
/** A timer's handle: opaque, so a virtual timer can be its own handle (no id lookup to cancel it). */
export type TimerId = { readonly [timerBrand]: true };

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
  at: number;
  seq: number;
  /** Null once the timer ran or was cancelled: a cancelled timer stays in the heap until it surfaces. */
  fn: (() => void) | null;
  /** The clock that set it: a handle given to another clock's clearTimeout is not its to cancel. */
  owner: object;
}

export function createVirtualClock(start = 0): VirtualClock {
  let now = start;
  let seq = 0;
  let live = 0;
  const owner = {};
  // A binary heap ordered by (at, seq) keeps advance() O(log n) per timer. The handle a caller
  // gets is the heap entry itself: cancelling clears its callback, with no set of ids to keep
  // (a simulation sets and cancels thousands of timers a second; sets churned that fast allocate).
  const heap: Timer[] = [];
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
      const fn = top.fn;
      if (fn === null) continue;
      top.fn = null;
      live--;
      if (top.at > now) now = top.at;
      fn();
    }
  };
  return {
    kind: 'virtual',
    now: () => now,
    setTimeout(fn, ms) {
      const t: Timer = { at: now + Math.max(0, ms), seq: seq++, fn, owner };
      live++;
      push(t);
      return t as unknown as TimerId;
    },
    clearTimeout(id) {
      const t = id as unknown as Partial<Timer> | null;
      if (t && t.owner === owner && t.fn) {
        t.fn = null;
        live--;
      }
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
      while (heap.length > 0 && heap[0]!.fn === null) pop();
      return heap[0]?.at ?? null;
    },
    pendingTimers: () => live,
  };
}

export function createRealClock(): Clock {
  return {
    kind: 'real',
    now: () => Date.now(),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms) as unknown as TimerId,
    clearTimeout: (id) => globalThis.clearTimeout(id as unknown as ReturnType<typeof globalThis.setTimeout>),
  };
}
