/**
 * Link through the real camera path: a slideshow .y4m shows stock item 12's InvenTree QR, then a
 * supplier's Code 128; the first scan chooses the target, the second links it.
 */
import { expect, test } from '@playwright/test';
import { cameraVideo } from './camera.ts';
import { makeSlideshow } from './fixtures/slideshow.mjs';
import { shoot, sim, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';

// The shared 2-core machine is slow: a demo page with the camera running takes tens of seconds.
test.describe.configure({ timeout: 240_000 });

const LINK_VIDEO = await makeSlideshow('link-target-then-custom', [
  { bcid: 'qrcode', text: '{"stockitem": 12}' },
  { bcid: 'code128', text: 'ACME-CAM-0042' },
]);

test.use(cameraVideo(LINK_VIDEO));

test.describe('link (camera)', () => {
  test(
    'the camera reads the item label, then the supplier barcode, and links it',
    at('phone'),
    async ({ page }, testInfo) => {
      // The camera pipeline and its guide box are tested at every size in scanCamera*.spec.ts; a phone is the camera-first device.
      await page.goto('/link');
      await waitForDemo(page);
      // ScanInput starts the camera by itself.
      // The slideshow loops and the page may join it at either label: whichever comes first, the QR
      // sets the target and the next sight of the Code 128 links it.
      await expect(page).toHaveURL(/model=stockitem&pk=12/, { timeout: 60_000 });
      await expect(
        page.getByTestId('session-log-entry').filter({ hasText: 'Linked to Stock item #12' }).first(),
      ).toBeVisible({
        timeout: 60_000,
      });
      await expect(page.getByTestId('session-log-entry').filter({ hasText: 'ACME-CAM-0042' }).first()).toContainText(
        'Camera',
      );
      await shoot(page, testInfo, 'link-camera');
      const found = await sim(page, 'POST', '/api/barcode/', { barcode: 'ACME-CAM-0042' });
      expect(found.status).toBe(200);
      expect((found.body as { stockitem?: { pk: number } }).stockitem?.pk).toBe(12);
    },
  );
});
