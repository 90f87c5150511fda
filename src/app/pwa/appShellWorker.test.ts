import { describe, expect, it } from 'vitest';
import { buildVersion, shellFiles } from './appShellPlugin.ts';
import {
  appShellWorker,
  PRECACHE_REQUEST,
  serviceWorkerScript,
  type PrecacheReply,
  type ShellFetchEvent,
  type ShellMessageEvent,
  type ShellScope,
  type ShellWaitEvent,
} from './appShellWorker.ts';

const ORIGIN = 'https://stockscan.example';

/** A worker scope with an in-memory cache and a scripted network. */
function fakeScope(network: (url: string) => Promise<Response>) {
  const stores = new Map<string, Map<string, Response>>();
  const listeners: Record<string, ((e: never) => void)[]> = {};
  const caches = {
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      const store = stores.get(name)!;
      return {
        put: async (path: string, res: Response) => void store.set(path, res),
        match: async (path: string) => store.get(path)?.clone(),
      };
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  } as unknown as CacheStorage;
  const unregistered: boolean[] = [];
  const scope: ShellScope = {
    location: { origin: ORIGIN },
    registration: { unregister: async () => (unregistered.push(true), true) },
    caches,
    fetch: (r: Request | string) =>
      network(typeof r === 'string' ? new URL(r, ORIGIN).href : new URL(r.url, ORIGIN).href),
    addEventListener: (type: string, l: (e: never) => void) => void (listeners[type] ??= []).push(l),
  };
  const wait = async (type: 'install' | 'activate') => {
    const pending: Promise<unknown>[] = [];
    const e: ShellWaitEvent = { waitUntil: (p) => void pending.push(p) };
    for (const l of listeners[type] ?? []) l(e as never);
    await Promise.all(pending);
  };
  /** Post a message as a page would, with a reply port; resolves with the worker's reply (or null). */
  const message = async (data: unknown): Promise<unknown> => {
    const pending: Promise<unknown>[] = [];
    let reply: unknown = null;
    const e: ShellMessageEvent = {
      data,
      ports: [{ postMessage: (m) => void (reply = m) }],
      waitUntil: (p) => void pending.push(p),
    };
    for (const l of listeners.message ?? []) l(e as never);
    await Promise.all(pending);
    return reply;
  };
  /** Dispatch a fetch: the response the worker gave (or null: not handled), and whether MSW would still see it. */
  const fetchEvent = async (url: string, init: { mode?: RequestMode; method?: string } = {}) => {
    let responded: Promise<Response> | null = null;
    let stopped = false;
    const request = {
      url: new URL(url, ORIGIN).href,
      method: init.method ?? 'GET',
      mode: init.mode ?? 'cors',
    } as Request;
    const e: ShellFetchEvent = {
      request,
      respondWith: (p) => void (responded = p),
      stopImmediatePropagation: () => void (stopped = true),
    };
    for (const l of listeners.fetch ?? []) l(e as never);
    return { response: responded ? await (responded as Promise<Response>) : null, reachesMsw: !stopped };
  };
  return { scope, stores, wait, message, fetchEvent, unregistered };
}

const FILES = ['/index.html', '/assets/index-abc.js', '/assets/ScanPage-def.js'];

/** A worker installed (only the page cached), and, unless `precache` is false, asked by a page to cache the rest. */
async function installed(online: { value: boolean }, precache = true) {
  const fetched: string[] = [];
  const f = fakeScope(async (url) => {
    if (!online.value) throw new TypeError('Failed to fetch');
    const path = new URL(url).pathname;
    fetched.push(path);
    if (path === '/assets/missing.js') return new Response('nope', { status: 404 });
    return new Response(`network:${path}`, { status: 200 });
  });
  appShellWorker(f.scope, {
    cacheName: 'stockscan-shell-v2',
    files: [...FILES, '/assets/missing.js'],
    navigationTimeoutMs: 50,
  });
  await f.wait('install');
  const reply = precache ? await f.message({ type: PRECACHE_REQUEST }) : null;
  return { ...f, fetched, reply };
}

const cachedPaths = (f: { stores: Map<string, Map<string, Response>> }) =>
  [...(f.stores.get('stockscan-shell-v2')?.keys() ?? [])].sort();

