/**
 * Runs the offline queue for the whole app, so queued actions keep going out whichever page is
 * open: loads them from IndexedDB, sends the oldest one at a time to the server it was meant for,
 * and tries again when the browser comes online, after a growing pause while the server cannot be
 * reached, and after a new sign-in. Only one tab sends (Web Locks), and each action is re-read from
 * storage before sending, so two tabs never send the same action.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { normaliseBaseUrl } from '../api/http.ts';
import { useConnection } from '../connection/useConnection.ts';
import { OfflineQueueContext, type OfflineQueueValue } from './offlineQueueContext.ts';
import {
  bySeq,
  createAction,
  expired,
  markSending,
  nextToSend,
  pendingFor,
  recover,
  retry as retryAction,
  settle,
  type NewAction,
  type QueuedAction,
} from './queueMachine.ts';
import { newQueueId } from './queueId.ts';
import { indexedDbQueueStore, memoryQueueStore, type QueueStore } from './queueStore.ts';
import { sendAction } from './sendAction.ts';

const LOCK_NAME = 'stockscan-offline-queue';
const MAX_BACKOFF_MS = 15_000;

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** Run `fn` holding the tab-wide lock; false when another tab holds it (that tab is sending). */
async function withLock(fn: () => Promise<void>): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) {
    await fn();
    return true;
  }
  return locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await fn();
    return true;
  });
}

/** Same actions in the same states (by id and last change), whatever the order. */
function sameItems(a: readonly QueuedAction[], b: readonly QueuedAction[]): boolean {
  if (a.length !== b.length) return false;
  const seen = new Map(b.map((i) => [i.id, i]));
  return a.every((i) => seen.get(i.id)?.updatedAt === i.updatedAt && seen.get(i.id)?.status === i.status);
}

export function OfflineQueueProvider({ children, store: given }: { children: ReactNode; store?: QueueStore }) {
  const { connection, status } = useConnection();
  const server = connection.mode === 'server' ? normaliseBaseUrl(connection.baseUrl) : '';
  const [items, setItems] = useState<QueuedAction[]>([]);
  const itemsRef = useRef<QueuedAction[]>([]);
  const storeRef = useRef<QueueStore>(
    given ?? (typeof indexedDB !== 'undefined' ? indexedDbQueueStore : memoryQueueStore()),
  );
  const latest = useRef({ connection, status, server });
  latest.current = { connection, status, server };
  const loaded = useRef<Promise<void> | null>(null);
  const draining = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  const recovered = useRef(false);

  const publish = useCallback((next: QueuedAction[]) => {
    itemsRef.current = [...next].sort(bySeq);
    setItems(itemsRef.current);
  }, []);

  const write = useCallback(
    async (item: QueuedAction) => {
      publish([...itemsRef.current.filter((i) => i.id !== item.id), item]);
      try {
        await storeRef.current.put(item);
      } catch {
        // Storage refused (quota, private window): keep working from memory for this tab.
        storeRef.current = memoryQueueStore();
        await storeRef.current.put(item);
      }
    },
    [publish],
  );

  /** Read what is stored (other tabs may have added or sent actions) into memory. */
  const sync = useCallback(async () => {
    try {
      const stored = await storeRef.current.all();
      const now = Date.now();
      const old = expired(stored, now);
      if (old.length) await storeRef.current.remove(old);
      const kept = stored.filter((i) => !old.includes(i.id));
      // Unchanged (the usual case with one tab): no new list, so nothing re-renders.
      if (!sameItems(kept, itemsRef.current)) publish(kept);
    } catch {
      storeRef.current = memoryQueueStore();
    }
  }, [publish]);

  const drain = useCallback(async (): Promise<void> => {
    // Offline: nothing can be sent; the 'online' event starts again (after a reload, once, to recover).
    if (!isOnline() && recovered.current) return;
    if (draining.current) {
      again.current = true;
      return;
    }
    draining.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    let retryIn: number | null = null;
    try {
      await loaded.current;
      const got = await withLock(async () => {
        await sync();
        if (!recovered.current) {
          // Under the lock no other tab is sending: anything still "sending" was cut off mid-request.
          recovered.current = true;
          const before = itemsRef.current;
          for (const item of recover(before, Date.now())) if (!before.includes(item)) await write(item);
        }
        for (;;) {
          const { connection: conn, server: target } = latest.current;
          if (conn.mode !== 'server' || !conn.token || !target || !isOnline()) return;
          const next = nextToSend(itemsRef.current, target);
          if (!next) return;
          // Another tab may have sent it meanwhile: trust storage, not memory.
          const fresh = await storeRef.current.get(next.id);
          if (!fresh || fresh.status !== 'queued') {
            await sync();
            continue;
          }
          let sending = markSending(fresh, Date.now());
          await write(sending);
          const result = await sendAction(conn, sending, async (patch) => {
            sending = { ...sending, ...patch };
            await write(sending);
          });
          await write(settle(sending, result, Date.now()));
          if (result.kind === 'unreachable') {
            failures.current += 1;
            retryIn = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures.current - 1, 4));
            return;
          }
          failures.current = 0;
          // 401: the sign-in is gone; a new sign-in (token change) starts sending again.
          if (result.kind === 'auth') return;
        }
      });
      if (!got) retryIn = 3000;
    } finally {
      draining.current = false;
    }
    if (again.current) {
      again.current = false;
      void drain();
    } else if (retryIn !== null && pendingFor(itemsRef.current, latest.current.server).length > 0) {
      timer.current = setTimeout(() => void drain(), retryIn);
    }
  }, [sync, write]);

  // Load once, then send what waits.
  useEffect(() => {
    loaded.current ??= sync();
    void loaded.current.then(() => drain());
  }, [sync, drain]);

  // A new sign-in, another server, or the network back: send what waits.
  useEffect(() => {
    failures.current = 0;
    void drain();
  }, [connection.token, server, drain]);

  useEffect(() => {
    const online = () => {
      failures.current = 0;
      void drain();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [drain]);

  const shouldQueue = useCallback(() => {
    const { connection: conn, status: st, server: target } = latest.current;
    if (conn.mode !== 'server' || !target) return false;
    return !isOnline() || st === 'expired' || !conn.token || pendingFor(itemsRef.current, target).length > 0;
  }, []);

  const enqueue = useCallback(
    async (input: NewAction, id: string = newQueueId()) => {
      await loaded.current;
      const item = createAction(itemsRef.current, input, id, Date.now());
      await write(item);
      void drain();
      return item;
    },
    [write, drain],
  );

  const retry = useCallback(
    (id: string) => {
      const item = itemsRef.current.find((i) => i.id === id);
      if (!item) return;
      void write(retryAction(item, Date.now())).then(() => drain());
    },
    [write, drain],
  );

  const discard = useCallback(
    (id: string) => {
      const item = itemsRef.current.find((i) => i.id === id);
      // Never pull an action out from under a request in flight.
      if (!item || item.status === 'sending') return;
      publish(itemsRef.current.filter((i) => i.id !== id));
      void storeRef.current.remove([id]);
    },
    [publish],
  );

  const sendNow = useCallback(() => {
    failures.current = 0;
    void drain();
  }, [drain]);

  const value = useMemo<OfflineQueueValue>(
    () => ({ items, server, shouldQueue, enqueue, retry, discard, sendNow }),
    [items, server, shouldQueue, enqueue, retry, discard, sendNow],
  );
  return <OfflineQueueContext.Provider value={value}>{children}</OfflineQueueContext.Provider>;
}
