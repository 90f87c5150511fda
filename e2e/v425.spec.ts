/**
 * InvenTree 1.x (API 425) end to end: the demo switched to "InvenTree 1.x (API 425)" in Settings,
 * then scan, link and allocate against it; and server mode over HTTP against the simulation server
 * started as API 425 (`e2e/simServer.ts --api 425`, on its own port): a DigiKey label received and a
 * TME label for another supplier's order (PO0002, Paint by Numbers) explained by its real cause.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { CONNECTION_KEY, gunStation, manualScan, openDemo, waitForDemo } from './appHelpers.ts';
import { gun, LABEL_LINE1, LOCATION_7 } from './poHelpers.ts';
import { SIM_BASE_PORT, SIM_SERVERS } from './servers.ts';
import { sim } from './workflowHelpers.ts';

const DEMO_VERSION_KEY = 'stockscan.demoApiVersion';
/** A TME QR label of Paint by Numbers' supplier part PNT.RED.1L, for our order PO0002 (CPO). */
const TME_LABEL_PO0002 = 'QTY:1 PN:PNT.RED.1L PO:7731 CPO:PO0002 MFR:PAINT MPN:PNT-RED';

test.beforeEach(({ context }) => gunStation(context));
test.describe.configure({ timeout: 240_000 });

/** Demo mode as InvenTree 1.x (the choice Settings stores), from the first load. */
async function demo425(page: Page): Promise<void> {
  await page.addInitScript((key) => localStorage.setItem(key, '425'), DEMO_VERSION_KEY);
}