describe('appShellWorker', () => {
  it('install caches only the page, so activation (and the demo) never waits for the whole build', async () => {
    const f = await installed({ value: true }, false);
    expect(cachedPaths(f)).toEqual(['/index.html']);
  });

  it("a page's precache request caches the rest, skipping a file that fails, and says how many", async () => {
    const f = await installed({ value: true });
    expect(cachedPaths(f)).toEqual([...FILES].sort());
    expect(f.reply).toEqual({ type: 'stockscan-precached', cached: 3, total: 4 } satisfies PrecacheReply);
    // Asked again (another tab, a reload): only what is missing is fetched.
    const before = f.fetched.length;
    expect(await f.message({ type: PRECACHE_REQUEST })).toEqual({ type: 'stockscan-precached', cached: 3, total: 4 });
    expect(f.fetched.slice(before)).toEqual(['/assets/missing.js']);
  });

  it('ignores messages that are not its own (MSW talks to the same worker)', async () => {
    const f = await installed({ value: true }, false);
    expect(await f.message('KEEPALIVE_REQUEST')).toBeNull();
    expect(await f.message({ type: 'MOCK_ACTIVATE' })).toBeNull();
    expect(cachedPaths(f)).toEqual(['/index.html']);
  });

  it('a shell file the app loads before the precache is kept for offline use', async () => {
    const online = { value: true };
    const f = await installed(online, false);
    const first = await f.fetchEvent('/assets/ScanPage-def.js');
    expect(await first.response!.text()).toBe('network:/assets/ScanPage-def.js');
    await new Promise((r) => setTimeout(r, 0));
    online.value = false;
    const again = await f.fetchEvent('/assets/ScanPage-def.js');
    expect(await again.response!.text()).toBe('network:/assets/ScanPage-def.js');
    expect(cachedPaths(f)).toEqual(['/assets/ScanPage-def.js', '/index.html']);
  });

  it('answers shell files from the cache, offline, and keeps them from MSW', async () => {
    const online = { value: true };
    const f = await installed(online);
    online.value = false;
    const r = await f.fetchEvent('/assets/ScanPage-def.js');
    expect(await r.response!.text()).toBe('network:/assets/ScanPage-def.js');
    expect(r.reachesMsw).toBe(false);
  });

  it('page loads: the network when online, the cached index.html when offline', async () => {
    const online = { value: true };
    const f = await installed(online);
    const live = await f.fetchEvent('/scan?x=1', { mode: 'navigate' });
    expect(await live.response!.text()).toBe('network:/scan');
    online.value = false;
    const offline = await f.fetchEvent('/purchasing/receive', { mode: 'navigate' });
    expect(await offline.response!.text()).toBe('network:/index.html');
    expect(offline.reachesMsw).toBe(false);
  });

  it('leaves /api/, other origins, writes and unknown files to MSW and the network', async () => {
    const f = await installed({ value: true });
    for (const [url, init] of [
      ['/api/barcode/', { method: 'POST' }],
      ['/api/', {}],
      ['https://inventree.example/api/', {}],
      ['/something-else.txt', {}],
    ] as const) {
      const r = await f.fetchEvent(url, init);
      expect(r.response, url).toBeNull();
      expect(r.reachesMsw, url).toBe(true);
    }
  });

  it("outlives the demo's last page: MSW's self-unregistration does nothing", async () => {
    const online = { value: true };
    const w = await installed(online);
    online.value = false;
    // What mockServiceWorker.js does on CLIENT_CLOSED when no other page is open.
    expect(await w.scope.registration.unregister()).toBe(false);
    expect(w.unregistered).toEqual([]);
    // Still the shell: a page load offline gets the cached page.
    const { response } = await w.fetchEvent('/scan', { mode: 'navigate' });
    expect(await response?.text()).toBe('network:/index.html');
  });

  it('a new build deletes the caches of older builds only', async () => {
    const f = await installed({ value: true });
    await (await f.scope.caches.open('stockscan-shell-v1')).put('/index.html', new Response('old'));
    await (await f.scope.caches.open('someone-elses-cache')).put('/x', new Response('x'));
    await f.wait('activate');
    expect([...f.stores.keys()].sort()).toEqual(['someone-elses-cache', 'stockscan-shell-v2']);
  });
});

describe('the build side', () => {
  it('sw.js runs the shell first, then imports MSW', () => {
    const script = serviceWorkerScript({ cacheName: 'c', files: ['/index.html'], navigationTimeoutMs: 10 });
    expect(script.indexOf('appShellWorker')).toBeLessThan(script.indexOf('importScripts("/mockServiceWorker.js")'));
    // The serialised function is plain JavaScript that parses.
    expect(() => new Function('self', 'importScripts', script)).not.toThrow();
  });

  it('precache list: index.html first, no source maps, public files added once', () => {
    expect(shellFiles(['assets/a.js', 'assets/a.js.map', 'index.html', 'sw.js'], ['/icon.svg'])).toEqual([
      '/index.html',
      '/assets/a.js',
      '/icon.svg',
    ]);
  });

  it('the version changes when a file name changes', () => {
    expect(buildVersion(['/assets/a-1.js'])).not.toBe(buildVersion(['/assets/a-2.js']));
    expect(buildVersion(['/assets/a-1.js'])).toBe(buildVersion(['/assets/a-1.js']));
  });
});
