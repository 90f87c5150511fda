/**
 * Adjusting stock by scanning, demo mode: scan item 1180 (200 × 10 AWG black wire), add 5 with a
 * reason, then remove all of it — InvenTree deletes the used-up item. Checked in the simulation's
 * data (quantity, tracking entry with the reason after the operation id).
 */
import { expect, test } from '@playwright/test';
import { gunStation, shoot, waitForDemo } from './appHelpers.ts';
import { gun } from './gun.ts';
import { sim } from './workflowHelpers.ts';

test.beforeEach(({ context }) => gunStation(context));
test.describe.configure({ timeout: 180_000 });

test('scan an item, add with a reason, then remove all (the item is deleted)', async ({ page }, testInfo) => {
  await page.goto('/stock/adjust');
  await waitForDemo(page);
  await gun(page, 'INV-SI1180');
  await expect(page.getByTestId('adjust-quantity-now')).toHaveText(/^200\b/);
  await expect(page).toHaveURL(/item=1180/);

  await page.getByTestId('adjust-quantity').fill('5');
  await page.getByTestId('adjust-note').fill('Found a box');
  await page.getByTestId('adjust-submit').click();
  const outcome = page.getByTestId('adjust-outcome');
  await expect(outcome).toContainText('Added 5 to');
  await expect(outcome).toContainText('200 → 205');
  expect(((await sim(page, 'GET', '/api/stock/1180/')).body as { quantity: number }).quantity).toBe(205);
  const track = (await sim(page, 'GET', '/api/stock/track/?item=1180')).body as {
    tracking_type: number;
    notes: string;
    deltas: { added: number };
  }[];
  expect(track[0]).toMatchObject({ tracking_type: 11, deltas: { added: 5 } });
  expect(track[0]?.notes).toMatch(/^StockScan add [0-9a-f]{12} — Found a box$/);
  await shoot(page, testInfo, 'stock-adjust-added');

  await page.getByText('Remove', { exact: true }).click();
  await page.getByTestId('adjust-quantity').fill('205');
  await page.getByTestId('adjust-note').fill('Used on line 2');
  await page.getByTestId('adjust-submit').click();
  await expect(outcome).toContainText('205 → 0, and InvenTree deleted the used-up item');
  expect((await sim(page, 'GET', '/api/stock/1180/')).status).toBe(404);
});
