/**
 * Sign-in that forgives (issue #20): checking a server and a failed sign-in leave the working
 * session (here the demo) as it is; a wrong password clears only the password; the header says
 * truly what the connection is — demo, signed in as X, signed out, unreachable, not InvenTree.
 * Server mode runs against the simulation served over HTTP on another origin.
 */
import { expect, test, type Page } from '@playwright/test';
import { CONNECTION_KEY, gunStation, manualScan, navTo, openDemo, shoot, waitForDemo } from './appHelpers.ts';
import { corsHeaders, openServerMode, resetSim, simAcceptedBarcodes } from './serverHelpers.ts';
import { SIM_URL } from './servers.ts';
import { at } from './sizes.ts';

test.beforeEach(({ context }) => gunStation(context));
test.beforeEach(({ request }) => resetSim(request));

const indicator = (page: Page) => page.getByTestId('connection-indicator');

async function checkServer(page: Page, url: string): Promise<void> {
  await page.locator('label', { hasText: 'InvenTree server' }).click();
  await page.getByLabel('Server address').fill(url);
  await page.getByRole('button', { name: 'Connect' }).click();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test(
  'the demo keeps working through a failed sign-in; a wrong password keeps the username',
  at('desktop', 'phone'),
  async ({ page, request }, testInfo) => {
    await openDemo(page, '/settings');
    await expect(indicator(page)).toHaveText('Demo · admin');

    await checkServer(page, SIM_URL);
    await expect(page.getByTestId('server-name')).toHaveText('InvenTree Demo Server');
    // The server answered, but nobody signed in there yet: the demo is still the session.
    await expect(page.getByTestId('session-kept')).toContainText('the demo stays in use');
    await expect(indicator(page)).toHaveText('Demo · admin');

    await signIn(page, 'admin', 'not-the-password');
    await expect(page.getByTestId('diagnosis')).toContainText('Wrong username or password');
    await expect(page.getByRole('textbox', { name: 'Username', exact: true })).toHaveValue('admin');
    const password = page.getByRole('textbox', { name: 'Password', exact: true });
    await expect(password).toHaveValue('');
    await expect(password).toBeFocused();
    await expect(page.getByLabel('Server address')).toHaveValue(SIM_URL);
    await expect(indicator(page)).toHaveText('Demo · admin');
    await shoot(page, testInfo, 'signin-wrong-password-demo-kept');
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), CONNECTION_KEY)) ?? '{}');
    expect(stored).toMatchObject({ mode: 'demo' });
    expect(stored.token).toBeTruthy();

    // The demo session still scans.
    await navTo(page, 'Scan');
    await waitForDemo(page);
    await manualScan(page, 'INV-SI12');
    await expect(page.getByTestId('object-card').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    expect(await simAcceptedBarcodes(request)).toEqual([]);

    // The right password, only now, replaces the demo by the server: the address was remembered.
    await navTo(page, 'Settings');
    await page.locator('label', { hasText: 'InvenTree server' }).click();
    await expect(page.getByLabel('Server address')).toHaveValue(SIM_URL);
    await page.getByRole('button', { name: 'Connect' }).click();
    await signIn(page, 'admin', 'inventree');
    await expect(page.getByTestId('signed-in-user')).toHaveText('admin');
    await expect(indicator(page)).toContainText('signed in as admin');
    await navTo(page, 'Scan');
    await manualScan(page, 'INV-SI12');
    await expect(page.getByTestId('object-card').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await expect.poll(() => simAcceptedBarcodes(request)).toEqual(['INV-SI12']);
  },
);

/** Open Settings with this connection remembered, as if the app had stored it. */
async function openWith(page: Page, connection: object): Promise<void> {
  await page.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
    key: CONNECTION_KEY,
    value: JSON.stringify({ token: null, demoUser: 'admin', ...connection }),
  });
  await page.goto('/settings');
}

test.describe('the header says truly what the connection is', () => {
  test('signed in as the user', at('desktop', 'phone'), async ({ page, request }, testInfo) => {
    await openServerMode(page, request, '/settings', 'reader');
    await expect(indicator(page)).toContainText('signed in as reader');
    await shoot(page, testInfo, 'indicator-signed-in');
  });

  test(
    'signed out, also after a wrong password (the server answered)',
    at('desktop', 'phone'),
    async ({ page }, testInfo) => {
      await openWith(page, { mode: 'server', baseUrl: SIM_URL });
      await expect(indicator(page)).toContainText('signed out');
      await signIn(page, 'admin', 'not-the-password');
      await expect(page.getByTestId('diagnosis')).toContainText('Wrong username or password');
      await expect(indicator(page)).toContainText('signed out');
      await expect(indicator(page)).not.toContainText('not connected');
      await shoot(page, testInfo, 'indicator-signed-out');
    },
  );

  test('unreachable when nothing answers', at('desktop', 'phone'), async ({ page }, testInfo) => {
    await openWith(page, { mode: 'server', baseUrl: 'http://127.0.0.1:9' });
    await expect(indicator(page)).toContainText('unreachable');
    await expect(page.getByTestId('diagnosis')).toContainText(/unreachable|does not answer/i);
    await shoot(page, testInfo, 'indicator-unreachable');
  });

  test('not InvenTree when the address answers something else', at('desktop', 'phone'), async ({ page }, testInfo) => {
    await page.route('http://not-inventree.test/**', async (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        headers: corsHeaders(page),
        body: '<html><body>Welcome to nginx!</body></html>',
      }),
    );
    await openWith(page, { mode: 'server', baseUrl: 'http://not-inventree.test' });
    await expect(indicator(page)).toContainText('not InvenTree');
    await shoot(page, testInfo, 'indicator-not-inventree');
  });

  test('demo', at('phone'), async ({ page }, testInfo) => {
    await openDemo(page, '/scan');
    await expect(indicator(page)).toHaveText('Demo · admin');
    await shoot(page, testInfo, 'indicator-demo');
  });
});
