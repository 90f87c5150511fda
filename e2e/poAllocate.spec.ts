/**
 * Adding scanned parts to a pending purchase order end to end, demo mode, on PO0007 (pending,
 * DigiKey; line 20 = WM1731-ND × 400). A part barcode and a DigiKey label (GS/RS as a gun sends
 * them) are offered as lines and added; v291's bare "Invalid input." is explained: wrong supplier,
 * no supplier part, not a part barcode, unknown barcode. The simulation's order lines are checked.
 */
import { expect, test, type Page } from '@playwright/test';
import { gun, LABEL_LINE1, manual } from './poHelpers.ts';
import { shoot, sim, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';
import { gunStation } from './appHelpers.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

/** Total ordered quantity of one supplier part on an order, however the server merges lines. */
async function onOrder(page: Page, order: number, supplierPart: number): Promise<number> {
  const answer = await sim(page, 'GET', `/api/order/po-line/?order=${order}`);
  expect(answer.status).toBe(200);
  return (answer.body as { part: number; quantity: number }[])
    .filter((l) => l.part === supplierPart)
    .reduce((t, l) => t + l.quantity, 0);
}

// Two cores shared by a team: these flows make dozens of requests through the service worker.
test.describe.configure({ timeout: 180_000 });

test.describe('PO allocate (scanner gun and manual entry)', () => {
  test('part barcode and DigiKey label become lines; failures are explained', async ({ page }, testInfo) => {
    await page.goto('/purchasing/add?order=7');
    await waitForDemo(page);
    await expect(page.getByTestId('allocate-banner-summary')).toContainText('Adding to PO0007 from DigiKey');
    await expect(page.getByTestId('allocate-line-20')).toContainText('WM1731-ND');
    await shoot(page, testInfo, 'po-allocate-start');

    // Part 69's DigiKey supplier part is already on the order: offered, with that said.
    await gun(page, '{"part": 69}');
    const offer = page.getByTestId('line-offer');
    await expect(offer).toHaveCount(1);
    await expect(offer).toContainText('WM1731-ND');
    await expect(offer).toContainText('Already on this order: 400 on line #20.');
    await offer.getByTestId('line-offer-quantity').fill('25');
    await shoot(page, testInfo, 'po-allocate-offer');
    await offer.getByTestId('line-offer-add').click();
    const outcome = page.getByTestId('allocate-outcome');
    await expect(outcome).toContainText('Added 25 × WM1731-ND to PO0007');
    await expect(offer).toHaveCount(0);
    await expect.poll(() => onOrder(page, 7, 203)).toBe(425);

    // A DigiKey label: the supplier plugin finds YAG1343TR-ND (supplier part 12), a new line.
    await gun(page, LABEL_LINE1);
    await expect(page.getByTestId('line-offer')).toContainText('YAG1343TR-ND');
    await page.getByTestId('line-offer-add').click();
    await expect(outcome).toContainText('Added 1 × YAG1343TR-ND to PO0007');
    await expect.poll(() => onOrder(page, 7, 12)).toBe(1);

    // Failures, explained although v291 only answers ["Invalid input."].
    await gun(page, '{"supplierpart": 204}');
    await expect(outcome).toContainText(
      'Wrong supplier: supplier part 1551ABK is sold by Mouser, but this order is from DigiKey.',
    );
    await gun(page, '{"part": 82}');
    await expect(outcome).toContainText('No supplier part: Part #82 is not sold by DigiKey');
    await gun(page, '{"stockitem": 231}');
    await expect(outcome).toContainText('That is the barcode of stock item #231, not of a part.');
    await manual(page, 'NOBODY-KNOWS-THIS-CODE');
    await expect(outcome).toContainText('Not a part barcode');
    await shoot(page, testInfo, 'po-allocate-explained');
    expect(await onOrder(page, 7, 204)).toBe(0);
  });

  test('no order chosen: choose one from the pending orders', at('desktop'), async ({ page }) => {
    await page.goto('/purchasing/add');
    await waitForDemo(page);
    await gun(page, '{"part": 69}');
    await expect(page.getByTestId('allocate-outcome')).toContainText(
      'Choose a pending purchase order first, then scan parts.',
    );
    await page.getByTestId('allocate-order').selectOption('7');
    await expect(page).toHaveURL(/order=7/);
    await gun(page, '{"supplierpart": 203}');
    await expect(page.getByTestId('line-offer')).toContainText('WM1731-ND');
  });
});
