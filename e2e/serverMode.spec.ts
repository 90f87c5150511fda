/**
 * Server mode over the real network: the app (127.0.0.1:4173) talks to the simulation served as an
 * HTTP server on another origin (127.0.0.1:8765), so every call is a cross-origin fetch with a CORS
 * preflight and an `Authorization: Token …` header, and a bad token really comes back as 401.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { CONNECTION_KEY, manualScan, shoot, gunStation } from './appHelpers.ts';
import { SIM_URL } from './servers.ts';
import { at } from './sizes.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

test.beforeEach(async ({ request }) => {
  // Fresh simulation for each test (the server keeps state between requests like a real one).
  const reset = await request.post(`${SIM_URL}/__sim/reset`);
  expect(reset.status()).toBe(204);
});

async function connectToSim(page: Page): Promise<void> {
  await page.goto('/settings');
  await page.locator('label', { hasText: 'InvenTree server' }).click();
  await page.getByLabel('Server address').fill(SIM_URL);
  await page.getByRole('button', { name: 'Connect' }).click();
  // GET /api/ answered: the server's name and API version, before anyone signs in.
  await expect(page.getByTestId('server-name')).toHaveText('InvenTree Demo Server');
  await expect(page.getByTestId('api-version')).toHaveText('291');
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test(
  'sign in with username and password, scan through the server, log out',
  at('phone', 'desktop'),
  async ({ page }, testInfo) => {
    const apiCalls: Request[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${SIM_URL}/api/`)) apiCalls.push(r);
    });

    await connectToSim(page);
    await signIn(page, 'admin', 'inventree');
    await expect(page.getByTestId('signed-in-user')).toHaveText('admin');
    await expect(page.getByTestId('connection-indicator')).toContainText('admin');
    await shoot(page, testInfo, 'settings-server-signed-in');

    // The token came from GET /api/user/token/ with HTTP Basic, cross-origin.
    const tokenCall = apiCalls.find((r) => new URL(r.url()).pathname === '/api/user/token/');
    expect(tokenCall?.headers().authorization).toMatch(/^Basic /);
    // Only the token is remembered, never the password.
    const stored = await page.evaluate((key) => localStorage.getItem(key), CONNECTION_KEY);
    expect(stored).not.toContain('inventree');
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ mode: 'server', baseUrl: SIM_URL });

    await page.getByRole('link', { name: 'Scan' }).first().click();
    await manualScan(page, '{"stockitem": 12}');
    const card = page.getByTestId('object-card');
    await expect(card.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await expect(card.getByTestId('object-quantity')).toHaveText('1,000');
    await expect(card.getByTestId('object-location')).toContainText('Reel Storage');
    // Server mode links to the object's page on that server.
    await expect(card.getByRole('link', { name: /Open in InvenTree/ })).toHaveAttribute(
      'href',
      `${SIM_URL}/stock/item/12/`,
    );

    const scanCall = apiCalls.find((r) => new URL(r.url()).pathname === '/api/barcode/' && r.method() === 'POST');
    expect(scanCall?.headers().authorization).toMatch(/^Token \S+/);
    // The token never appears in a URL.
    const token = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), CONNECTION_KEY)) ?? '{}')
      .token as string;
    expect(token).toBeTruthy();
    expect(apiCalls.every((r) => !r.url().includes(token))).toBe(true);
    expect(page.url()).not.toContain(token);
    await shoot(page, testInfo, 'scan-server-match');

    await page.goto('/settings');
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    const afterLogout = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), CONNECTION_KEY)) ?? '{}');
    expect(afterLogout.token).toBeNull();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('connection-indicator')).toContainText('signed out');
  },
);

test('a wrong password is said in plain words', at('desktop'), async ({ page }, testInfo) => {
  await connectToSim(page);
  await signIn(page, 'admin', 'not-the-password');
  const diagnosis = page.getByTestId('diagnosis');
  await expect(diagnosis).toContainText('Wrong username or password');
  await expect(diagnosis).not.toContainText('{');
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await shoot(page, testInfo, 'settings-server-wrong-password');
});

test('a token the server no longer accepts (401) asks to sign in again', at('desktop'), async ({ page }) => {
  await connectToSim(page);
  await signIn(page, 'reader', 'readonly');
  await expect(page.getByTestId('signed-in-user')).toHaveText('reader');
  // Simulate a token deleted on the server: the stored one is replaced by one it never issued.
  await page.evaluate((key) => {
    const c = JSON.parse(localStorage.getItem(key) ?? '{}');
    localStorage.setItem(key, JSON.stringify({ ...c, token: 'ffffffffffffffffffffffffffffffffffffffff' }));
  }, CONNECTION_KEY);
  await page.reload();
  await expect(page.getByTestId('diagnosis')).toContainText(/Token not accepted|Sign-in expired/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('an address where no server answers is reported as unreachable', at('desktop'), async ({ page }) => {
  await page.goto('/settings');
  await page.locator('label', { hasText: 'InvenTree server' }).click();
  await page.getByLabel('Server address').fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('diagnosis')).toContainText(/unreachable|does not answer/i);
});
