/**
 * The settings page in demo mode, at phone, tablet and desktop sizes: what it shows about the
 * connection, the demo-user switcher, "reset demo data" (really undoes a change made in the
 * simulation), scanner toggles that persist, and the light/dark switch.
 */
import { expect, test, type Page } from '@playwright/test';
import { logEntries, manualScan, openDemo, shoot, navTo } from './appHelpers.ts';
import { at } from './sizes.ts';

/** A request to the demo simulation from inside the page, as admin (the service worker answers). */
async function simAsAdmin(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const t = await fetch('/api/user/token/', { headers: { Authorization: `Basic ${btoa('admin:inventree')}` } });
      const { token } = (await t.json()) as { token: string };
      const res = await fetch(path, {
        method,
        headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.status;
    },
    { method, path, body },
  );
}

test('demo connection: server, API version and user; switch demo user', at('phone'), async ({ page }, testInfo) => {
  // The page's layout at each size is in screens.spec.ts; this is about what it says and does.
  await openDemo(page, '/settings');
  await expect(page.getByTestId('server-name')).toHaveText('InvenTree Demo Server');
  await expect(page.getByTestId('api-version')).toHaveText('291');
  await expect(page.getByTestId('signed-in-user')).toHaveText('admin');
  await shoot(page, testInfo, 'settings-demo-light');

  await page.getByRole('combobox', { name: 'Demo user' }).click();
  await page.getByRole('option', { name: /^reader/ }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('reader');
  await expect(page.getByTestId('connection-indicator')).toContainText('reader');
  // Remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('connection-indicator')).toContainText('reader');
});

test('reset demo data undoes a linked barcode', at('desktop'), async ({ page }) => {
  await openDemo(page);
  const barcode = `E2E-RESET-${Date.now()}`;
  expect(await simAsAdmin(page, 'POST', '/api/barcode/link/', { barcode, stockitem: 12 })).toBe(200);
  await manualScan(page, barcode);
  await expect(page.getByTestId('object-card').getByTestId('object-title')).toHaveText('R_1K_0805_1%');

  await navTo(page, 'Settings');
  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByText('Demo data reset')).toBeVisible();

  await page.getByRole('link', { name: 'Scan' }).first().click();
  await manualScan(page, barcode);
  await expect(page.getByTestId('no-match').getByTestId('barcode-text')).toHaveText(barcode);
  await expect(logEntries(page).first()).toHaveAttribute('data-tone', 'notFound');
});

test(
  'scanner settings persist; the theme switches to dark and back to the system',
  at('tablet'),
  async ({ page }, testInfo) => {
    await openDemo(page, '/settings');
    const sound = page.getByRole('switch', { name: 'Sound' });
    await expect(sound).toBeChecked();
    await page.locator('label', { hasText: /^Sound$/ }).click();
    await expect(sound).not.toBeChecked();
    // A gun station: the camera stays off until asked for.
    const cameraOnOpen = page.getByRole('switch', { name: 'Start the camera when a scanning page opens' });
    await expect(cameraOnOpen).toBeChecked();
    await cameraOnOpen.click();
    await page.reload();
    await expect(page.getByRole('switch', { name: 'Sound' })).not.toBeChecked();
    await expect(cameraOnOpen).not.toBeChecked();

    await page.locator('label', { hasText: /^Dark$/ }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await shoot(page, testInfo, 'settings-demo-dark');
    await page.getByRole('link', { name: 'Scan' }).first().click();
    await expect(page.getByText('Camera is off')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stop camera' })).toHaveCount(0);
    await manualScan(page, 'INV-SI12');
    await expect(page.getByTestId('object-card')).toBeVisible();
    await shoot(page, testInfo, 'scan-dark');
    await navTo(page, 'Settings');
    await page.locator('label', { hasText: /^System$/ }).click();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  },
);
