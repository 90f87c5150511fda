/**
 * Generate workflow end to end, demo mode: the object from the URL or a scan, its barcode drawn as
 * QR / Data Matrix / Code 128, the PNG download decoding back to the server's text, copy, and the
 * print sheet under print media.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { gun } from './gun.ts';
import { shoot, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';

// The shared 2-core machine is slow: a demo page with the camera running takes tens of seconds.
test.describe.configure({ timeout: 240_000 });

async function decodePng(file: string): Promise<string[]> {
  const wasm = readFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
  const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
  await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  const found = await readBarcodes(new Uint8Array(readFileSync(file)), { textMode: 'Plain' });
  return found.map((f) => f.text);
}

test('shows, downloads and prints the barcode of the item in the URL', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/generate?model=stockitem&pk=12');
  await waitForDemo(page);
  const panel = page.getByTestId('barcode-panel');
  await expect(panel.getByTestId('barcode-text')).toContainText('{"stockitem": 12}');
  await expect(panel.getByTestId('barcode-image')).toHaveAttribute('data-symbology', 'qrcode');
  await expect(page.getByTestId('generate-target').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  await shoot(page, testInfo, 'generate-qr');

  // The PNG download is the server's text, decodable.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'PNG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('stockitem-12-qrcode.png');
  const file = testInfo.outputPath('qr.png');
  await download.saveAs(file);
  expect(await decodePng(file)).toEqual(['{"stockitem": 12}']);

  for (const name of ['Data Matrix', 'Code 128']) {
    await panel.getByText(name, { exact: true }).click();
    await expect(panel.getByTestId('barcode-image')).toHaveAttribute(
      'data-symbology',
      name === 'Data Matrix' ? 'datamatrix' : 'code128',
    );
  }
  const [dm] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'PNG' }).click()]);
  const dmFile = testInfo.outputPath('c128.png');
  await dm.saveAs(dmFile);
  expect(await decodePng(dmFile)).toEqual(['{"stockitem": 12}']);
  await shoot(page, testInfo, 'generate-code128');

  await panel.getByTestId('copy-text').click();
  await expect(panel.getByTestId('copy-text')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('{"stockitem": 12}');

  // A sheet of 30 labels on A4, as it prints.
  await panel.getByText('Sheet', { exact: true }).click();
  await panel.getByLabel('Label size').selectOption('63x38');
  await panel.getByLabel('Copies').fill('30');
  await expect(page.getByTestId('print-plan')).toHaveText('3 pages, 2 × 7 labels per page.');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-root')).toBeVisible();
  await expect(page.locator('.label-page')).toHaveCount(3);
  await expect(page.locator('.label-cell')).toHaveCount(30);
  await shoot(page, testInfo, 'generate-print');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('print-root')).toBeHidden();
});

test('a scanned label chooses the object; an unknown barcode is explained', at('phone'), async ({ page }, testInfo) => {
  await page.goto('/generate');
  await waitForDemo(page);
  await gun(page, 'NOT-A-KNOWN-CODE');
  await expect(page.getByTestId('generate-error')).toContainText('does not belong to anything in InvenTree');
  await gun(page, '{"stocklocation": 7}');
  await expect(page).toHaveURL(/model=stocklocation&pk=7/);
  await expect(page.getByTestId('barcode-panel').getByTestId('barcode-text')).toContainText('{"stocklocation": 7}');
  await shoot(page, testInfo, 'generate-scanned');
});

test('an object that does not exist is named', at('desktop'), async ({ page }) => {
  await page.goto('/generate?model=part&pk=999999');
  await waitForDemo(page);
  await expect(page.getByTestId('generate-error')).toContainText('Part #999999 does not exist on the server.');
});
