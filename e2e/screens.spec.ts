/**
 * Every page at the project's size (phone, tablet, desktop), reached through that size's
 * navigation (phone = bottom bar + "More" sheet, tablet = icon rail, desktop = sidebar; by touch
 * where the device has it, see navigateTo), with a screenshot in light and, for a few pages, dark:
 * attached to the report and written to test-results/screens/ for review (not committed). Also
 * checks what a layout must give at each size: one navigation where the hand expects it, nothing
 * wider than the screen, touch targets of at least 44 px, the current page marked.
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
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${where} is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** Exactly one navigation: along the bottom on a phone, down the left side otherwise. */
async function expectNavigationPlacement(page: Page): Promise<void> {
  const size = test.info().project.name;
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toHaveCount(1);
  const navBox = (await nav.boundingBox())!;
  const viewport = page.viewportSize()!;
  if (size === 'phone') expect(navBox.y + navBox.height).toBeGreaterThan(viewport.height - 4);
  else expect(navBox.x).toBeLessThan(4);
  if (size === 'tablet') expect(navBox.width).toBeLessThan(120);
  if (size === 'desktop') expect(navBox.width).toBeGreaterThan(180);
}

test('every page at this size, reached through its navigation and looked at', async ({ page }) => {
  test.setTimeout(300_000);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await openDemo(page, '/scan');
  await pageReady(page);
  await expectNavigationPlacement(page);
  for (const [i, target] of APP_PAGES.entries()) {
    if (i > 0) await navigateTo(page, target);
    await expectNoHorizontalScroll(page, target.path);
    await snap(page, `${target.path.slice(1).replace(/\//g, '-')}-light`);
  }
  // The scan page with a result and a filled log, in both themes.
  await navigateTo(
    page,
    APP_PAGES.find((p) => p.path === '/scan')!,
  );
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-card')).toBeVisible();
  await manualScan(page, 'NO-SUCH-CODE-SCREEN');
  await expect(page.getByTestId('no-match')).toBeVisible();
  await expectNoHorizontalScroll(page, '/scan with results');
  await snap(page, 'scan-results-light');
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await snap(page, 'scan-results-dark');
  await navigateTo(
    page,
    APP_PAGES.find((p) => p.path === '/settings')!,
  );
  await snap(page, 'settings-dark');
});
