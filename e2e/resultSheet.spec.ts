/**
 * The scan result where the eye is (issue 20): on a phone it slides up as a sheet over the lower part
 * of the camera, inside the first screen without scrolling, and stays until the next scan or a
 * dismiss (close button, Escape, swipe down); from tablet up it stays beside the camera. What a
 * label is comes first. "Open in InvenTree" links to the object's page on the server (server mode,
 * against the simulation over HTTP); demo mode says quietly why there is none. History groups its
 * failures by label kind and offers Link only for foreign codes; a delete the app gave up waiting
 * for says its outcome is unknown. Screenshots at the three sizes for review.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { gunStation, openDemo, SCREENS, settled } from './appHelpers.ts';
import { gun } from './gun.ts';
import { waitForSignedIn } from './poHelpers.ts';
import { openServerMode, resetSim, simToken } from './serverHelpers.ts';
import { SIM_URL } from './servers.ts';
import { at } from './sizes.ts';
import { sim } from './workflowHelpers.ts';

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ context }) => {
  await gunStation(context);
});

/** The sizes the screenshots are taken at. */
const SHOT_SIZES = {
  phone: { width: 390, height: 844 },
  tablet: { width: 1024, height: 768 },
  desktop: { width: 1440, height: 900 },
} as const;

/** What the user sees on the first screen (no full-page stitching), for review. */
async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENS, `${name}-${testInfo.project.name}.png`) });
}

/** The element is on the first screen: the page is not scrolled and the element lies inside the viewport. */
async function expectInFirstScreen(page: Page, el: Locator): Promise<void> {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = await el.boundingBox();
  const height = page.viewportSize()!.height;
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height);
}

