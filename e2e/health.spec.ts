/**
 * The scanner health page (/health) on Chromium's fake camera: the camera list with resolution and
 * abilities, a live decode rate from the real camera loop, and the gun tester revealing the
 * terminator and control characters typed with the keyboard (Enter, Tab, Ctrl+] = GS).
 */
import { expect, test } from '@playwright/test';
import { openDemo } from './appHelpers.ts';
import { pageReady } from './devicePages.ts';

test('cameras: each listed with its resolution and torch/zoom/focus abilities', async ({ page }) => {
  await openDemo(page, '/health');
  await pageReady(page);
  await page.getByTestId('health-check-cameras').click();
  const table = page.getByTestId('health-cameras');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText([
    'Camera',
    'Resolution (max)',
    'Torch',
    'Zoom',
    'Focus modes',
  ]);
  const row = table.locator('tbody tr').first();
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toContainText('fake_device');
  await expect(cells.nth(1)).toHaveText(/^\d+×\d+/);
  // Chromium's fake camera offers no torch and no zoom (ARCHITECTURE.md "Tests").
  await expect(cells.nth(2)).toHaveText('no');
  await expect(cells.nth(3)).toHaveText('no');
  await expect(cells.nth(4)).not.toBeEmpty();
});

test('decode rate: live numbers from the camera loop', async ({ page }) => {
  await openDemo(page, '/health');
  await pageReady(page);
  const rate = page.getByTestId('health-decode-rate');
  await expect(rate).toContainText('Frames decoded: –');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(rate).toContainText(/Frames decoded: \d+(\.\d)?\/s/);
  await expect(rate).toContainText(/Time per frame: \d+ ms/);
  await expect(rate).toContainText(/Frame size: \d+×\d+/);
  await page.getByRole('button', { name: 'Stop camera' }).click();
  await expect(page.getByRole('button', { name: 'Start camera' })).toBeVisible();
});

test('gun tester: shows the terminator and the control characters a scan contains', async ({ page }) => {
  await openDemo(page, '/health');
  await pageReady(page);
  const box = page.getByTestId('gun-tester');
  await box.click();
  // A GS1-style code: 01…, GS (Ctrl+]), 10…, then Enter.
  await page.keyboard.type('0109501101530003');
  await page.keyboard.press('Control+BracketRight');
  await page.keyboard.type('10ABC');
  await page.keyboard.press('Enter');
  const result = page.getByTestId('gun-test-result');
  await expect(page.getByTestId('gun-test-terminator')).toHaveText('Enter');
  await expect(page.getByTestId('gun-test-controls')).toHaveText(/^GS/);
  await expect(result).toContainText('Characters: 22');
  // The keys are listed as they came, the combo named.
  await expect(result).toContainText('Ctrl+] → GS');

  // Tab as terminator; focus stays in the box (the tester keeps every key), no control characters.
  await page.keyboard.type('XY-42');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('gun-test-terminator')).toHaveText('Tab');
  await expect(page.getByTestId('gun-test-controls')).toHaveText('none');
  await expect(box).toBeFocused();
  // A verdict on the timing is always given (page.keyboard's speed varies with the machine's load).
  await expect(page.getByTestId('gun-test-verdict')).toHaveText(/takes this as a scan|Not taken as a gun scan/);
});