test.describe('demo as InvenTree 1.x (API 425)', () => {
  test('Settings switches the demo from API 291 to 425', async ({ page }) => {
    await openDemo(page, '/settings');
    await expect(page.getByTestId('api-version')).toHaveText('291');
    await page.getByRole('combobox', { name: 'Demo InvenTree version' }).click();
    await page.getByRole('option', { name: 'InvenTree 1.x (API 425)' }).click();
    // The page reloads into the 425 simulation.
    await expect(page.getByTestId('api-version')).toHaveText('425', { timeout: 60_000 });
    await expect(page.getByRole('combobox', { name: 'Demo InvenTree version' })).toHaveValue('InvenTree 1.x (API 425)');
  });

  test('the server check names API 425 and what differs on it for a barcode user', async ({ page }) => {
    await demo425(page);
    await openDemo(page, '/health');
    const version = page.getByTestId('check-api-version');
    await expect(version).toContainText(
      "InvenTree 1.x (API 425): supplier labels answer several objects; a supplier label for another supplier's order is refused",
    );
    await expect(version).not.toContainText('API version 291');
  });

  test('scan: the object is shown; the answer carries instance and the new web_url', async ({ page }) => {
    await demo425(page);
    await openDemo(page, '/scan');
    await manualScan(page, 'INV-SI12');
    await expect(page.getByTestId('object-card').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    const answer = await sim(page, 'POST', '/api/barcode/', { barcode: 'INV-SI12' });
    expect(answer.body).toMatchObject({
      stockitem: { pk: 12, instance: { pk: 12, part: expect.any(Number) }, web_url: '/web/stock/item/12' },
    });

    // A DigiKey label: 425 answers the supplier part and its order; the card shows the one, lists the other.
    await gun(page, LABEL_LINE1);
    await expect(page.getByTestId('object-card').getByTestId('object-title')).toContainText('YAG1343TR-ND');
    await expect(page.getByTestId('also-matched')).toHaveText('Also matched: PO0001');
  });

  test('link a custom barcode, then allocate stock to a sales order with a new shipment', async ({ page }) => {
    await demo425(page);
    await page.goto('/link?model=stockitem&pk=12');
    await waitForDemo(page);
    await expect(page.getByTestId('link-target').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await gun(page, 'ACME-REEL-0425');
    const linkOutcome = page.getByTestId('link-outcome');
    await expect(linkOutcome).toContainText('Barcode linked');
    await expect(linkOutcome).toContainText('Scanning it now finds stock item #12');
    const found = await sim(page, 'POST', '/api/barcode/', { barcode: 'ACME-REEL-0425' });
    expect(found.body).toMatchObject({ stockitem: { pk: 12 }, success: 'Match found for barcode data' });

    await page.goto('/sales/allocate?order=2');
    await waitForDemo(page);
    await expect(page.getByTestId('so-line-2')).toContainText('Blue Chair');
    await gun(page, '{"stockitem": 231}');
    const outcome = page.getByTestId('so-outcome');
    // 425 answers "Found matching item" without a shipment: nothing is allocated yet. The question is
    // on top of the page (issue 20), no longer in the outcome under the scanner.
    const question = page.getByTestId('so-question');
    await expect(question).toContainText('Which shipment?');
    await question.getByTestId('create-shipment').click();
    await expect(outcome).toContainText('Allocated 5 × Blue Chair from stock item #231 to line #2, shipment 1.');
    await expect(page.getByTestId('so-line-2-allocated')).toHaveText('5');
  });
});

test.describe('server mode over HTTP against the API 425 simulation server', () => {
  // Our own server beside the suite's (which may run as 291): the first port after them.
  const port = SIM_BASE_PORT + SIM_SERVERS;
  const url = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;

  test.beforeAll(async ({ request }) => {
    // Its own process group: npx starts tsx, which starts node; killing npx alone left the server up.
    server = spawn('npx', ['tsx', 'e2e/simServer.ts', '--api', '425', '--port', String(port)], {
      stdio: 'ignore',
      detached: true,
    });
    await expect
      .poll(async () => (await request.get(`${url}/api/`).catch(() => null))?.status() ?? 0, { timeout: 120_000 })
      .toBe(200);
    const info = await (await request.get(`${url}/api/`)).json();
    expect(info).toMatchObject({ apiVersion: 425, version: '1.2.0 dev' });
  });
  test.afterAll(() => {
    if (server?.pid === undefined) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch (e) {
      // Already gone (ESRCH): nothing left to stop.
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  });

  async function openServer425(page: Page, request: APIRequestContext, path: string): Promise<void> {
    expect((await request.post(`${url}/__sim/reset`)).status()).toBe(204);
    const basic = Buffer.from('admin:inventree').toString('base64');
    const token = (
      (await (
        await request.get(`${url}/api/user/token/`, { headers: { Authorization: `Basic ${basic}` } })
      ).json()) as { token: string }
    ).token;
    const value = JSON.stringify({ mode: 'server', baseUrl: url, token, demoUser: 'admin' });
    await page.addInitScript(
      ({ key, value }) => {
        if (!sessionStorage.getItem('e2e.seeded')) {
          localStorage.setItem(key, value);
          sessionStorage.setItem('e2e.seeded', '1');
        }
      },
      { key: CONNECTION_KEY, value },
    );
    await page.goto(path);
    await expect(page.getByTestId('connection-indicator')).toContainText('admin');
    await expect(page.getByText('Scanner gun ready')).toBeVisible();
  }

  test('receive: a DigiKey label asks for the location, the location label receives it', async ({ page, request }) => {
    await openServer425(page, request, '/purchasing/receive');
    const outcome = page.getByTestId('receive-outcome');
    await gun(page, LABEL_LINE1);
    await expect(outcome).toContainText(
      'Matched YAG1343TR-ND (R_100K_0402_1%) on PO0001. Nothing received yet: give the location.',
    );
    await gun(page, LOCATION_7);
    await expect(outcome).toContainText('Received 100 × YAG1343TR-ND (R_100K_0402_1%) on PO0001 into Electronics Lab.');
    const lines = await (
      await request.get(`${url}/api/order/po-line/?order=1`, {
        headers: { Authorization: 'Basic ' + Buffer.from('admin:inventree').toString('base64') },
      })
    ).json();
    expect((lines as { pk: number; received: number }[]).find((l) => l.pk === 1)?.received).toBe(100);
  });

  test('a TME label for another supplier’s order is explained by its real cause, and received once the order is chosen', async ({
    page,
    request,
  }) => {
    await openServer425(page, request, '/purchasing/receive?location=7');
    const outcome = page.getByTestId('receive-outcome');
    await gun(page, TME_LABEL_PO0002);
    await expect(outcome).toContainText(
      'This is a TME supplier label (supplier part PNT.RED.1L, order PO0002), but InvenTree could not receive it',
    );
    await expect(outcome).toContainText('no supplier company is set up as “TME”');
    await expect(outcome).toContainText('this one belongs to Paint by Numbers');
    await expect(outcome).not.toContainText('not a supplier label');

    // With PO0002 chosen, StockScan tells InvenTree 1.x the order's supplier: the label is received.
    await page.goto('/purchasing/receive?order=2&location=7');
    await expect(page.getByText('Scanner gun ready')).toBeVisible();
    await gun(page, TME_LABEL_PO0002);
    await expect(outcome).toContainText('Received 1 ×');
    await expect(outcome).toContainText('on PO0002');
  });
});
