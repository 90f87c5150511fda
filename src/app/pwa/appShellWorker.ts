/**
 * The app-shell half of the one service worker (/sw.js). The build writes sw.js as:
 *
 *   (appShellWorker)(self, { cacheName, files });   // this function, serialised
 *   importScripts('/mockServiceWorker.js');          // MSW, unchanged, for demo mode
 *
 * Two workers cannot control one scope, so the shell cache and the demo's simulation share this
 * one. Ours is registered first, so it sees every fetch before MSW: it answers the precached shell
 * files and page loads itself and stops the event there (stopImmediatePropagation), so MSW never
 * touches them and they load offline even while the demo is on. Everything else (the demo's
 * /api/... calls) goes on to MSW, which answers only for pages that started the demo; in server
 * mode no page did, so MSW lets every request through to the network untouched.
 *
 * The function is serialised with toString(), so it must use nothing but its parameters and the
 * worker's globals (no imports, no module-level helpers).
 */

export interface ShellConfig {
  /** Cache name for this build's files; a new build gets a new name (the old cache is deleted). */
  cacheName: string;
  /** Absolute paths of the built files to keep, index.html first. */
  files: string[];
  /** How long a page load waits for the network before the cached shell is used. */
  navigationTimeoutMs: number;
}

/** The parts of a fetch event the worker uses (ServiceWorker types are not in the app's lib). */
export interface ShellFetchEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
  stopImmediatePropagation(): void;
}

export interface ShellWaitEvent {
  waitUntil(p: Promise<unknown>): void;
}

export interface ShellScope {
  location: { origin: string };
  caches: CacheStorage;
  fetch(request: Request | string): Promise<Response>;
  addEventListener(type: 'install' | 'activate', listener: (e: ShellWaitEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: ShellFetchEvent) => void): void;
}

export function appShellWorker(scope: ShellScope, config: ShellConfig): void {
  const PREFIX = 'stockscan-shell-';
  const INDEX = '/index.html';
  const shellFiles = new Set(config.files);

  // Each file on its own: one missing file must not fail the install, since the same worker
  // carries the demo's simulation.
  scope.addEventListener('install', (event) => {
    event.waitUntil(
      scope.caches.open(config.cacheName).then((cache) =>
        Promise.all(
          config.files.map((path) =>
            scope
              // Past the HTTP cache, so a new build never stores an older copy.
              .fetch(new Request(new URL(path, scope.location.origin).href, { cache: 'reload' }))
              .then((res) => (res.ok ? cache.put(path, res) : undefined))
              .catch(() => undefined),
          ),
        ),
      ),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      scope.caches
        .keys()
        .then((names) =>
          Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== config.cacheName).map((n) => scope.caches.delete(n))),
        ),
    );
  });

  const fromCache = (path: string): Promise<Response | undefined> =>
    scope.caches.open(config.cacheName).then((cache) => cache.match(path));

  // Page loads: the network first (a fresh index.html when online), the cached shell when the
  // network fails or hangs.
  const navigate = (request: Request): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      let settled = false;
      const fallback = () =>
        fromCache(INDEX).then((cached) => {
          if (settled) return;
          if (cached) {
            settled = true;
            resolve(cached);
          }
        });
      const timer = setTimeout(() => void fallback(), config.navigationTimeoutMs);
      scope.fetch(request).then(
        (res) => {
          clearTimeout(timer);
          if (!settled) {
            settled = true;
            resolve(res);
          }
        },
        (err: unknown) => {
          clearTimeout(timer);
          void fallback().then(() => {
            if (!settled) reject(err);
          });
        },
      );
    });

  scope.addEventListener('fetch', (event) => {
    const { request } = event;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== scope.location.origin || url.pathname.startsWith('/api/')) return;
    if (request.mode === 'navigate') {
      event.stopImmediatePropagation();
      event.respondWith(navigate(request));
      return;
    }
    if (shellFiles.has(url.pathname)) {
      event.stopImmediatePropagation();
      event.respondWith(fromCache(url.pathname).then((cached) => cached ?? scope.fetch(request)));
    }
  });
}

/** Everything the build writes as /sw.js. */
export function serviceWorkerScript(config: ShellConfig, mswScript = '/mockServiceWorker.js'): string {
  return [
    '/* StockScan service worker: app-shell cache, then the demo simulation (MSW). Generated at build time. */',
    `(${appShellWorker.toString()})(self, ${JSON.stringify(config)});`,
    `importScripts(${JSON.stringify(mswScript)});`,
    '',
  ].join('\n');
}
