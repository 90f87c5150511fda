/**
 * The real camera path with a real photographed label (a CODE_128 air-waybill label from the ZXing
 * test corpus, e2e/fixtures/labels/): the demo data knows no such barcode, so the user sees "No
 * match" with the exact barcode text and an offer to link it. One video per file (launch option).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { cameraVideo, VIDEOS } from './camera.ts';
import { logEntries, openDemo, shoot } from './appHelpers.ts';

const LABEL_TEXT = readFileSync(resolve(import.meta.dirname, 'fixtures/labels/code128-2_01.txt'), 'utf8');

test.use(cameraVideo(VIDEOS.label));

// The label stays in view for the whole test: a 10 s repeat window keeps it one scan even on a slow
// machine where frames decode seconds apart.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('stockscan.scanner.v1', JSON.stringify({ duplicateWindowMs: 10_000 })),
  );
});

test('no match, with the barcode text shown and an offer to link it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openDemo(page);
  const noMatch = page.getByTestId('no-match');
  await expect(noMatch).toBeVisible({ timeout: 60_000 });
  await expect(noMatch.getByTestId('barcode-text')).toHaveText(LABEL_TEXT);
  const link = noMatch.getByRole('link', { name: 'Link this barcode' });
  await expect(link).toHaveAttribute('href', `/link?barcode=${encodeURIComponent(LABEL_TEXT)}`);

  const first = logEntries(page).first();
  await expect(first).toContainText(LABEL_TEXT);
  await expect(first).toHaveAttribute('data-tone', 'notFound');
  await shoot(page, testInfo, 'scan-camera-no-match');
});
