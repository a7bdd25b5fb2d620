// Storage as the engine's virtual clock sees it: every request a backend starts is background
// work the clock waits for before it moves time (IndexedDB completes in later macrotasks), and
// reads are counted apart, since a consumer waiting on one is not idle.
import type { PartitionStore } from '../log/logStore';
import type { StorageBackend } from './backend';

/** `track` registers a promise the clock waits for; `reading` counts reads in flight (+1, -1). */
export function trackedBackend(backend: StorageBackend, track: <T>(p: Promise<T>) => Promise<T>, reading: (delta: number) => void): StorageBackend {
  return {
    kind: backend.kind,
    load: () => backend.load(),
    saveTopic: (t) => track(backend.saveTopic(t)),
    deleteTopic: (n) => track(backend.deleteTopic(n)),
    saveHighWatermarks: (m) => track(backend.saveHighWatermarks(m)),
    close: () => backend.close(),
    partitionStore: (topic, partition, broker) => trackedStore(backend.partitionStore(topic, partition, broker), track, reading),
  };
}

/**
 * The store with each method wrapped and every other property (pageable, volatile) kept as the
 * store has it: a flag lost here changes what the log does on every append.
 */
function trackedStore(store: PartitionStore, track: <T>(p: Promise<T>) => Promise<T>, reading: (delta: number) => void): PartitionStore {
  const out: Record<string, unknown> = { ...store };
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function') continue;
    const fn = value as (...a: unknown[]) => unknown;
    const read = name.startsWith('load');
    out[name] = (...a: unknown[]) => {
      const r = fn.apply(store, a);
      if (!(r instanceof Promise)) return r;
      if (read) {
        reading(1);
        const done = () => reading(-1);
        r.then(done, done);
      }
      return track(r);
    };
  }
  return out as unknown as PartitionStore;
}
