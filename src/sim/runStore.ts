// Where a stored run lives: the cluster's logs in the engine's own IndexedDB database (every
// replica a durable PartitionLog, written by the brokers' flushes), and beside it one small
// database with the run's own state as a checkpoint (options, time, counters, instances, event
// store bookkeeping, timeline, series). One pair per board; discarding deletes both.
import { StoredRunError } from './errors';

export interface RunStorage {
  indexedDB: IDBFactory;
  /** The engine's database; the run's state goes in `<name>-state`. */
  name: string;
  /** IDBKeyRange matching the factory, when it is not the global one (fake-indexeddb in tests). */
  IDBKeyRange?: typeof IDBKeyRange;
  /** Tests: runs before each of the logs' storage transactions commits; throwing fails it (storage full). */
  beforeCommit?: () => void;
}

const STORE = 'state';
const KEY = 'run';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function openState(storage: RunStorage): Promise<IDBDatabase> {
  const r = storage.indexedDB.open(`${storage.name}-state`, 1);
  r.onupgradeneeded = () => {
    if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
  };
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new StoredRunError('The stored run is open in another tab of this browser: close it there and try again.'));
  });
}

/** Writes the run's state checkpoint (replacing the previous one). */
export async function saveRunState(storage: RunStorage, state: unknown): Promise<void> {
  const db = await openState(storage);
  try {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(state, KEY);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new StoredRunError('Writing the run was aborted (is the browser storage full?).'));
    });
  } finally {
    db.close();
  }
}

/** The stored run's state, or null when this board has none. */
export async function loadRunState(storage: RunStorage): Promise<unknown> {
  const db = await openState(storage);
  try {
    return (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY))) ?? null;
  } finally {
    db.close();
  }
}

/** Deletes a stored run: its state and the cluster's logs. */
export async function discardRun(storage: RunStorage): Promise<void> {
  for (const name of [`${storage.name}-state`, storage.name]) {
    const r = storage.indexedDB.deleteDatabase(name);
    await new Promise<void>((resolve, reject) => {
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error);
      // Another connection still open: the deletion completes when it closes.
      r.onblocked = () => resolve();
    });
  }
}
