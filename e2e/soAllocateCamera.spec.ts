/**
 * SO allocation through the real camera path: a slideshow .y4m shows two stock item labels (QR,
 * then Data Matrix) of the Green Chair that SO0003 orders.
 */
import { expect, test } from '@playwright/test';
import { cameraVideo } from './camera.ts';
import { makeSlideshow } from './fixtures/slideshow.mjs';
import { shoot, sim, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';

// The shared 2-core machine is slow: a demo page with the camera running takes tens of seconds.
test.describe.configure({ timeout: 240_000 });

const SO_VIDEO = await makeSlideshow('so-two-green-chairs', [
  { bcid: 'qrcode', text: '{"stockitem": 415}' },
  { bcid: 'datamatrix', text: '{"stockitem": 416}' },
]);

test.use(cameraVideo(SO_VIDEO));

interface AllocationRow {
  item: number;
  quantity: number;
}

test.describe('SO allocate (camera)', () => {
  test(
    'two stock item labels in front of the camera are allocated to SO0003',
    at('phone'),
    async ({ page }, testInfo) => {
      // The camera pipeline and its guide box are tested at every size in scanCamera*.spec.ts; a phone at the packing table.
      await page.goto('/sales/allocate?order=3');
      await waitForDemo(page);
      // SO0003 has no shipment: open one first, so each scan allocates at once.
      expect((await sim(page, 'POST', '/api/order/so/shipment/', { order: 3, reference: 'CAM-1' })).status).toBe(201);
      await page.reload();
      await expect(page.getByTestId('so-line-5')).toContainText('Green Chair');
      // ScanInput starts the camera by itself.
      await expect(page.getByTestId('so-line-5-allocated')).toHaveText('10', { timeout: 40_000 });
      await shoot(page, testInfo, 'so-camera');
      // The slideshow loops, so a label may be seen again later; each item was allocated, 10 in all.
      const rows = (await sim(page, 'GET', '/api/order/so-allocation/?order=3')).body as AllocationRow[];
      expect([...new Set(rows.map((r) => r.item))].sort()).toEqual([415, 416]);
      expect(rows.reduce((sum, r) => sum + r.quantity, 0)).toBe(10);
    },
  );
});
