/**
 * StockScan in the stock room's language (issue 17), at phone size: German picked in Settings
 * (html lang, no English left in the converted areas, German numbers and dates, kept over a
 * reload), and a Chinese browser with no choice made reading Chinese.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForDemo } from './appHelpers.ts';
import { at } from './sizes.ts';

const SHOTS = process.env.I18N_SHOTS ?? '/tmp/i18n17-shots';
const NOW = new Date('2026-12-04T15:30:00');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** English texts of the converted areas shown on Settings; none may be left in German. */
const ENGLISH_ON_SETTINGS = [
  'Language of StockScan',
  'Appearance',
  'Kiosk mode',
  'Offline use',
  'Screen flash',
  'Decoding engine',
  'Barcode types the camera reads',
  'Repeat window (seconds)',
  'Numbers and dates',
];

test.describe('German', () => {
  test.use({ locale: 'en-US' });

  test(
    'picked in Settings: html lang, German texts, numbers and dates; kept after reload',
    at('phone'),
    async ({ page }) => {
      await page.clock.setFixedTime(NOW);
      await page.goto('/settings');
      await waitForDemo(page, 'admin', false);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');

      await page.getByRole('combobox', { name: 'Language of StockScan' }).selectOption('de');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
      await expect(page.getByRole('heading', { name: 'Darstellung' })).toBeVisible();
      await expect(page.getByRole('switch', { name: 'Kioskmodus auf diesem Gerät' })).toBeVisible();
      const body = page.locator('body');
      for (const english of ENGLISH_ON_SETTINGS) await expect(body).not.toContainText(english);
      // Intl in German: 1.234,5 and 04.12.2026.
      await expect(page.getByTestId('language-formats')).toHaveText('Zahlen und Datum: 1.234,5 · 04.12.2026 15:30');
      await shot(page, 'settings-de-phone');

      await page.reload();
      await waitForDemo(page, 'admin', false);
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einstellungen');
      await expect(page.getByRole('combobox', { name: 'Sprache von StockScan' })).toHaveValue('de');

      // The health page: headings, buttons and the gun tester in German.
      await page.goto('/health');
      await waitForDemo(page, 'admin', false);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scanner-Zustand');
      await expect(page.getByRole('button', { name: 'Kameras prüfen' })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Testfeld für den Handscanner' })).toBeVisible();
      for (const english of [
        'Scanner health',
        'Check cameras',
        'Decode rate',
        'Scanner gun tester',
        'Frames decoded',
      ]) {
        await expect(page.locator('body')).not.toContainText(english);
      }
      await shot(page, 'health-de-phone');

      // The scan input on the scan page.
      await page.goto('/scan');
      await expect(page.getByText('Handscanner bereit')).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Barcode' })).toHaveAttribute(
        'placeholder',
        'Barcode eintippen oder einfügen',
      );
      await shot(page, 'scan-de-phone');
    },
  );
});

test.describe('Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('no choice made: the browser language, Chinese', at('phone'), async ({ page }) => {
    await page.clock.setFixedTime(NOW);
    await page.goto('/settings');
    await waitForDemo(page, 'admin', false);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
    await expect(page.getByRole('combobox', { name: 'StockScan 的语言' })).toHaveValue('auto');
    await expect(page.getByTestId('language-formats')).toContainText('2026/12/04');
    for (const english of ENGLISH_ON_SETTINGS) await expect(page.locator('body')).not.toContainText(english);
    await shot(page, 'settings-zh-phone');
  });
});
