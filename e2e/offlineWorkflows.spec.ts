/**
 * The offline queue on the writing workflows (PO receive, SO allocate, link), in server mode against
 * the simulation served over HTTP: a write made while the browser is offline is kept on the device
 * with its context, shown queued in the page's log and result panel, and sent when the network
 * returns — and the server then holds exactly one receipt, allocation or link. One reload while
 * offline: the queued receipts come back from storage and are sent once, in order.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { gunStation, logEntries, shoot, waitForOfflineShell } from './appHelpers.ts';
import { gun } from './gun.ts';
import { LABEL_LINE2, LABEL_LINE3 } from './poHelpers.ts';
import { openServerMode, resetSim, simAcceptedBarcodes, simToken } from './serverHelpers.ts';
import { SIM_URL } from './servers.ts';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ request, context }) => {
  await gunStation(context);
  await resetSim(request);
});

/** Ask the simulation directly, as an API client would (not through the app). */
async function simApi(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
): Promise<{ status: number; body: unknown }> {
  const headers = { Authorization: `Token ${await simToken(request)}` };
  const res =
    method === 'GET'
      ? await request.get(`${SIM_URL}${path}`, { headers })
      : await request.post(`${SIM_URL}${path}`, { headers, data });
  return { status: res.status(), body: await res.json() };
}

async function poLineReceived(request: APIRequestContext, line: number): Promise<number> {
  const { body } = await simApi(request, 'GET', '/api/order/po-line/?order=1');
  return (body as { pk: number; received: number }[]).find((l) => l.pk === line)?.received ?? Number.NaN;
}

async function gunReady(page: Page): Promise<void> {
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
}

const newest = (page: Page) => logEntries(page).first();

test('PO receive offline: the label is kept with its order and location, then received once', async ({
  page,
  context,
  request,
}, testInfo) => {
  await openServerMode(page, request, '/purchasing/receive?order=1&location=7');
  await expect(page.getByTestId('receive-banner-summary')).toHaveText('Order PO0001 · into Electronics Lab');
  await gunReady(page);

  await context.setOffline(true);
  await gun(page, LABEL_LINE2);
  await expect(newest(page)).toHaveAttribute('data-tone', 'queued');
  await expect(newest(page)).toContainText(/Waiting to be sent .* · PO0001, into Electronics Lab/);
  await expect(page.getByTestId('queued-outcome')).toHaveAttribute('data-status', 'queued');
  await expect(page.getByTestId('offline-queue-counts')).toHaveText('1 waiting to be sent');
  await shoot(page, testInfo, 'po-receive-queued');
  expect(await simAcceptedBarcodes(request, '/api/barcode/po-receive/')).toEqual([]);

  await context.setOffline(false);
  await expect(newest(page)).toHaveAttribute('data-tone', 'success', { timeout: 30_000 });
  await expect(newest(page)).toContainText('Received (line 2) (sent from the queue) · PO0001, into Electronics Lab');
  await expect(page.getByTestId('queued-outcome')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('offline-queue-status')).toBeHidden();
  // The lines table read the order again.
  await expect(page.getByTestId('receive-line-2-received')).toHaveText('250');
  expect(await simAcceptedBarcodes(request, '/api/barcode/po-receive/')).toEqual([LABEL_LINE2]);
  expect(await poLineReceived(request, 2)).toBe(250);
});

test('PO receive: a reload while offline keeps the queued labels; they are received once, in order', async ({
  page,
  context,
  request,
}) => {
  await openServerMode(page, request, '/purchasing/receive?order=1&location=7');
  await expect(page.getByTestId('receive-banner-summary')).toHaveText('Order PO0001 · into Electronics Lab');
  await gunReady(page);
  await waitForOfflineShell(page);

  await context.setOffline(true);
  await gun(page, LABEL_LINE2);
  await expect(logEntries(page)).toHaveCount(1);
  await gun(page, LABEL_LINE3);
  await expect(logEntries(page).and(page.locator('[data-tone="queued"]'))).toHaveCount(2);

  await page.reload();
  // Both lines come back from the device's storage, oldest at the bottom, with their context.
  await expect(logEntries(page).and(page.locator('[data-tone="queued"]'))).toHaveCount(2);
  await expect(logEntries(page).last()).toContainText('PO0001, into Electronics Lab');
  await expect(page.getByTestId('offline-queue-counts')).toHaveText('2 waiting to be sent');
  expect(await simAcceptedBarcodes(request, '/api/barcode/po-receive/')).toEqual([]);

  await context.setOffline(false);
  await expect(logEntries(page).filter({ hasText: '(sent from the queue)' })).toHaveCount(2, { timeout: 30_000 });
  await expect(logEntries(page).and(page.locator('[data-tone="success"]'))).toHaveCount(2);
  expect(await simAcceptedBarcodes(request, '/api/barcode/po-receive/')).toEqual([LABEL_LINE2, LABEL_LINE3]);
  expect(await poLineReceived(request, 2)).toBe(250);
  expect(await poLineReceived(request, 3)).toBe(5);
});

