/**
 * A bin audit, demo mode, of location 4 (demo data: 321 = 200 × Pink Paint, 229 = 3 × Red Square
 * Table): 229 counted as 2 (a quantity corrected), 321 not scanned (missing: not changed), 408
 * found here from Storage Room B and moved here. The count survives a reload; Submit sends one
 * count and shows what the server recorded. Checked in the simulation's data.
 */
import { expect, test, type Page } from '@playwright/test';
import { gunStation, shoot, waitForDemo } from './appHelpers.ts';
import { gun } from './gun.ts';
import { sim } from './workflowHelpers.ts';

test.beforeEach(({ context }) => gunStation(context));
test.describe.configure({ timeout: 180_000 });

async function item(page: Page, pk: number): Promise<{ location: number; quantity: number }> {
  return (await sim(page, 'GET', `/api/stock/${pk}/`)).body as { location: number; quantity: number };
}

test('count a location: one corrected, one missing, one found from elsewhere', async ({ page }, testInfo) => {
  await page.goto('/stock/count?location=4');
  await waitForDemo(page);
  await expect(page.getByTestId('count-outcome')).toContainText('2 items expected');

  await page.getByTestId('count-quantity-next').fill('2');
  await gun(page, 'INV-SI229');
  await expect(page.getByTestId('count-line-229')).toHaveAttribute('data-state', 'counted');
  await expect(page.getByTestId('count-line-321')).toHaveAttribute('data-state', 'missing');

  // A count in progress survives a reload (nothing was sent yet).
  await page.reload();
  await waitForDemo(page);
  await expect(page.getByTestId('count-line-229')).toHaveAttribute('data-state', 'counted');
  await expect(page.getByLabel('Counted for item 229')).toHaveValue('2');
  expect((await item(page, 229)).quantity).toBe(3);

  await page.getByTestId('count-quantity-next').fill('145');
  await gun(page, 'INV-SI408');
  await expect(page.getByTestId('count-line-408')).toHaveAttribute('data-state', 'found');
  await shoot(page, testInfo, 'stock-count-found');
  await page.getByRole('button', { name: 'Move here' }).click();
  await expect(page.getByTestId('count-line-408')).toHaveAttribute('data-state', 'counted');
  expect((await item(page, 408)).location).toBe(4);

  await page.getByTestId('count-note').fill('Cycle count');
  await page.getByTestId('count-submit').click();
  await expect(page.getByTestId('count-change-229')).toContainText('Red Square Table (#229): 3 → 2');
  await expect(page.getByTestId('count-change-408')).toContainText('145 → 145');
  await shoot(page, testInfo, 'stock-count-sent');
  expect((await item(page, 229)).quantity).toBe(2);
  expect((await item(page, 321)).quantity).toBe(200);
  const track = (await sim(page, 'GET', '/api/stock/track/?item=229')).body as {
    tracking_type: number;
    notes: string;
  }[];
  expect(track[0]?.tracking_type).toBe(10);
  expect(track[0]?.notes).toMatch(/^StockScan count [0-9a-f]{12} — Cycle count$/);
});
