/**
 * Sales-order allocation end to end, demo mode: SO0002 has no shipment, so the first scan allocates
 * nothing and the page creates a shipment and sends the scan again; refusals are worded; the order
 * lines refresh; the simulation holds the allocations. Camera: two labels on a slideshow.
 */
import { expect, test, type Page } from '@playwright/test';
import { gun } from './gun.ts';
import { shoot, sim, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';
import { gunStation } from './appHelpers.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

// The shared 2-core machine is slow: a demo page takes seconds to start.
test.describe.configure({ timeout: 240_000 });

interface AllocationRow {
  item: number;
  line: number;
  shipment: number;
  quantity: number;
}

async function allocations(page: Page, order: number): Promise<AllocationRow[]> {
  const answer = await sim(page, 'GET', `/api/order/so-allocation/?order=${order}`);
  expect(answer.status).toBe(200);
  return answer.body as AllocationRow[];
}

/**
 * The allocate page with an order chosen that has an open shipment made beforehand in the
 * simulation. The order is chosen on the page after the shipment exists, so its lines and
 * shipments are read fresh. (A reload after the shipment restarted the whole demo, a second slow
 * start on a busy machine, and the order lines had only one expect timeout to arrive in.)
 */
async function openWithShipment(page: Page, order: number, reference: string): Promise<void> {
  await page.goto('/sales/allocate');
  await waitForDemo(page);
  expect((await sim(page, 'POST', '/api/order/so/shipment/', { order, reference })).status).toBe(201);
  await page.getByTestId('so-order').selectOption(String(order));
  await expect(page).toHaveURL(new RegExp(`order=${order}`));
}

test.describe('SO allocate (scanner gun and manual entry)', () => {
  test('no shipment: create one, the scan goes again and allocates; lines refresh', async ({ page }, testInfo) => {
    await page.goto('/sales/allocate?order=2');
    await waitForDemo(page);
    await expect(page.getByTestId('so-line-2')).toContainText('Blue Chair');
    await expect(page.getByTestId('so-line-2-allocated')).toHaveText('0');
    await shoot(page, testInfo, 'so-start');

    // Stock item 231: 14 × Blue Chair, the part of line 2.
    await gun(page, '{"stockitem": 231}');
    const outcome = page.getByTestId('so-outcome');
    // The question is on top of the page (issue 20), no longer in the outcome under the scanner.
    const question = page.getByTestId('so-question');
    await expect(question).toContainText('Which shipment?');
    await expect(question).toContainText('this order has no open shipment');
    expect(await allocations(page, 2)).toEqual([]);
    await shoot(page, testInfo, 'so-which-shipment');

    await question.getByTestId('create-shipment').click();
    await expect(outcome).toContainText('Allocated 5 × Blue Chair from stock item #231 to line #2, shipment 1.');
    await expect(page.getByTestId('so-line-2-allocated')).toHaveText('5');
    await expect(page.getByTestId('session-log-entry').first()).toContainText('Allocated 5 × Blue Chair');
    await expect(page).toHaveURL(/order=2&shipment=\d+/);
    const rows = await allocations(page, 2);
    expect(rows.map((r) => [r.item, r.line, r.quantity])).toEqual([[231, 2, 5]]);
    await shoot(page, testInfo, 'so-allocated');

    // Refusals in words.
    await gun(page, '{"part": 108}');
    await expect(outcome).toContainText(
      "That barcode is a part (#108), not a stock item. Scan the stock item's own label.",
    );
    await gun(page, '{"stockitem": 415}');
    await expect(outcome).toContainText('Stock item #415 is of a part that is not on this sales order.');
    await gun(page, 'NOBODY-KNOWS-THIS');
    await expect(outcome).toContainText('This barcode is not known to InvenTree');
    await shoot(page, testInfo, 'so-refused');
  });

  test('two labels scanned back to back are both allocated, in order', at('tablet'), async ({ page }) => {
    // SO0003 has no shipment: open one before the order is chosen, so each scan allocates at once.
    await openWithShipment(page, 3, 'GUN-1');
    await expect(page.getByTestId('so-line-5')).toContainText('Green Chair');
    // Stock items 415 and 416: 5 × Green Chair each; the second arrives before the first's answer.
    await gun(page, '{"stockitem": 415}');
    await gun(page, '{"stockitem": 416}');
    await expect(page.getByTestId('so-line-5-allocated')).toHaveText('10');
    const entries = page.getByTestId('session-log-entry');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('from stock item #416');
    await expect(entries.nth(1)).toContainText('from stock item #415');
    expect((await allocations(page, 3)).map((r) => r.item)).toEqual([415, 416]);
  });

  test(
    'a line and quantity typed by hand: wrong part and insufficient stock are explained',
    at('phone'),
    async ({ page }, testInfo) => {
      await openWithShipment(page, 2, 'E2E-1');
      await expect(page.getByTestId('so-line-3')).toContainText('Red Chair');

      await page.getByTestId('so-line').selectOption('3');
      await expect(page).toHaveURL(/line=3/);
      const manual = page.getByTestId('manual-input');
      await manual.fill('{"stockitem": 231}');
      await manual.press('Enter');
      const outcome = page.getByTestId('so-outcome');
      await expect(outcome).toContainText('Wrong part: stock item #231 is not the part of the chosen line (#3).');

      await page.getByTestId('so-quantity').fill('100');
      await manual.fill('{"stockitem": 325}');
      await manual.press('Enter');
      await expect(outcome).toContainText('Not enough stock: stock item #325 has less than 100 unallocated.');
      await shoot(page, testInfo, 'so-insufficient');

      await page.getByTestId('so-quantity').fill('10');
      await manual.fill('{"stockitem": 325}');
      await manual.press('Enter');
      await expect(outcome).toContainText('Allocated 10 × Red Chair from stock item #325 to line #3, shipment E2E-1.');
      await expect(page.getByTestId('so-line-3-allocated')).toHaveText('10');
    },
  );
});