test('SO allocate offline: the scan is kept with its order, line, shipment and quantity, then allocated once', async ({
  page,
  context,
  request,
}) => {
  const shipment = await simApi(request, 'POST', '/api/order/so/shipment/', { order: 2, reference: '1' });
  expect(shipment.status).toBe(201);
  const shipmentPk = (shipment.body as { pk: number }).pk;
  await openServerMode(page, request, `/sales/allocate?order=2&line=2&shipment=${shipmentPk}`);
  await expect(page.getByTestId('so-line-2')).toContainText('Blue Chair');
  await expect(page.getByTestId('so-shipment')).toHaveValue(String(shipmentPk));
  await page.getByTestId('so-quantity').fill('2');
  await gunReady(page);

  await context.setOffline(true);
  await gun(page, '{"stockitem": 231}');
  await expect(newest(page)).toHaveAttribute('data-tone', 'queued');
  await expect(newest(page)).toContainText(
    /Waiting to be sent .* · SO0002, line #2 Blue Chair, shipment 1, quantity 2/,
  );
  await expect(page.getByTestId('queued-outcome')).toHaveAttribute('data-status', 'queued');
  expect(await simAcceptedBarcodes(request, '/api/barcode/so-allocate/')).toEqual([]);

  await context.setOffline(false);
  await expect(newest(page)).toHaveAttribute('data-tone', 'success', { timeout: 30_000 });
  await expect(newest(page)).toContainText('Allocated 2 of stock item #231 (sent from the queue)');
  await expect(page.getByTestId('so-line-2-allocated')).toHaveText('2');
  expect(await simAcceptedBarcodes(request, '/api/barcode/so-allocate/')).toEqual(['{"stockitem": 231}']);
  const rows = (await simApi(request, 'GET', '/api/order/so-allocation/?order=2')).body as {
    item: number;
    line: number;
    shipment: number;
    quantity: number;
  }[];
  expect(rows.map((r) => [r.item, r.line, r.shipment, r.quantity])).toEqual([[231, 2, shipmentPk, 2]]);
});

test('link offline: the barcode is kept with its target, then linked once', async ({ page, context, request }) => {
  await openServerMode(page, request, '/link?model=stockitem&pk=12');
  const target = page.getByTestId('link-target');
  await expect(target.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  await expect(target.getByTestId('custom-barcode-state')).toHaveText('No custom barcode');
  await gunReady(page);

  await context.setOffline(true);
  await gun(page, 'ACME-OFFLINE-0001');
  await expect(newest(page)).toHaveAttribute('data-tone', 'queued');
  await expect(newest(page)).toContainText(/Waiting to be sent .* · to Stock item #12/);
  await expect(page.getByTestId('queued-outcome')).toHaveAttribute('data-status', 'queued');
  expect(await simAcceptedBarcodes(request, '/api/barcode/link/')).toEqual([]);

  await context.setOffline(false);
  await expect(newest(page)).toHaveAttribute('data-tone', 'success', { timeout: 30_000 });
  await expect(newest(page)).toContainText('Linked to Stock item #12 (sent from the queue)');
  await expect(target.getByTestId('custom-barcode-state')).toHaveText('Has a custom barcode');
  expect(await simAcceptedBarcodes(request, '/api/barcode/link/')).toEqual(['ACME-OFFLINE-0001']);
  const found = await simApi(request, 'POST', '/api/barcode/', { barcode: 'ACME-OFFLINE-0001' });
  expect((found.body as { stockitem?: { pk: number } }).stockitem?.pk).toBe(12);
});

test('a queued link the server refuses is shown failed with retry and discard, never dropped silently', async ({
  page,
  context,
  request,
}, testInfo) => {
  // The barcode already belongs to stock item 12 (linked by another client meanwhile).
  expect(
    (await simApi(request, 'POST', '/api/barcode/link/', { barcode: 'ACME-TAKEN-0001', stockitem: 12 })).status,
  ).toBe(200);
  await openServerMode(page, request, '/link?model=stockitem&pk=13');
  await expect(page.getByTestId('link-target').getByTestId('object-title')).not.toBeEmpty();
  await gunReady(page);

  await context.setOffline(true);
  await gun(page, 'ACME-TAKEN-0001');
  await expect(newest(page)).toHaveAttribute('data-tone', 'queued');
  await context.setOffline(false);
  await expect(newest(page)).toHaveAttribute('data-tone', 'error', { timeout: 30_000 });
  await expect(newest(page)).toContainText('Not sent:');
  await expect(newest(page).getByRole('button', { name: 'Retry' })).toBeVisible();
  const outcome = page.getByTestId('queued-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('offline-queue-counts')).toContainText('1 not sent: retry or discard them in the log');
  await shoot(page, testInfo, 'link-queued-refused');

  await outcome.getByRole('button', { name: 'Discard' }).click();
  await expect(outcome).toHaveAttribute('data-status', 'gone');
  await expect(newest(page)).toContainText('Discarded (the server did not take it)');
  await expect(page.getByTestId('offline-queue-status')).toBeHidden();
  // The setup's link, then the queue's one attempt (refused, not retried); the barcode stays where it was.
  expect(await simAcceptedBarcodes(request, '/api/barcode/link/')).toEqual(['ACME-TAKEN-0001', 'ACME-TAKEN-0001']);
  const found = await simApi(request, 'POST', '/api/barcode/', { barcode: 'ACME-TAKEN-0001' });
  expect((found.body as { stockitem?: { pk: number } }).stockitem?.pk).toBe(12);
});
