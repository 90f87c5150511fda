/**
 * Receiving through the camera, demo mode: Chromium's fake camera plays a slideshow made at test
 * time (bwip-js): the Electronics Lab location label as QR, then two DigiKey labels for PO0001 as
 * Data Matrix, whose GS/RS/EOT must survive decoding for InvenTree to parse them.
 */
import { expect, test } from '@playwright/test';
import { cameraVideo } from './camera.ts';
import { makeSlideshow } from './fixtures/slideshow.mjs';
import { LABEL_LINE1, LABEL_LINE2, LOCATION_7, received } from './poHelpers.ts';
import { shoot, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';

const RECEIVE_VIDEO = await makeSlideshow('po-receive-location-two-digikey', [
  { bcid: 'qrcode', text: LOCATION_7 },
  { bcid: 'datamatrix', text: LABEL_LINE1 },
  { bcid: 'datamatrix', text: LABEL_LINE2 },
]);

// The fake camera is a browser launch option, so it is set for the whole file.
test.use(cameraVideo(RECEIVE_VIDEO));
test.describe.configure({ timeout: 180_000 });

test.describe('PO receive (camera)', () => {
  test(
    'a location label then two DigiKey Data Matrix labels (GS/RS intact) are received into the location',
    at('tablet'),
    async ({ page }, testInfo) => {
      // The camera pipeline and its guide box are tested at every size in scanCamera*.spec.ts; a receiving bench tablet.
      await page.goto('/purchasing/receive');
      await waitForDemo(page);
      // ScanInput starts the camera by itself.
      await expect(page.getByRole('button', { name: 'Stop camera' })).toBeVisible();
      await expect(page.getByTestId('receive-line-1-received')).toHaveText('100', { timeout: 45_000 });
      await expect(page.getByTestId('receive-line-2-received')).toHaveText('250', { timeout: 30_000 });
      await expect(page.getByTestId('receive-banner-summary')).toContainText('into Electronics Lab');
      await shoot(page, testInfo, 'po-receive-camera');
      // The slideshow loops: a label seen again is "already received", never a second receipt.
      expect(await received(page, 1, 1)).toBe(100);
      expect(await received(page, 1, 2)).toBe(250);
    },
  );
});
