/**
 * Moving stock through the real camera path, demo mode: Chromium's fake camera plays a slideshow
 * made at test time (bwip-js, white label on a grey bench): the label of location 10 (Electronics
 * Lab/Parts Bins), then the label of stock item 600 (900 × M3x5 FHS-ALL in Factory/Mechanical Lab
 * in the demo dataset). Gun and manual moves are in stockMove.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { cameraVideo } from './camera.ts';
import { makeSlideshow } from './fixtures/slideshow.mjs';
import { shoot, sim, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';

const MOVE_VIDEO = await makeSlideshow('stock-move-location-10-item-600', [
  { bcid: 'qrcode', text: '{"stocklocation": 10}' },
  { bcid: 'qrcode', text: '{"stockitem": 600}' },
]);

// The fake camera is a browser launch option, so it is set for the whole file.
test.use(cameraVideo(MOVE_VIDEO));
// The shared 2-core machine is slow: a demo page with the camera running takes tens of seconds.
test.describe.configure({ timeout: 240_000 });

test.describe('Stock move (camera)', () => {
  test('a location label then an item label move the item there, whole', at('desktop'), async ({ page }, testInfo) => {
    // The camera pipeline and its guide box are tested at every size in scanCamera*.spec.ts; a desk in the stock room.
    await page.goto('/stock/move');
    await waitForDemo(page);
    // The dataset is as the test assumes: the item is elsewhere, nothing has moved yet.
    expect((await sim(page, 'GET', '/api/stock/600/')).body).toMatchObject({ location: 9, quantity: 900 });
    // ScanInput starts the camera by itself.
    await expect(page.getByRole('button', { name: 'Stop camera' })).toBeVisible();

    // The location label sets the destination; it stays for the item labels that follow.
    await expect(page.getByTestId('move-destination')).toHaveText('Items move to Electronics Lab/Parts Bins', {
      timeout: 60_000,
    });
    await expect(page).toHaveURL(/location=10\b/);

    // The item label moves the item, whole, and the list says where it came from.
    const row = page.getByTestId('move-row-600');
    await expect(row).toHaveAttribute('data-status', 'moved', { timeout: 60_000 });
    await expect(row).toContainText('M3x5 FHS-ALL');
    await expect(row).toContainText('#600 · 900');
    // "From" is the item's own location name as InvenTree gives it (location_name), "to" the path.
    await expect(row).toContainText('Mechanical Lab → Electronics Lab/Parts Bins');
    // The move can be taken back from its log line (issue 20: "Move back", the kit's undo).
    await expect(page.getByTestId('log-action').filter({ hasText: 'Move back' })).toHaveCount(1);
    // The scan's log line says what came of it (a later pass of the looping video logs "already there").
    const itemLines = page.getByTestId('session-log-entry').filter({ hasText: '{"stockitem": 600}' });
    const moved = itemLines.filter({
      hasText: 'Moved M3x5 FHS-ALL (#600) from Mechanical Lab to Electronics Lab/Parts Bins.',
    });
    await expect(moved).toHaveCount(1);
    await expect(moved).toContainText('Camera');
    await shoot(page, testInfo, 'stock-move-camera');

    // The simulation's data: the item is at the location now, all of it, moved once.
    expect((await sim(page, 'GET', '/api/stock/600/')).body).toMatchObject({ location: 10, quantity: 900 });
    // The slideshow loops, so the label may be seen again: "already there", never a second move.
    const track = (await sim(page, 'GET', '/api/stock/track/?item=600')).body as { notes: string | null }[];
    expect(track.filter((t) => t.notes?.startsWith('StockScan move '))).toHaveLength(1);
  });
});
