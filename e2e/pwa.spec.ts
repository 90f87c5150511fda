/**
 * Installable app: the manifest is linked and complete (icons really are PNGs of the stated size),
 * one service worker (/sw.js: app-shell cache + MSW) is registered, and the app shell opens
 * offline in demo mode (the simulation still answers) and in server mode (where MSW never answers
 * /api/). One size is enough: none of this depends on the layout.
 */
import { expect, test, type Page } from '@playwright/test';
import { CONNECTION_KEY, manualScan, openDemo, waitForOfflineShell, navTo } from './appHelpers.ts';
import { SIM_URL } from './servers.ts';

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: number[]): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => bytes[i] === b)) return null;
  // IHDR's width and height end at byte 24; shorter bytes are no PNG (they used to read as 0×0).
  if (bytes.length < 24) return null;
  const u32 = (o: number) => ((bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!) >>> 0;
  return { width: u32(16), height: u32(20) };
}

/** A request the shell does not cache: it can only be answered by the network. */
async function networkReachable(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    fetch(`/network-probe-${Date.now()}`, { cache: 'no-store' }).then(
      () => true,
      () => false,
    ),
  );
}

/**
 * What the demo's MSW tells the worker as its page unloads (a reload, a closed tab). MSW's own worker
 * then unregisters itself when no other page is open, and the shell would be gone offline. Waits
 * for MSW's answer to a later message, so the goodbye has been handled when this returns.
 */
async function pageLeaves(page: Page): Promise<void> {
  const kept = await page.evaluate(async () => {
    const worker = navigator.serviceWorker.controller;
    if (!worker) throw new Error('no worker controls the page');
    const roundTrip = () =>
      new Promise<void>((resolve) => {
        const onMessage = (e: MessageEvent<{ type?: string }>) => {
          if (e.data?.type !== 'KEEPALIVE_RESPONSE') return;
          navigator.serviceWorker.removeEventListener('message', onMessage);
          resolve();
        };
        navigator.serviceWorker.addEventListener('message', onMessage);
        worker.postMessage('KEEPALIVE_REQUEST');
      });
    const registered = async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? null;
    worker.postMessage('CLIENT_CLOSED');
    // MSW handles each message after two awaits of its own: one round trip after the goodbye, it
    // has been handled (an unregistered worker is then not found); the second looks again later.
    await roundTrip();
    const first = await registered();
    await roundTrip();
    return [first, await registered()];
  });
  expect(kept, 'the worker is still registered after the page said goodbye').toEqual([
    expect.stringMatching(/\/sw\.js$/),
    expect.stringMatching(/\/sw\.js$/),
  ]);
}

async function registeredWorker(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.scriptURL ?? null;
  });
}

test('the web manifest is linked and installable: name, start URL, standalone, theme colour, icons', async ({
  page,
  request,
}) => {
  await page.goto('/scan');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const res = await request.get(href!);
  expect(res.ok()).toBe(true);
  const manifest = (await res.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toContain('StockScan');
  expect(manifest.short_name).toBe('StockScan');
  expect(manifest.start_url).toBe('/scan');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  // The page's theme-color agrees with the manifest's.
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);

  const png = manifest.icons.filter((i) => i.type === 'image/png');
  const want = [
    { sizes: '192x192', purpose: 'any' },
    { sizes: '512x512', purpose: 'any' },
    { sizes: '512x512', purpose: 'maskable' },
  ];
  for (const w of want) {
    const icon = png.find((i) => i.sizes === w.sizes && (i.purpose ?? 'any').split(' ').includes(w.purpose));
    expect(icon, `${w.purpose} icon ${w.sizes}`).toBeTruthy();
    const body = await request.get(icon!.src);
    expect(body.headers()['content-type']).toContain('image/png');
    const [width, height] = w.sizes.split('x').map(Number);
    expect(pngSize([...(await body.body())])).toEqual({ width, height });
  }
});

test('demo mode: one worker (/sw.js) serves the simulation, and the app opens and scans offline', async ({
  page,
  context,
}) => {
  await openDemo(page, '/scan');
  expect(await registeredWorker(page)).toMatch(/\/sw\.js$/);
  // The simulation answers through the same worker.
  const api = await page.evaluate(() => fetch('/api/').then((r) => r.json() as Promise<{ apiVersion?: number }>));
  expect(api.apiVersion).toBe(291);
  // Settings says when the app is kept for offline use.
  await navTo(page, 'Settings');
  await expect(page.getByTestId('offline-shell-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('offline-shell-status')).toContainText('opens on this device without a network');
  await waitForOfflineShell(page);
  await page.goBack();
  await pageLeaves(page);

  await context.setOffline(true);
  try {
    expect(await networkReachable(page)).toBe(false);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByTestId('connection-indicator')).toContainText('admin');
    // Offline, the demo still scans: the page chunk came from the cache, the answer from MSW.
    await manualScan(page, 'INV-SI12');
    await expect(page.getByTestId('object-card').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  } finally {
    await context.setOffline(false);
  }
});

test('server mode: the same worker, MSW never answers /api/, and the shell opens offline', async ({
  page,
  context,
}) => {
  await context.addInitScript(
    ({ key, url }) => {
      if (!localStorage.getItem(key)) {
        localStorage.setItem(key, JSON.stringify({ mode: 'server', baseUrl: url, token: null, demoUser: 'admin' }));
      }
    },
    { key: CONNECTION_KEY, url: SIM_URL },
  );
  await page.goto('/settings');
  expect(await registeredWorker(page)).toMatch(/\/sw\.js$/);
  // Wait until the worker controls the page, so the next fetch really passes through it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  // A same-origin /api/ request reaches the web server (which has no API), not the simulation.
  const body = await page.evaluate(() => fetch('/api/').then((r) => r.text()));
  expect(body).not.toContain('apiVersion');
  await waitForOfflineShell(page);

  await context.setOffline(true);
  try {
    expect(await networkReachable(page)).toBe(false);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});
