/**
 * Theme: follows the system by default (live, without a reload), can be set to light or dark from
 * the header (phone and desktop headers), is remembered across reloads, and goes back to following the system.
 */
import { expect, test } from '@playwright/test';
import { openDemo, gunStation } from './appHelpers.ts';
import { at } from './sizes.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

test(
  'theme follows the system, switches from the header, and is remembered',
  at('phone', 'desktop'),
  async ({ page }) => {
    // The header is the same at tablet and desktop width; the phone's is narrower.
    const html = page.locator('html');
    await page.emulateMedia({ colorScheme: 'dark' });
    await openDemo(page, '/scan');
    // Default: the system's choice, and it follows a change of the system setting at once.
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

    const menu = page.getByTestId('theme-menu');
    await expect(menu).toHaveAccessibleName('Theme: following the system (dark)');
    await menu.click();
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
    // The page really is light: the body's background is near white.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(255, 255, 255)');

    // Remembered: the system still says dark, the app stays light after a reload.
    await page.reload();
    await expect(page.getByTestId('connection-indicator')).toContainText('admin');
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
    await menu.click();
    await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();

    // Back to the system.
    await page.getByRole('radio', { name: 'Follow the system' }).check();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.reload();
    await expect(page.getByTestId('connection-indicator')).toContainText('admin');
    await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  },
);
