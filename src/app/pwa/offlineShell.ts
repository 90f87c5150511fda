/**
 * Whether the app itself can open without a network: the page asks the service worker to cache
 * the whole shell once the app has started (see appShellWorker.ts: install caches only the page,
 * so a first visit is not held up by the download) and keeps what it answered, for Settings.
 */
import { PRECACHE_REQUEST, type PrecacheReply } from './appShellWorker.ts';

export type OfflineShellStatus =
  | { state: 'unavailable' }
  | { state: 'preparing' }
  | { state: 'ready'; files: number }
  | { state: 'incomplete'; cached: number; total: number };

let status: OfflineShellStatus = { state: 'unavailable' };
const listeners = new Set<() => void>();

function set(next: OfflineShellStatus): void {
  status = next;
  for (const l of listeners) l();
}

export function offlineShellStatus(): OfflineShellStatus {
  return status;
}

export function subscribeOfflineShell(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function statusFromReply(reply: PrecacheReply): OfflineShellStatus {
  return reply.cached === reply.total
    ? { state: 'ready', files: reply.total }
    : { state: 'incomplete', cached: reply.cached, total: reply.total };
}

function isReply(x: unknown): x is PrecacheReply {
  return typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'stockscan-precached';
}

/** Ask the active worker to cache the shell; resolves with its answer (null: no answer in time). */
export function requestPrecache(worker: ServiceWorker, timeoutMs = 120_000): Promise<PrecacheReply | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      resolve(null);
    }, timeoutMs);
    channel.port1.onmessage = (e: MessageEvent<unknown>) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(isReply(e.data) ? e.data : null);
    };
    worker.postMessage({ type: PRECACHE_REQUEST }, [channel.port2]);
  });
}

/** After start-up work: the shell's download must not compete with the app's own first requests. */
function whenIdle(run: () => void): void {
  const later = () =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 1000);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

/** Once the registration has an active worker and the page is idle, have the whole shell cached. */
export function prepareOfflineShell(container: ServiceWorkerContainer): void {
  set({ state: 'preparing' });
  void container.ready.then((registration) =>
    whenIdle(() => {
      const worker = registration.active;
      if (!worker) return set({ state: 'unavailable' });
      void requestPrecache(worker).then((reply) => set(reply ? statusFromReply(reply) : { state: 'unavailable' }));
    }),
  );
}
