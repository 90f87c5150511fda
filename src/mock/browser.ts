// Demo mode: the simulation in the browser behind MSW's service worker, its state kept across
// reloads in IndexedDB. Everything heavy (MSW, the handlers, the ~5 MB dataset) is loaded with
// dynamic import() so it lands in the demo chunk, never in the app's first load.
import type { StoreState } from './store';

export interface DemoControls {
  /** Back to the pristine demo dataset (signed-in tokens stay valid); also clears the saved state. */
  reset(): Promise<void>;
  /** Stops the service worker's interception (e.g. when switching to a real server). */
  stop(): void;
}

const DB_NAME = 'stockscan-demo';
const DB_STORE = 'simulation';
/** Bump when the StoreState shape or the seed changes, so old saved states are dropped. */
const STATE_FORMAT = 2;

interface SavedState {
  format: number;
  state: StoreState;
}

export interface StartDemoOptions {
  /**
   * The service worker script. The built app serves one worker, /sw.js (app-shell cache +
   * importScripts of mockServiceWorker.js); the dev server has only MSW's own file.
   */
  serviceWorkerUrl?: string;
  /** Which InvenTree the demo answers as: 291 (0.17, the default) or 425 (1.x, src/mock/v425). */
  apiVersion?: 291 | 425;
}

export async function startDemo({
  serviceWorkerUrl = '/mockServiceWorker.js',
  apiVersion = 291,
}: StartDemoOptions = {}): Promise<DemoControls> {
  const [{ setupWorker }, { createSimulation, createHandlers }, { openDB }] = await Promise.all([
    import('msw/browser'),
    apiVersion === 425 ? import('./v425/demo425') : import('./demo291'),
    import('idb'),
  ]);
  // Each version keeps its own saved state (a 425 demo never resumes a 291 one).
  const STATE_KEY = apiVersion === 425 ? 'state-425' : 'state';

  const db = await openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(DB_STORE);
    },
  });
  const sim = createSimulation();
  const saved = (await db.get(DB_STORE, STATE_KEY)) as SavedState | undefined;
  if (saved && saved.format === STATE_FORMAT) sim.importState(saved.state);

  // Saving copies the whole state (~4 MB, 50–100 ms of main thread), so it waits until the burst of
  // requests is over instead of delaying the answer to the request that changed something (a scan
  // with history on would otherwise pay for it). A page that goes away writes at once: a put and
  // commit issued in pagehide still lands.
  const SAVE_DELAY_MS = 400;
  /** A steady stream of scans still gets saved this often. */
  const SAVE_MAX_WAIT_MS = 2000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstUnsaved = 0;
  const write = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const tx = db.transaction(DB_STORE, 'readwrite');
    const record: SavedState = { format: STATE_FORMAT, state: sim.exportState() };
    void tx.store.put(record, STATE_KEY);
    tx.commit();
    return tx.done.catch((error: unknown) => console.warn('Demo data could not be saved', error));
  };
  const save = () => {
    const now = performance.now();
    if (timer === null) firstUnsaved = now;
    else clearTimeout(timer);
    const wait = Math.max(0, Math.min(SAVE_DELAY_MS, firstUnsaved + SAVE_MAX_WAIT_MS - now));
    timer = setTimeout(() => void write(), wait);
  };
  const flush = () => {
    if (timer !== null) void write();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });

  const worker = setupWorker(...createHandlers(sim, { origin: window.location.origin, onMutation: () => void save() }));
  await worker.start({
    serviceWorker: { url: serviceWorkerUrl },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });

  return {
    async reset() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      sim.reset({ keepTokens: true });
      await db.delete(DB_STORE, STATE_KEY);
    },
    stop() {
      worker.stop();
    },
  };
}
