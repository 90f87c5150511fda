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
const STATE_KEY = 'state';
/** Bump when the StoreState shape or the seed changes, so old saved states are dropped. */
const STATE_FORMAT = 1;

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
}

export async function startDemo({ serviceWorkerUrl = '/mockServiceWorker.js' }: StartDemoOptions = {}): Promise<DemoControls> {
  const [{ setupWorker }, { createSimulation }, { createHandlers }, { openDB }] = await Promise.all([
    import('msw/browser'),
    import('./simulation'),
    import('./handlers'),
    import('idb'),
  ]);

  const db = await openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(DB_STORE);
    },
  });
  const sim = createSimulation();
  const saved = (await db.get(DB_STORE, STATE_KEY)) as SavedState | undefined;
  if (saved && saved.format === STATE_FORMAT) sim.importState(saved.state);

  // Saves are chained: a mutation during a save schedules exactly one more save afterwards.
  let saving: Promise<void> | null = null;
  let dirty = false;
  const save = (): Promise<void> => {
    if (saving) {
      dirty = true;
      return saving;
    }
    saving = (async () => {
      do {
        dirty = false;
        const record: SavedState = { format: STATE_FORMAT, state: sim.exportState() };
        await db.put(DB_STORE, record, STATE_KEY);
      } while (dirty);
    })()
      .catch((error: unknown) => console.warn('Demo data could not be saved', error))
      .finally(() => {
        saving = null;
      });
    return saving;
  };

  const worker = setupWorker(...createHandlers(sim, { origin: window.location.origin, onMutation: () => void save() }));
  await worker.start({
    serviceWorker: { url: serviceWorkerUrl },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });

  return {
    async reset() {
      await saving;
      sim.reset({ keepTokens: true });
      await db.delete(DB_STORE, STATE_KEY);
    },
    stop() {
      worker.stop();
    },
  };
}
