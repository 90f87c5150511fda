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

/** A page asking for the whole shell to be cached; the answer goes back on ports[0]. */
export interface ShellMessageEvent extends ShellWaitEvent {
  data: unknown;
  ports: readonly { postMessage(message: unknown): void }[];
}

/** What a page sends to have the shell cached, and what it gets back. */
export const PRECACHE_REQUEST = 'stockscan-precache';
export interface PrecacheReply {
  type: 'stockscan-precached';
  /** Shell files now in the cache, of `total`. */
  cached: number;
  total: number;
}

export interface ShellScope {
  location: { origin: string };
  registration: { unregister(): Promise<boolean> };
  caches: CacheStorage;
  fetch(request: Request | string): Promise<Response>;
  addEventListener(type: 'install' | 'activate', listener: (e: ShellWaitEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: ShellFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: ShellMessageEvent) => void): void;
}

export function appShellWorker(scope: ShellScope, config: ShellConfig): void {
  const PREFIX = 'stockscan-shell-';
  const INDEX = '/index.html';
  const shellFiles = new Set(config.files);

  // MSW unregisters its worker when its last page unloads (CLIENT_CLOSED in mockServiceWorker.js).
  // This worker is the app shell too: it must outlive every page, or a reload or a tab reopened
  // offline finds no worker. A new build replaces it; nothing in the worker needs to unregister.
  scope.registration.unregister = () => Promise.resolve(false);

  // Past the HTTP cache, so a new build never stores an older copy.
  const fetchFresh = (path: string): Promise<Response> =>
    scope.fetch(new Request(new URL(path, scope.location.origin).href, { cache: 'reload' }));

  // Each file on its own: one missing file must not fail the rest, since the same worker carries
  // the demo's simulation. Files already cached are not fetched again.
  const fill = (paths: string[]): Promise<PrecacheReply> =>
    scope.caches.open(config.cacheName).then((cache) =>
      Promise.all(
        paths.map((path) =>
          cache.match(path).then((hit) =>
            hit
              ? true
              : fetchFresh(path)
                  .then((res) => (res.ok ? cache.put(path, res).then(() => true) : false))
                  .catch(() => false),
          ),
        ),
      ).then((done) => ({
        type: 'stockscan-precached' as const,
        cached: done.filter(Boolean).length,
        total: paths.length,
      })),
    );

  // Install holds up activation, and with it the demo (MSW lives in this worker): only the page
  // itself is cached here. The rest is cached when a page asks (PRECACHE_REQUEST, sent once the
  // app has started) and as the app loads its files, so a first visit never waits for the whole
  // build, decoders included, to download.
  scope.addEventListener('install', (event) => {
    event.waitUntil(fill([INDEX]));
  });

  scope.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown } | null;
    if (data?.type !== PRECACHE_REQUEST) return;
    event.waitUntil(fill(config.files).then((reply) => event.ports[0]?.postMessage(reply)));
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      scope.caches
        .keys()
        .then((names) =>
          Promise.all(
            names.filter((n) => n.startsWith(PREFIX) && n !== config.cacheName).map((n) => scope.caches.delete(n)),
          ),
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
      event.respondWith(
        fromCache(url.pathname).then(
          (cached) =>
            cached ??
            // A shell file not cached yet: store what the app loads anyway.
            scope.fetch(request).then((res) => {
              if (res.ok) {
                // Cloned now: the page starts reading the body as soon as it is returned.
                const copy = res.clone();
                void scope.caches.open(config.cacheName).then((cache) => cache.put(url.pathname, copy));
              }
              return res;
            }),
        ),
      );
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
