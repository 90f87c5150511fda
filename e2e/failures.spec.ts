/**
 * Every way a request can fail, as the user meets it on the scan page in server mode: the simulation
 * served over HTTP answers for real where it can (401 after a revoked token, 403 for a reader, the
 * v291 500 crashes), and page.route fakes what a real network or proxy does (refused, hanging,
 * CORS-less, HTML, empty, 404/405 pages). Each shows a plain message and a next step, never raw
 * JSON or markup.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { logEntries, manualScan, gunStation } from './appHelpers.ts';
import { corsHeaders, openServerMode, resetSim, revokeSimTokens } from './serverHelpers.ts';
import { SIM_URL } from './servers.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

const SCAN_URL = `${SIM_URL}/api/barcode/`;

test.beforeEach(async ({ request }) => {
  await resetSim(request);
});

/**
 * Scan and expect the card to say what went wrong and what to do. In server mode a scan the server
 * could not take (no answer, or a sign-in needed) is kept in the offline queue: tone 'queued'.
 */
async function expectFailure(
  page: Page,
  barcode: string,
  message: RegExp,
  nextStep: RegExp,
  tone: 'error' | 'queued' = 'error',
): Promise<void> {
  await manualScan(page, barcode);
  const alert = page.getByTestId('scan-result').getByRole('alert');
  await expect(alert).toContainText(message);
  await expect(alert).toContainText(nextStep);
  await expect(alert).not.toContainText(/[{}]|<\w|\[object/);
  if (tone === 'queued') await expect(alert).toContainText('kept on this device');
  const entry = logEntries(page).first();
  await expect(entry).toHaveAttribute('data-tone', tone);
  await expect(entry).toContainText(message);
}

/** Wait until the offline queue has sent everything (the status line disappears). */
async function queueEmpty(page: Page): Promise<void> {
  // The queue tries again by itself (at most 15 s apart while the server does not answer).
  await expect(page.getByTestId('offline-queue-status')).toBeHidden({ timeout: 60_000 });
}

/** Answer every POST /api/barcode/ with this until unrouted (retries from the queue included). */
async function answerAlways(page: Page, fulfil: (route: Route) => Promise<void>): Promise<void> {
  await page.unrouteAll({ behavior: 'wait' });
  await page.route(SCAN_URL, async (route) => (route.request().method() === 'POST' ? fulfil(route) : route.fallback()));
}

/** Answer the next POST /api/barcode/ with this; everything else goes to the simulation. */
async function answerOnce(page: Page, fulfil: (route: Route) => Promise<void>): Promise<void> {
  await page.unrouteAll({ behavior: 'wait' });
  let used = false;
  await page.route(SCAN_URL, async (route) => {
    if (used || route.request().method() !== 'POST') return route.fallback();
    used = true;
    await fulfil(route);
  });
}

test('proxy and server answers: HTML, empty, 404, 405, 502, CORS, and the v291 crashes', async ({ page, request }) => {
  await openServerMode(page, request);
  const cors = corsHeaders(page);

  await answerOnce(page, (r) =>
    r.fulfill({
      status: 200,
      headers: { ...cors, 'content-type': 'text/html' },
      body: '<!DOCTYPE html><html><body><script>alert(1)</script>Sign in to the portal</body></html>',
    }),
  );
  await expectFailure(
    page,
    'INV-SI1',
    /answered with a web page where InvenTree data was expected/,
    /must be the InvenTree address itself/,
  );

  await answerOnce(page, (r) =>
    r.fulfill({ status: 200, headers: { ...cors, 'content-type': 'application/json' }, body: '' }),
  );
  await expectFailure(page, 'INV-SI2', /an empty answer where InvenTree data was expected/, /Check the server URL/);

  await answerOnce(page, (r) =>
    r.fulfill({
      status: 404,
      headers: { ...cors, 'content-type': 'text/html' },
      body: '<html><h1>Not Found</h1></html>',
    }),
  );
  await expectFailure(page, 'INV-SI3', /server has no “\/api\/barcode\/”.*404 Not Found/, /points at InvenTree/);

  await answerOnce(page, (r) =>
    r.fulfill({
      status: 405,
      headers: { ...cors, 'content-type': 'application/json' },
      body: '{"detail":"Method \\"POST\\" not allowed."}',
    }),
  );
  await expectFailure(page, 'INV-SI4', /does not allow POST on \/api\/barcode\//, /InvenTree version/);

  // v291 crashes for real in the simulation: a JSON barcode whose model key holds null (500).
  await page.unrouteAll({ behavior: 'wait' });
  await expectFailure(page, '{"stockitem": null}', /internal error/, /server-side bug; nothing was changed/);
  // …and a TME-style token with two colons.
  await expectFailure(page, 'QTY:1 T:12:30', /internal error/, /server-side bug/);

  // A CORS block reaches the page as a bare "Failed to fetch" (Playwright's fulfil bypasses CORS, so
  // the request fails the same way here) while the server itself still answers GET /api/. The scan
  // waits in the offline queue and goes out on the next try.
  await answerAlways(page, (r) => r.abort('failed'));
  await expectFailure(
    page,
    'INV-SI6',
    /reachable, but the browser blocked its answer \(CORS\)/,
    /CORS settings/,
    'queued',
  );
  await page.unrouteAll({ behavior: 'wait' });
  await queueEmpty(page);
  await expect(logEntries(page).first()).toHaveAttribute('data-tone', 'success');

  // A proxy saying the server is down (502): the scan waits in the queue too.
  await answerAlways(page, (r) =>
    r.fulfill({
      status: 502,
      headers: { ...cors, 'content-type': 'text/html' },
      body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
    }),
  );
  await expectFailure(
    page,
    'INV-SI5',
    /not available right now \(502 Bad Gateway\)/,
    /Wait a moment and try again/,
    'queued',
  );
  await page.unrouteAll({ behavior: 'wait' });
  await queueEmpty(page);
  await expect(logEntries(page).first()).toHaveAttribute('data-tone', 'success');
});

test('unreachable server and a request that never answers', async ({ page, request }) => {
  await page.clock.install();
  await openServerMode(page, request);

  await page.route(`${SIM_URL}/**`, (r) => r.abort('connectionrefused'));
  await expectFailure(
    page,
    'INV-SI7',
    /Cannot reach http:\/\/127\.0\.0\.1:\d+/,
    /that the server is running/,
    'queued',
  );
  await page.unroute(`${SIM_URL}/**`);
  await queueEmpty(page);

  // Accepted by the network, never answered: the app gives up after its timeout.
  await page.route(SCAN_URL, (r) => (r.request().method() === 'POST' ? undefined : r.fallback()));
  await manualScan(page, 'INV-SI8');
  await expect(page.getByTestId('scan-result')).toContainText('Looking up');
  await page.clock.runFor(16_000);
  const alert = page.getByTestId('scan-result').getByRole('alert');
  await expect(alert).toContainText(/did not answer within 15 seconds/);
  await expect(alert).toContainText(/Check your connection and try again/);
  await expect(logEntries(page).first()).toHaveAttribute('data-tone', 'queued');
});

test('a revoked token (401): sign in again on the page, the log is kept, scanning goes on', async ({
  page,
  request,
}) => {
  await openServerMode(page, request);
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-title')).toHaveText('R_1K_0805_1%');

  await revokeSimTokens(request);
  // Nothing was done; the scan waits for the new sign-in.
  await expectFailure(page, 'INV-SI13', /revoked/, /Sign in again/, 'queued');
  const prompt = page.getByTestId('reauth-prompt');
  await expect(prompt).toContainText('this page, its log and any scans waiting to be sent are kept');
  // The token is forgotten at once.
  expect(
    await page.evaluate(() => JSON.parse(localStorage.getItem('stockscan.connection.v1') ?? '{}').token),
  ).toBeNull();

  await prompt.getByRole('textbox', { name: 'Username' }).fill('admin');
  await prompt.getByRole('textbox', { name: 'Password' }).fill('inventree');
  await prompt.getByRole('button', { name: 'Sign in again' }).click();
  await expect(prompt).toBeHidden();
  await expect(page).toHaveURL(/\/scan$/);
  await expect(logEntries(page)).toHaveCount(2);
  // The scan made while signed out is sent after the sign-in.
  await expect(logEntries(page).first()).toHaveAttribute('data-tone', 'success');
  await expect(page.getByTestId('object-title')).toHaveText('R_1K_0805_1%');

  await manualScan(page, 'INV-SI14');
  await expect(page.getByTestId('object-title')).toBeVisible();
  await expect(logEntries(page)).toHaveCount(3);
});

test('a reader linking a barcode (403) is told which right is missing', async ({ page, request }) => {
  await openServerMode(page, request, '/link?model=stockitem&pk=12', 'reader');
  await expect(page.getByTestId('link-target').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  await manualScan(page, 'ACME-403-TEST');
  const outcome = page.getByTestId('link-outcome');
  await expect(outcome).toContainText('may not change stock items');
  await expect(outcome).toContainText('needs the "change" right of Stock items');
  await expect(outcome).toContainText('ask an administrator');
});