test(
  'phone: the result slides up over the camera and stays until the next scan or a dismiss',
  at('phone'),
  async ({ page }, testInfo) => {
    await page.clock.install();
    await openDemo(page);
    await gun(page, 'INV-SI12');
    const sheet = page.getByRole('region', { name: 'Scan result' });
    await expect(sheet.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await expect(sheet.getByTestId('label-kind')).toHaveText('InvenTree label of stock item 12');
    for (const id of ['object-title', 'object-quantity', 'object-location'])
      await expectInFirstScreen(page, sheet.getByTestId(id));
    await expect(sheet.getByTestId('object-quantity')).toHaveText('1,000');
    await expect(sheet.getByTestId('object-location')).toContainText('Reel Storage');
    // It covers the lower part of the camera, not its top.
    const camera = await page.getByTestId('camera-video').locator('..').boundingBox();
    const sheetBox = await sheet.boundingBox();
    expect(sheetBox!.y).toBeGreaterThan(camera!.y + 100);
    expect(sheetBox!.y).toBeLessThan(camera!.y + camera!.height);
    await snap(page, testInfo, 'sheet20-scan-sheet');

    // No timer takes it away (a toast would be gone by now).
    await page.clock.runFor(30_000);
    await expect(sheet.getByTestId('object-title')).toBeVisible();

    // It took no focus: the gun's next scan lands, and replaces it. A label of a missing item says so first.
    await gun(page, '{"stockitem": 99999}');
    const noMatch = sheet.getByTestId('no-match');
    await expect(noMatch).toHaveAttribute('data-kind', 'inventree');
    await expect(noMatch).toContainText('InvenTree label of stock item 99999 — the item no longer exists');
    await expect(sheet.getByTestId('server-text')).toHaveText('InvenTree answered: “No match found for barcode data”');
    await expect(sheet.getByRole('link', { name: 'Link this barcode' })).toHaveCount(0);
    await expectInFirstScreen(page, noMatch);
    await snap(page, testInfo, 'sheet20-scan-sheet-missing-item');

    // Close: a 44 px target; the result is then in the page, below the camera.
    const close = sheet.getByRole('button', { name: 'Close the result' });
    const closeBox = await close.boundingBox();
    expect(closeBox!.width).toBeGreaterThanOrEqual(44);
    expect(closeBox!.height).toBeGreaterThanOrEqual(44);
    await close.click();
    await expect(sheet).toBeHidden();
    await expect(page.getByTestId('no-match')).toHaveAttribute('data-kind', 'inventree');
    // The camera's own controls are back in sight.
    await expect(page.getByRole('button', { name: /^(Stop|Start) camera$/ }).last()).toBeVisible();

    // The next scan opens it again; a foreign code is offered Link; Escape closes.
    await gun(page, 'SHEET20-FOREIGN-1');
    await expect(sheet.getByTestId('no-match')).toHaveAttribute('data-kind', 'foreign');
    await expect(sheet.getByRole('link', { name: 'Link this barcode' })).toHaveAttribute(
      'href',
      '/link?barcode=SHEET20-FOREIGN-1',
    );
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    // A swipe down on its grab bar dismisses it.
    await gun(page, 'INV-SI12');
    await expect(sheet.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    // Measured mid slide-up, the grab bar moves on and the press lands on the sheet's content.
    await settled(sheet);
    const handle = await sheet.getByTestId('result-sheet-handle').boundingBox();
    const x = handle!.x + handle!.width / 2;
    const y = handle!.y + handle!.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + 60, { steps: 4 });
    await page.mouse.move(x, y + 120, { steps: 4 });
    await page.mouse.up();
    await expect(sheet).toBeHidden();
    await expect(page.getByTestId('object-card').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  },
);

test(
  'tablet and desktop: the result stays beside the camera, no sheet',
  at('tablet', 'desktop'),
  async ({ page }, testInfo) => {
    await openDemo(page);
    await gun(page, 'INV-SI12');
    const card = page.getByTestId('object-card');
    await expect(card.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
    await expect(page.getByTestId('result-sheet')).toHaveCount(0);
    await expect(page.getByTestId('label-kind')).toHaveText('InvenTree label of stock item 12');
    const camera = await page.getByTestId('camera-video').locator('..').boundingBox();
    const cardBox = await card.boundingBox();
    expect(cardBox!.x).toBeGreaterThanOrEqual(camera!.x + camera!.width);
    await expectInFirstScreen(page, card.getByTestId('object-location'));
    // Demo mode has no InvenTree pages: a quiet line, not a dead button.
    await expect(card.getByTestId('open-in-inventree')).toHaveCount(0);
    await expect(card.getByTestId('open-in-inventree-note')).toContainText('Demo mode');
    await snap(page, testInfo, 'sheet20-scan-beside');
  },
);

test('server mode: Open in InvenTree is a big link to the object’s page on that server', async ({
  page,
  request,
}, testInfo) => {
  await resetSim(request);
  await openServerMode(page, request, '/scan');
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
  for (const [code, path] of [
    ['INV-SI12', '/stock/item/12/'],
    ['{"stocklocation": 7}', '/stock/location/7/'],
  ] as const) {
    await gun(page, code);
    const open = page.getByTestId('object-card').getByRole('link', { name: /Open in InvenTree/ });
    // v291 answers with the classic UI's web_url; the link is the server's own, on the server's address.
    await expect(open).toHaveAttribute('href', `${SIM_URL}${path}`);
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('rel', /noopener/);
    const box = await open.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }
  await expect(page.getByTestId('open-in-inventree-note')).toHaveCount(0);
  await snap(page, testInfo, 'sheet20-scan-server');
});

/** Scan as admin straight against the demo simulation (through the page's service worker). */
async function scanAll(page: Page, barcodes: string[]): Promise<void> {
  for (const barcode of barcodes) expect((await sim(page, 'POST', '/api/barcode/', { barcode })).status).not.toBe(500);
}

const DIGIKEY_UNKNOWN = '[)>\u001e06\u001dPSHEET20-NOSUCH-ND\u001d1PSHEET20MPN\u001dQ5\u001e\u0004';

test('History groups failures by what the label is and offers Link only for foreign codes', async ({
  page,
}, testInfo) => {
  await page.goto('/history');
  await waitForSignedIn(page);
  expect((await sim(page, 'PATCH', '/api/settings/global/BARCODE_STORE_RESULTS/', { value: true })).status).toBe(200);
  await scanAll(page, [
    'SHEET20-SHELF',
    'SHEET20-SHELF',
    '{"stockitem": 99999}',
    'INV-SI99998',
    DIGIKEY_UNKNOWN,
    '4006381333931',
    'INV-SI12',
  ]);
  await page.getByTestId('history-groups-tab').click();
  const sections = page.getByTestId('history-kind-section');
  await expect(sections).toHaveCount(4);
  await expect(sections.nth(0)).toHaveAttribute('data-kind', 'foreign');
  const group = (text: string) => page.getByTestId('history-group').filter({ hasText: text });

  const foreign = group('SHEET20-SHELF');
  await expect(foreign).toHaveAttribute('data-kind', 'foreign');
  await expect(foreign).toContainText('Foreign barcode — nothing in InvenTree knows it');
  // The server's own text stays as sent.
  await expect(foreign).toContainText('No match found for barcode data');
  await expect(foreign).toContainText('seen 2 times, never matched');
  await expect(foreign.getByRole('link', { name: 'Link' })).toHaveAttribute('href', '/link?barcode=SHEET20-SHELF');

  const retail = group('4006381333931');
  await expect(retail).toContainText('Retail code (EAN-13)');
  await expect(retail.getByRole('link', { name: 'Link' })).toBeVisible();

  const missing = group('{"stockitem": 99999}');
  await expect(missing).toContainText('InvenTree label of stock item 99999 — the item no longer exists');
  await expect(missing.getByRole('link', { name: 'Link' })).toHaveCount(0);
  await expect(group('INV-SI99998')).toContainText('InvenTree label of stock item 99998');
  await expect(group('INV-SI99998').getByRole('link', { name: 'Link' })).toHaveCount(0);

  const supplier = group('SHEET20-NOSUCH-ND');
  await expect(supplier).toContainText('DigiKey supplier label of SHEET20-NOSUCH-ND');
  await expect(supplier.getByRole('link', { name: 'Link' })).toHaveCount(0);
  // A scan that matched is no failure.
  await expect(group('INV-SI12')).toHaveCount(0);
  await snap(page, testInfo, 'sheet20-history-groups');

  // The drawer says the kind first, and offers no Link for a label of a missing item.
  await page.getByRole('tab', { name: 'All scans' }).click();
  // A new view fetches the rows scanned since the page opened.
  await page.getByTestId('history-text-filter').fill('99999');
  await page.getByTestId('history-table').locator('tr:has(td)').filter({ hasText: '99999' }).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('history-drawer-kind')).toHaveText(
    'InvenTree label of stock item 99999 — the item no longer exists',
  );
  await expect(drawer.getByTestId('history-link')).toHaveCount(0);
  await snap(page, testInfo, 'sheet20-history-drawer');
});

test(
  'a history delete the app gave up waiting for says the outcome is unknown and shows the list as it is',
  at('desktop'),
  async ({ page, request }, testInfo) => {
    await resetSim(request);
    const token = await simToken(request);
    const headers = { Authorization: `Token ${token}` };
    expect(
      (
        await request.patch(`${SIM_URL}/api/settings/global/BARCODE_STORE_RESULTS/`, {
          headers,
          data: { value: true },
        })
      ).status(),
    ).toBe(200);
    for (const barcode of ['SHEET20-A', 'SHEET20-B', 'SHEET20-C'])
      await request.post(`${SIM_URL}/api/barcode/`, { headers, data: { barcode } });
    const count = async () =>
      (
        (await (await request.get(`${SIM_URL}/api/barcode/history/?limit=1`, { headers })).json()) as {
          count: number;
        }
      ).count;
    expect(await count()).toBe(3);

    await page.clock.install();
    await openServerMode(page, request, '/history');
    await expect(page.getByText('1–3 of 3')).toBeVisible();
    // The server deletes; its answer never comes, and the app gives up after its timeout.
    await page.route(`${SIM_URL}/api/barcode/history/*/`, async (route) => {
      if (route.request().method() !== 'DELETE') return route.fallback();
      await route.fetch();
    });
    await page.getByTestId('history-table').locator('tr:has(td)').first().click();
    await page.getByRole('dialog').getByTestId('history-delete-one').click();
    await page.getByTestId('history-delete-confirm').click();
    await expect.poll(count).toBe(2);
    await page.clock.runFor(61_000);
    const outcome = page.getByTestId('history-delete-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'unknown');
    await expect(outcome).toContainText('Outcome unknown: the scans may have been deleted');
    await expect(outcome).not.toContainText('Nothing was deleted');
    await expect(page.getByTestId('history-delete-confirm')).toHaveCount(0);
    await snap(page, testInfo, 'sheet20-history-delete-unknown');
    await page.getByRole('button', { name: 'Close' }).click();
    // The reloaded list shows what the server holds.
    await expect(page.getByText('1–2 of 2')).toBeVisible();
  },
);

test('screenshots: Scan with a result and History at the issue’s sizes', async ({ page }, testInfo) => {
  const size = SHOT_SIZES[testInfo.project.name as keyof typeof SHOT_SIZES];
  await page.setViewportSize(size);
  await openDemo(page);
  await gun(page, 'INV-SI12');
  await expect(page.getByTestId('object-card').getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  await snap(page, testInfo, 'sheet20-shot-scan');
  await gun(page, '{"stockitem": 99999}');
  await expect(page.getByTestId('no-match')).toBeVisible();
  await snap(page, testInfo, 'sheet20-shot-scan-missing');
  await page.goto('/history');
  await waitForSignedIn(page);
  await expect(page.getByTestId('history-page')).toBeVisible();
  await snap(page, testInfo, 'sheet20-shot-history');
});
