/**
 * Hostile barcodes end to end (server mode against the simulation over HTTP): HTML and script
 * payloads, bidi overrides, emoji and very long lines scanned by hand and by scanner gun are shown
 * as inert text in the result card, the session log, scan history and its drawer, and the link page
 * they lead to. Any script or handler that runs calls a binding or opens a dialog, and either fails
 * the test. Barcodes InvenTree would refuse (over 4,095 characters) are never sent.
 */
import { expect, test, type Page } from '@playwright/test';
import { logEntries, manualScan, gunStation } from './appHelpers.ts';
import { gun } from './gun.ts';
import { openServerMode, resetSim, simBarcodeRequests, simToken } from './serverHelpers.ts';
import { SIM_URL } from './servers.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

const PAYLOADS = [
  `<img src=x onerror="window.__xss('img')">`,
  `<script>window.__xss('script')</script>`,
  `"><svg onload="window.__xss('svg')">`,
  `<a href="javascript:window.__xss('href')">open</a>`,
  `<iframe srcdoc="<script>parent.__xss('iframe')</script>"></iframe>`,
  `'><details open ontoggle="window.__xss('toggle')">`,
  `\u202Egnp.exe<b onmouseover="window.__xss('rtl')">📦👩‍🔧</b>`,
];

/** Every way code could run: the binding, a dialog, or any on* attribute / live element in the DOM. */
async function watchForScript(page: Page): Promise<string[]> {
  const fired: string[] = [];
  await page.exposeBinding('__xss', (_src, what: string) => void fired.push(`binding:${what}`));
  page.on('dialog', (d) => {
    fired.push(`dialog:${d.message()}`);
    void d.dismiss();
  });
  return fired;
}

async function expectInertDom(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      for (const a of el.getAttributeNames()) if (a.startsWith('on')) bad.push(`${el.tagName}[${a}]`);
      if (el.tagName === 'A' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) bad.push('a[href=javascript:]');
    }
    bad.push(
      ...Array.from(document.querySelectorAll('body iframe, body script, body details, img[src="x"]')).map(
        (e) => e.tagName,
      ),
    );
    return bad;
  });
  expect(found).toEqual([]);
}

test.beforeEach(async ({ request }) => {
  await resetSim(request);
});

test('HTML and script payloads stay text in the card, the log, history, its drawer and the link page', async ({
  page,
  request,
}) => {
  // Keep scan history so the payloads show up there too.
  const token = await simToken(request);
  const on = await request.patch(`${SIM_URL}/api/settings/global/BARCODE_STORE_RESULTS/`, {
    headers: { Authorization: `Token ${token}` },
    data: { value: true },
  });
  expect(on.status()).toBe(200);

  const fired = await watchForScript(page);
  await openServerMode(page, request);

  for (const payload of PAYLOADS) await manualScan(page, payload);
  // And one through the scanner gun, with the GS separators a label carries.
  await gun(page, '<img src=x onerror=window.__xss(1)>\u001dQ1');
  await expect(logEntries(page)).toHaveCount(PAYLOADS.length + 1);
  await expect(logEntries(page).filter({ hasText: 'No match' })).toHaveCount(PAYLOADS.length + 1);
  // Shown as written (the RTL override made visible, so it cannot reorder the line).
  await expect(logEntries(page).nth(1)).toContainText(
    '\\u{202E}gnp.exe<b onmouseover="window.__xss(\'rtl\')">📦👩‍🔧</b>',
  );
  await expect(logEntries(page).first()).toContainText('<img src=x onerror=window.__xss(1)>GSQ1');
  await expect(page.getByTestId('no-match')).toContainText('<img src=x onerror=window.__xss(1)>');
  await expectInertDom(page);

  await page.getByRole('link', { name: 'History' }).first().click();
  const table = page.getByTestId('history-table');
  await expect(table).toContainText(`<script>window.__xss('script')</script>`);
  await table.locator('tr:has(td)', { hasText: `<img src=x onerror="window.__xss('img')">` }).click();
  const drawer = page.getByTestId('history-drawer-barcode');
  await expect(drawer).toHaveText(`<img src=x onerror="window.__xss('img')">`);
  await expectInertDom(page);
  await page.getByTestId('history-link').click();
  await expect(page).toHaveURL(/\/link\?barcode=/);
  await expect(page.getByTestId('barcode-text').first()).toContainText(`<img src=x onerror="window.__xss('img')">`);
  await expectInertDom(page);

  expect(fired).toEqual([]);
});

test('a barcode over 4,095 characters is refused before sending, by hand and from the gun', async ({
  page,
  request,
}) => {
  await openServerMode(page, request);
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-title')).toHaveText('R_1K_0805_1%');

  await manualScan(page, `X${'A'.repeat(4095)}`);
  const refused = page.getByTestId('scan-refused');
  await expect(refused).toContainText('4,096 characters long; InvenTree accepts at most 4,095, so it was not sent');
  await expect(logEntries(page).first()).toHaveAttribute('data-tone', 'error');
  await expect(logEntries(page).first()).toContainText('4,096 characters long');

  // The gun goes through the same gate (a NUL from a misconfigured gun; thousands of synthetic keys
  // would be slower than the wedge's gap limit on this machine).
  await gun(page, 'AB\u0000CD');
  await expect(refused).toContainText('contains a NUL character');
  await expect(logEntries(page)).toHaveCount(3);

  // 4,095 emoji are 8,190 UTF-16 units but 4,095 characters to InvenTree: allowed.
  await manualScan(page, '📦'.repeat(4095));
  await expect(refused).toBeHidden();
  await expect(page.getByTestId('no-match')).toBeVisible();

  const sent = (await simBarcodeRequests(request)).map(
    (r) => (JSON.parse(r.body) as { barcode: string }).barcode.length,
  );
  expect(sent).toEqual([8, 8190]);
});
