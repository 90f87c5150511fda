/**
 * The real camera path, at phone, tablet and desktop sizes: Chromium's fake camera plays a QR code
 * of demo stock item 12's internal barcode (made by e2e/fixtures/makeVideos.mjs) → decode worker →
 * POST /api/barcode/ → the object loaded from api_url. Asserts what the user sees.
 * (One video per file: the camera file is a browser launch option.)
 */
import { expect, test } from '@playwright/test';
import { cameraVideo, VIDEOS } from './camera.ts';
import { logEntries, openDemo, shoot } from './appHelpers.ts';
import { decodedCount, watchDecodes } from './cameraWatch.ts';

test.use(cameraVideo(VIDEOS.stockItemQr));

// A 10 s repeat window: the label stays in view for the whole test, so it must count once even on a
// slow machine where frames decode seconds apart.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem('stockscan.scanner.v1', JSON.stringify({ duplicateWindowMs: 10_000 })),
  );
  await watchDecodes(page);
});

/** Demo stock item 12's internal barcode, as the video's QR code holds it. */
const LABEL = '{"stockitem": 12}';

test('the stock item card appears with part name, quantity and location', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openDemo(page);
  const card = page.getByTestId('object-card');
  await expect(card.getByTestId('object-title')).toHaveText('R_1K_0805_1%', { timeout: 60_000 });
  await expect(card.getByTestId('object-quantity')).toHaveText('1,000');
  await expect(card.getByTestId('object-location')).toContainText('Reel Storage');
  await expect(card).toContainText('Stock item');

  const first = logEntries(page).first();
  await expect(first).toContainText(LABEL);
  await expect(first).toContainText('Camera');
  await expect(first).toHaveAttribute('data-tone', 'success');

  // The label stays in view and the camera keeps decoding it: three more reads, still one scan.
  const reads = await decodedCount(page, LABEL);
  await expect.poll(() => decodedCount(page, LABEL), { timeout: 60_000 }).toBeGreaterThanOrEqual(reads + 3);
  await expect(logEntries(page)).toHaveCount(1);
  await shoot(page, testInfo, 'scan-camera-match');
});
