/**
 * Server mode without clicking through Settings: a token fetched from the simulation over HTTP
 * (as the app's sign-in does) is put where the app remembers its connection before the first load.
 * For specs about what happens after sign-in (failures, offline queue); serverMode.spec.ts tests
 * the sign-in itself.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { CONNECTION_KEY } from './appHelpers.ts';
import { SIM_URL } from './servers.ts';

export const SIM_USERS = {
  admin: 'inventree',
  allaccess: 'nolimits',
  reader: 'readonly',
  engineer: 'partsonly',
} as const;
export type SimUser = keyof typeof SIM_USERS;

export async function resetSim(request: APIRequestContext): Promise<void> {
  expect((await request.post(`${SIM_URL}/__sim/reset`)).status()).toBe(204);
}

export async function simToken(request: APIRequestContext, user: SimUser = 'admin'): Promise<string> {
  const basic = Buffer.from(`${user}:${SIM_USERS[user]}`).toString('base64');
  const res = await request.get(`${SIM_URL}/api/user/token/`, { headers: { Authorization: `Basic ${basic}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Open `path` in server mode, signed in as `user` (the stored connection is set once, before the first load). */
export async function openServerMode(
  page: Page,
  request: APIRequestContext,
  path = '/scan',
  user: SimUser = 'admin',
): Promise<void> {
  const token = await simToken(request, user);
  const value = JSON.stringify({ mode: 'server', baseUrl: SIM_URL, token, demoUser: 'admin' });
  await page.addInitScript(
    ({ key, value }) => {
      // Only the first load: later reloads must see what the app itself stored (logout, 401).
      if (!sessionStorage.getItem('e2e.seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('e2e.seeded', '1');
      }
    },
    { key: CONNECTION_KEY, value },
  );
  await page.goto(path);
  await expect(page.getByTestId('connection-indicator')).toContainText(user);
}

/** The barcode POSTs the simulation received since the last reset, in arrival order. */
export async function simBarcodeRequests(
  request: APIRequestContext,
): Promise<{ path: string; body: string; accepted: boolean }[]> {
  const res = await request.get(`${SIM_URL}/__sim/requests`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { path: string; body: string; accepted: boolean }[];
}

/** The barcodes of the barcode POSTs the server accepted (valid token), in arrival order. */
export async function simAcceptedBarcodes(request: APIRequestContext, path = '/api/barcode/'): Promise<string[]> {
  return (await simBarcodeRequests(request))
    .filter((r) => r.accepted && r.path === path)
    .map((r) => (JSON.parse(r.body) as { barcode: string }).barcode);
}

/** Make every issued token invalid, as when an admin revokes it (the next request answers 401). */
export async function revokeSimTokens(request: APIRequestContext): Promise<void> {
  expect((await request.post(`${SIM_URL}/__sim/revoke-tokens`)).status()).toBe(204);
}

/** CORS headers a fulfilled cross-origin answer needs, as the simulation's server sends them. */
export function corsHeaders(page: Page): Record<string, string> {
  return {
    'access-control-allow-origin': new URL(page.url()).origin,
    'access-control-allow-credentials': 'true',
    vary: 'origin',
  };
}
