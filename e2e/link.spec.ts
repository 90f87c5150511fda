/**
 * Link workflow end to end, demo mode: choose the target, link a third-party barcode through the
 * scanner gun, manual entry and the camera, see "already linked" for a used barcode, unlink with a
 * confirm — and check in the simulation that scanning the barcode finds (or no longer finds) the item.
 */
import { expect, test } from '@playwright/test';
import { gun } from './gun.ts';
import { shoot, sim, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';
import { gunStation } from './appHelpers.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

// The shared 2-core machine is slow: a demo page takes seconds to start.
test.describe.configure({ timeout: 240_000 });

// Demo stock item 12: R_1K_0805_1%, 1000 in Reel Storage.
const ITEM = { model: 'stockitem', pk: 12 };

async function scanFinds(page: import('@playwright/test').Page, barcode: string) {
  const answer = await sim(page, 'POST', '/api/barcode/', { barcode });
  return answer.status === 200 ? (answer.body as Record<string, { pk: number } | undefined>) : null;
}

test.describe('link (scanner gun and manual entry)', () => {
  test('links a supplier barcode to the item in the URL, reports it used elsewhere, and unlinks it', async ({
    page,
  }, testInfo) => {
    await page.goto(`/link?model=${ITEM.model}&pk=${ITEM.pk}`);
    await waitForDemo(page);
    const target = page.getByTestId('link-target');
    await expect(target.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await expect(target.getByTestId('custom-barcode-state')).toHaveText('No custom barcode');
    await shoot(page, testInfo, 'link-target');

    await gun(page, 'ACME-REEL-0001');
    const outcome = page.getByTestId('link-outcome');
    await expect(outcome).toContainText('Barcode linked');
    await expect(outcome).toContainText('Scanning it now finds stock item #12');
    await expect(target.getByTestId('custom-barcode-state')).toHaveText('Has a custom barcode');
    await expect(page.getByTestId('session-log-entry').first()).toContainText('Linked to Stock item #12');
    await shoot(page, testInfo, 'link-linked');

    // The simulation now finds the item by that barcode.
    expect((await scanFinds(page, 'ACME-REEL-0001'))?.stockitem?.pk).toBe(12);

    // The same barcode on another item: InvenTree refuses and names the owner, which the user can open.
    await page.goto('/link?model=stockitem&pk=13');
    await waitForDemo(page);
    await expect(page.getByTestId('link-target').getByTestId('object-title')).toBeVisible();
    await gun(page, 'ACME-REEL-0001');
    await expect(outcome).toContainText('Barcode matches existing item');
    await expect(outcome.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await shoot(page, testInfo, 'link-already-linked');
    await outcome.getByTestId('open-match').click();
    await expect(page).toHaveURL(/model=stockitem&pk=12/);
    await expect(page.getByTestId('link-target').getByTestId('custom-barcode-state')).toHaveText(
      'Has a custom barcode',
    );

    // Unlink from the item's card, with a confirm.
    await page.getByRole('button', { name: 'Unlink barcode' }).click();
    await expect(page.getByRole('dialog')).toContainText('will no longer be found by scanning its custom barcode');
    await shoot(page, testInfo, 'link-unlink-confirm');
    await page.getByTestId('confirm-unlink').click();
    await expect(outcome).toContainText('Barcode removed');
    await expect(page.getByTestId('link-target').getByTestId('custom-barcode-state')).toHaveText('No custom barcode');
    expect(await scanFinds(page, 'ACME-REEL-0001')).toBeNull();
  });

  test(
    'an unknown barcode typed by hand waits for a target chosen by search, then links',
    at('desktop'),
    async ({ page }, testInfo) => {
      await page.goto('/link');
      await waitForDemo(page);
      await page.getByTestId('manual-input').fill('MFR-LOT-7781');
      await page.getByTestId('manual-input').press('Enter');
      await expect(page.getByTestId('link-outcome')).toContainText('Not linked to anything yet');
      await expect(page).toHaveURL(/barcode=MFR-LOT-7781/);

      // Find the part by search and link.
      await page.getByLabel('Kind').selectOption('part');
      await page.getByTestId('object-search-input').fill('Blue Chair');
      await page.getByTestId('object-search-row').filter({ hasText: 'Blue Chair' }).first().click();
      await expect(page.getByTestId('link-target').getByTestId('object-title')).toHaveText('Blue Chair');
      await shoot(page, testInfo, 'link-pending');
      await page.getByTestId('confirm-link').click();
      await expect(page.getByTestId('link-outcome')).toContainText('Barcode linked');
      expect((await scanFinds(page, 'MFR-LOT-7781'))?.part?.pk).toBe(108);
    },
  );

  test('a view-only user is told which right is missing (403)', at('phone'), async ({ page }, testInfo) => {
    // Demo user "reader" has view rights only, as in InvenTree's demo dataset.
    await page.addInitScript(() =>
      localStorage.setItem(
        'stockscan.connection.v1',
        JSON.stringify({ mode: 'demo', baseUrl: '', token: null, demoUser: 'reader' }),
      ),
    );
    await page.goto('/link?model=stockitem&pk=12');
    await waitForDemo(page, 'reader');
    await expect(page.getByTestId('link-target').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await gun(page, 'READER-TRY-1');
    const outcome = page.getByTestId('link-outcome');
    await expect(outcome).toContainText('Not allowed');
    await expect(outcome).toContainText('may not change stock items (stock_stockitem)');
    await shoot(page, testInfo, 'link-forbidden');
    expect(await scanFinds(page, 'READER-TRY-1')).toBeNull();
  });

  test(
    'scanning an InvenTree label with no target chooses it; a label scanned right after waits for it, then links',
    at('tablet'),
    async ({ page }) => {
      await page.goto('/link');
      await waitForDemo(page);
      // Target and supplier label in one quick motion: the second arrives before the first's answer.
      await gun(page, '{"stocklocation": 7}');
      await gun(page, 'SHELF-TAG-0007');
      await expect(page).toHaveURL(/model=stocklocation&pk=7/);
      await expect(page.getByTestId('link-target').getByTestId('object-card')).toBeVisible();
      await expect(page.getByTestId('link-outcome')).toContainText('Barcode linked');
      const entries = page.getByTestId('session-log-entry');
      await expect(entries).toHaveCount(2);
      await expect(entries.first()).toContainText('SHELF-TAG-0007');
      await expect(entries.first()).toContainText('Linked to Stock location #7');
      expect((await scanFinds(page, 'SHELF-TAG-0007'))?.stocklocation?.pk).toBe(7);
    },
  );
});
