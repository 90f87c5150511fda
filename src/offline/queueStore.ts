/**
 * Where queued actions live: IndexedDB (library `idb`), one record per action, so they survive a
 * reload, a crash or a closed tab. Records hold the request body and its context, never the token.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { QueuedAction } from './queueMachine.ts';

const DB_NAME = 'stockscan-offline';
const STORE = 'actions';

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'id' });
    },
  });
  return dbPromise;
}

export interface QueueStore {
  all(): Promise<QueuedAction[]>;
  get(id: string): Promise<QueuedAction | undefined>;
  put(item: QueuedAction): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

export const indexedDbQueueStore: QueueStore = {
  async all() {
    return (await (await db()).getAll(STORE)) as QueuedAction[];
  },
  async get(id) {
    return (await (await db()).get(STORE, id)) as QueuedAction | undefined;
  },
  async put(item) {
    await (await db()).put(STORE, item);
  },
  async remove(ids) {
    const tx = (await db()).transaction(STORE, 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  },
};

/** For browsers without IndexedDB (some private windows): the queue still works until the tab closes. */
export function memoryQueueStore(): QueueStore {
  const rows = new Map<string, QueuedAction>();
  return {
    all: async () => [...rows.values()],
    get: async (id) => rows.get(id),
    put: async (item) => void rows.set(item.id, item),
    remove: async (ids) => ids.forEach((id) => rows.delete(id)),
  };
}
