/**
 * Desktop keyboard shortcuts: g + letter opens a page, / focuses the barcode field, ? lists them.
 * They stay quiet while the user types in a field, and a scanner-gun burst (whose code contains
 * "gh" or starts with "/") scans instead of navigating.
 */
import { expect, test } from '@playwright/test';
import { logEntries, openDemo, gunStation } from './appHelpers.ts';
import { pageReady } from './devicePages.ts';
import { gun } from './gun.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

test('g + letter navigates, / focuses the barcode field, ? shows the list', async ({ page }) => {
  await openDemo(page, '/settings');
  await pageReady(page);
  await page.locator('body').click({ position: { x: 5, y: 400 } });

  // As a person types: tens of milliseconds at least between keys (a gun is faster).
  await page.keyboard.type('gh', { delay: 80 });
  await expect(page).toHaveURL(/\/history$/);
  await page.keyboard.type('gs', { delay: 80 });
  await expect(page).toHaveURL(/\/scan$/);
  // The URL changes before the lazily loaded page replaces History: wait for the scan page itself.
  await expect(page.getByTestId('manual-input')).toBeVisible();
  await pageReady(page);

  await page.keyboard.press('/');
  const field = page.getByTestId('manual-input');
  await expect(field).toBeFocused();
  // The "/" that summoned the field is not typed into it.
  await expect(field).toHaveValue('');

  // Typing in the field is typing: "gh" does not open History.
  await page.keyboard.type('gh', { delay: 80 });
  await expect(field).toHaveValue('gh');
  await expect(page).toHaveURL(/\/scan$/);
  // Cleared as a person clears it: fill('') would send a Delete key at machine speed, and a "?"
  // within 25 ms of another key is rightly taken for a gun burst (no dialog) on a quick machine.
  await field.selectText();
  await field.press('Backspace', { delay: 80 });
  await expect(field).toHaveValue('');

  await field.blur();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('shortcut-list')).toContainText('Open History');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a scanner-gun burst is a scan, never a shortcut', async ({ page }) => {
  await openDemo(page, '/scan');
  await pageReady(page);
  await gun(page, 'gh-SHORTCUT-1');
  await expect(logEntries(page).first()).toContainText('gh-SHORTCUT-1');
  await gun(page, '/gs-SHORTCUT-2');
  await expect(logEntries(page).first()).toContainText('/gs-SHORTCUT-2');
  await gun(page, '?');
  // Short codes are not gun scans (too short), and still not shortcuts: no dialog, no navigation.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\/scan$/);

  // On a page without a scanner input (no gun capture), a burst still never navigates.
  await page.goto('/settings');
  await pageReady(page);
  await gun(page, 'xgh12');
  await gun(page, 'g');
  await gun(page, 'h');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\/settings$/);
});
