/**
 * The built app has one service worker, /sw.js: the app-shell cache with MSW inside it (see
 * appShellWorker.ts). The dev server builds no sw.js, so there the demo uses MSW's own file and no
 * shell is cached (a cached shell would fight hot reloading).
 */
import { prepareOfflineShell } from './offlineShell.ts';

export const SERVICE_WORKER_URL = import.meta.env.PROD ? '/sw.js' : '/mockServiceWorker.js';

/** Register the app-shell worker (built app only); failures only cost offline start-up. */
export function registerAppShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register(SERVICE_WORKER_URL).then(
    () => prepareOfflineShell(navigator.serviceWorker),
    (e: unknown) => {
      console.warn('The offline app shell could not be installed', e);
    },
  );
}
