/**
 * The question on top (issue 20), demo mode, at every size: a label without a quantity on Receive
 * and a shipment-less order on Allocate ask on top of the page, inside the first screen, with the
 * field focused, so "45 Enter" answers it; "confirm the quantity before booking" catches a short
 * box; an order InvenTree would refuse is a warning before any scan. The simulation's data is checked.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gun, received } from './poHelpers.ts';
import { shoot, sim, waitForDemo } from './workflowHelpers.ts';
import { gunStation } from './appHelpers.ts';

test.beforeEach(({ context }) => gunStation(context));
test.describe.configure({ timeout: 240_000 });

const RS = '\u001e';
const GS = '\u001d';
const EOT = '\u0004';
/** A DigiKey label of PO0001 line 1 (YAG1343TR-ND) with no quantity field. */
const LABEL_NO_QTY = `[)>${RS}06${GS}PYAG1343TR-ND${GS}1K7712345${GS}KPO0001${GS}4LPH${RS}${EOT}`;
/** The same line's label with Q100. */
const LABEL_100 = `[)>${RS}06${GS}PYAG1343TR-ND${GS}1K7712345${GS}KPO0001${GS}Q100${GS}4LPH${RS}${EOT}`;

/** The field is focused and inside the first screen, without any scrolling. */
async function askedOnTop(page: Page, field: Locator): Promise<void> {
  await expect(field).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = await field.boundingBox();
  const viewport = page.viewportSize();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport!.height);
}

test('Receive: a label without a quantity is asked on top; "45 Enter" receives 45', async ({ page }, testInfo) => {
  await page.goto('/purchasing/receive?location=7');
  await waitForDemo(page);
  await gun(page, LABEL_NO_QTY);
  const question = page.getByTestId('receipt-form');
  await expect(question).toContainText('More information needed');
  await expect(question).toContainText('No quantity on the label');
  // The line asked about is amber (asking), not the green of a receipt.
  await expect(page.getByTestId('receive-line-1')).toHaveAttribute('data-state', 'asking');
  const field = question.getByTestId('receipt-quantity');
  await askedOnTop(page, field);
  expect(await received(page, 1, 1)).toBe(0);
  await shoot(page, testInfo, 'question-receive');

  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receive-outcome')).toContainText(
    'Received 45 × YAG1343TR-ND (R_100K_0402_1%) on PO0001 into Electronics Lab.',
  );
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId('receive-line-1-received')).toHaveText('45');
  expect(await received(page, 1, 1)).toBe(45);
});

test('Receive: "confirm the quantity before booking" catches a short box: 100 on the label, 95 booked', async ({
  page,
}) => {
  await page.goto('/purchasing/receive?order=1&location=7');
  await waitForDemo(page);
  const toggle = page.getByRole('switch', { name: 'Confirm the quantity before booking' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(page.getByTestId('receive-line-1')).toBeVisible();
  await gun(page, LABEL_100);
  const question = page.getByTestId('receipt-form');
  await expect(question).toContainText('100 on the label');
  const field = question.getByTestId('receipt-quantity');
  await expect(field).toHaveValue('100');
  await askedOnTop(page, field);
  // Nothing is booked before the answer.
  expect(await received(page, 1, 1)).toBe(0);
  await page.keyboard.type('95');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receive-outcome')).toContainText('Received 95 × YAG1343TR-ND');
  expect(await received(page, 1, 1)).toBe(95);
  // The setting is remembered on this device.
  await page.reload();
  await waitForDemo(page);
  await expect(page.getByRole('switch', { name: 'Confirm the quantity before booking' })).toBeChecked();
});

test('Allocate: an order with no shipment asks before the first scan; "45 Enter" creates shipment 45', async ({
  page,
}, testInfo) => {
  await page.goto('/sales/allocate?order=2');
  await waitForDemo(page);
  const question = page.getByTestId('so-question');
  await expect(question).toContainText('This order has no shipment yet');
  await expect(page.getByTestId('so-shipment')).not.toContainText('The open one (automatic)');
  await expect(page.getByTestId('so-shipment')).toContainText('None open yet');
  const field = question.getByTestId('new-shipment-reference');
  await askedOnTop(page, field);
  await shoot(page, testInfo, 'question-allocate');

  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('so-outcome')).toContainText('Shipment 45 is open');
  await expect(question).toHaveCount(0);
  const shipments = (await sim(page, 'GET', '/api/order/so/shipment/?order=2')).body as {
    pk: number;
    reference: string;
  }[];
  const created = shipments.find((s) => s.reference === '45');
  expect(created).toBeDefined();

  // Stock item 231: 14 × Blue Chair, line 2; it goes into shipment 45.
  await gun(page, '{"stockitem": 231}');
  await expect(page.getByTestId('so-outcome')).toContainText(
    'Allocated 5 × Blue Chair from stock item #231 to line #2, shipment 45.',
  );
  const rows = (await sim(page, 'GET', '/api/order/so-allocation/?order=2')).body as {
    item: number;
    shipment: number;
  }[];
  expect(rows.map((r) => [r.item, r.shipment])).toEqual([[231, created!.pk]]);
});

test('Add to order: a placed order is a warning and scans are refused before sending', async ({ page }, testInfo) => {
  // PO0001 is placed: InvenTree adds lines by barcode only to a pending order.
  await page.goto('/purchasing/add?order=1');
  await waitForDemo(page);
  const warning = page.getByTestId('allocate-order-warning');
  await expect(warning).toContainText('already placed');
  await shoot(page, testInfo, 'question-add-warning');
  await gun(page, '{"part": 1}');
  await expect(page.getByTestId('session-log-entry').first()).toContainText('only to a pending order');
});
