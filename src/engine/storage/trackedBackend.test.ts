import { describe, expect, it } from 'vitest';
import type { PartitionStore } from '../log/logStore';
import { memoryBackend, type StorageBackend } from './backend';
import { trackedBackend } from './trackedBackend';

function tracker() {
  const tracked: Promise<unknown>[] = [];
  let reads = 0;
  return {
    tracked,
    reads: () => reads,
    track: <T,>(p: Promise<T>) => {
      tracked.push(p);
      return p;
    },
    reading: (d: number) => (reads += d),
  };
}

describe('trackedBackend', () => {
  it('keeps a memory store volatile, so its logs do not collect writes nobody stores', () => {
    const t = tracker();
    const store = trackedBackend(memoryBackend(), t.track, t.reading).partitionStore('orders', 0, 1);
    expect(store.volatile).toBe(true);
    expect(store.pageable).toBe(false);
  });

  it('tracks every request and counts reads until they settle', async () => {
    let release!: (b: Uint8Array) => void;
    const loading = new Promise<Uint8Array>((r) => (release = r));
    const inner: PartitionStore = {
      pageable: true,
      write: () => Promise.resolve(),
      load: () => loading,
      loadChunks: () => Promise.resolve([]),
      destroy: () => undefined,
    };
    const backend: StorageBackend = { ...memoryBackend(), kind: 'indexedDB', partitionStore: () => inner };
    const t = tracker();
    const store = trackedBackend(backend, t.track, t.reading).partitionStore('orders', 0, 1);
    expect(store.pageable).toBe(true);
    expect(store.volatile).toBeUndefined();

    await store.write({});
    expect(t.tracked).toHaveLength(1);
    expect(t.reads()).toBe(0); // a write is not a read

    const read = store.load(0, { baseOffset: 0, lastOffset: 0, byteLength: 1, records: 1 } as never);
    const many = store.loadChunks!([]);
    expect(t.tracked).toHaveLength(3);
    await many;
    await Promise.resolve();
    expect(t.reads()).toBe(1); // the first load is still out
    release(new Uint8Array([7]));
    expect(await read).toEqual(new Uint8Array([7]));
    await Promise.resolve();
    expect(t.reads()).toBe(0);
    expect(store.destroy()).toBeUndefined(); // a synchronous answer passes through untracked
    expect(t.tracked).toHaveLength(3);
  });
});
