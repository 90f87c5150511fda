/**
 * The stock room's daily flows in the worker's language (issue 17), at phone size, where German's
 * long words are tightest: a scan, a receipt against a purchase order and the scan history in
 * German, and Receive in Chinese. Each page is checked for English left from the catalogues and for
 * text pushed past the screen's edge, and saved as a screenshot for review (e2e/.out/screens).
 * InvenTree's own words (its error texts) stay as the server sent them.
 */
import { expect, test, type Page } from '@playwright/test';
import { gunStation, shoot } from './appHelpers.ts';
import { expectNoEnglish, expectNoOverflow } from './i18nHelpers.ts';
import { gun, LABEL_LINE1, LOCATION_7, received } from './poHelpers.ts';
import { at } from './sizes.ts';

test.describe.configure({ timeout: 180_000 });
test.beforeEach(({ context }) => gunStation(context));

/** Demo up and the gun listening, whatever the language (the indicator names the user). */
async function ready(page: Page, gunReady: string): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await expect(page.getByTestId('connection-indicator')).toContainText('admin', { timeout: 30_000 });
  await expect(page.getByText(gunReady)).toBeVisible();
}

test.describe('German at the bench', () => {
  test.use({ locale: 'de-DE' });

  test('scan, receive and history read German from end to end', at('phone'), async ({ page }, testInfo) => {
    // The demo server stores scans only when told to (InvenTree's BARCODE_STORE_RESULTS).
    await page.goto('/history');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verlauf');
    await expect(page.getByTestId('connection-indicator')).toContainText('admin', { timeout: 30_000 });
    await expect(page.getByTestId('history-storage-state')).toHaveText('aus', { timeout: 40_000 });
    await page.getByTestId('history-storage-switch').click({ force: true });
    await expect(page.getByTestId('history-storage-state')).toHaveText('an');

    // Scan: a stock item's label, then a code nobody knows.
    await page.goto('/scan');
    await ready(page, 'Handscanner bereit');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scannen');
    await gun(page, 'INV-SI12');
    const sheet = page.getByTestId('result-sheet');
    await expect(sheet.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await expect(sheet.getByTestId('label-kind')).toHaveText('InvenTree-Etikett von Lagerartikel 12');
    await expect(sheet.getByTestId('object-quantity')).toHaveText('1.000');
    await expectNoEnglish(page, 'de');
    await expectNoOverflow(page);
    await shoot(page, testInfo, 'i18n-de-scan-found');

    await gun(page, 'I18N-UNKNOWN-1');
    await expect(sheet.getByTestId('no-match')).toHaveAttribute('data-kind', 'foreign');
    const serverText = 'No match found for barcode data';
    await expect(sheet.getByTestId('server-text')).toContainText(serverText);
    await expectNoEnglish(page, 'de', [serverText]);
    await expectNoOverflow(page);
    await shoot(page, testInfo, 'i18n-de-scan-unknown');

    // Receive: a DigiKey label for PO0001's line 1 asks for the location; a location label books it.
    await page.goto('/purchasing/receive');
    await ready(page, 'Handscanner bereit');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wareneingang');
    await gun(page, LABEL_LINE1);
    const outcome = page.getByTestId('receive-outcome');
    await expect(page.getByTestId('receipt-form')).toBeVisible();
    await expect(page.getByTestId('receive-line-1-received')).toHaveText('0');
    await expectNoEnglish(page, 'de');
    await expectNoOverflow(page);
    await shoot(page, testInfo, 'i18n-de-receive-location-asked');

    await gun(page, LOCATION_7);
    await expect(outcome).toContainText('100 × YAG1343TR-ND');
    await expect(outcome).toContainText('Electronics Lab');
    await expect(page.getByTestId('receive-line-1-received')).toHaveText('100');
    expect(await received(page, 1, 1)).toBe(100);
    await expectNoEnglish(page, 'de');
    await expectNoOverflow(page);
    await shoot(page, testInfo, 'i18n-de-receive-received');

    // History: the scans just made, under the workflows' German names, with German dates.
    await page.goto('/history');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verlauf');
    const rows = page.getByTestId('history-table').locator('tr:has(td)');
    await expect(rows).toHaveCount(4);
    // The label sent without a location: InvenTree stores it as not (yet) received.
    await expect(rows.filter({ hasText: 'PYAG1343TR-ND' })).toContainText('Wareneingang');
    await expect(rows.filter({ hasText: 'PYAG1343TR-ND' })).toContainText('Fehler');
    await expect(rows.filter({ hasText: 'INV-SI12' })).toContainText('Scannen');
    await expect(rows.filter({ hasText: 'INV-SI12' })).toContainText('Erfolg');
    await expect(rows.first()).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    await expectNoEnglish(page, 'de', [serverText]);
    await expectNoOverflow(page);
    await shoot(page, testInfo, 'i18n-de-history');
  });
});

test.describe('Chinese at the bench', () => {
  test.use({ locale: 'zh-CN' });

  test('receive reads Chinese', at('phone'), async ({ page }, testInfo) => {
    await page.goto('/purchasing/receive');
    await ready(page, '扫码枪已就绪');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('收货');
    await gun(page, LABEL_LINE1);
    await expect(page.getByTestId('receipt-form')).toBeVisible();
    await expectNoEnglish(page, 'zh-Hans');
    await expectNoOverflow(page);
    await shoot(page, testInfo, 'i18n-zh-receive-location-asked');
  });
});
