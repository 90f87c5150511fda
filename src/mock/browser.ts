// Demo mode: the simulation in the browser behind MSW's service worker, its state kept across
// reloads in IndexedDB. Everything heavy (MSW, the handlers, the ~5 MB dataset) is loaded with
// dynamic import() so it lands in the demo chunk, never in the app's first load.
export interface DemoControls {
  /** Back to the pristine demo dataset (signed-in tokens stay valid); also clears the saved state. */
  reset(): Promise<void>;
  /** Stops the service worker's interception (e.g. when switching to a real server). */
  stop(): void;
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
  const [{ setupWorker }, { createSimulation, createHandlers }, { openDB }, persistence] = await Promise.all([
    import('msw/browser'),
    apiVersion === 425 ? import('./v425/demo425') : import('./demo291'),
    import('idb'),
    import('./demoPersistence'),
  ]);
  const { DB_NAME, DB_VERSION, demoPersistence, upgradeDemoDb } = persistence;
  // Each version keeps its own saved state (a 425 demo never resumes a 291 one).
  const STATE_KEY = apiVersion === 425 ? 'state-425' : 'state';

  const db = await openDB(DB_NAME, DB_VERSION, { upgrade: (database) => upgradeDemoDb(database) });
  const sim = createSimulation();
  const saved = demoPersistence(db, STATE_KEY, sim.pristine);
  const state = await saved.load();
  if (state) sim.importState(state);

  // Every change is saved before its answer is delivered (only the changed rows, a few ms), so a
  // reload or a closed tab right after a success never loses it.
  const save = () =>
    saved.save(sim.store).catch((error: unknown) => console.warn('Demo data could not be saved', error));

  const worker = setupWorker(...createHandlers(sim, { origin: window.location.origin, onMutation: save }));
  await worker.start({
    serviceWorker: { url: serviceWorkerUrl },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });

  return {
    async reset() {
      sim.reset({ keepTokens: true });
      await saved.clear();
      // The kept tokens differ from the seed: saved like any other change.
      await save();
    },
    stop() {
      worker.stop();
    },
  };
}
