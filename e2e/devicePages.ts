/**
 * Helpers for the device specs (accessibility, layouts, screenshots): the app's pages as the router
 * lists them, and client-side navigation between them (a full reload would restart the demo's
 * simulation each time, which is slow on a shared machine).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface PageRef {
  path: string;
  label: string;
}

/**
 * Every page of src/app/routes.tsx PAGES, read from the source so a page added there is checked
 * without touching the specs (importing routes.tsx would pull React and the icons into Node).
 */
export const APP_PAGES: PageRef[] = (() => {
  const src = readFileSync(resolve(import.meta.dirname, '../src/app/routes.tsx'), 'utf8');
  const pages = [...src.matchAll(/path: '([^']+)',\s*label: '([^']+)'/g)].map((m) => ({ path: m[1], label: m[2] }));
  if (pages.length < 5) throw new Error(`routes.tsx: only ${pages.length} pages found; did its shape change?`);
  return pages;
})();

/** Open a page through the navigation the current size shows (sidebar, rail, or phone bar + More). */
export async function navigateTo(page: Page, target: PageRef): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const link = nav.getByRole('link', { name: target.label, exact: true });
  if (await link.count()) {
    await link.click();
  } else {
    await nav.getByRole('button', { name: 'More pages' }).click();
    await page.getByRole('dialog', { name: 'More pages' }).getByRole('link', { name: target.label, exact: true }).click();
  }
  await expect(page).toHaveURL(new RegExp(`${target.path.replace(/\//g, '\\/')}(\\?|$)`));
  await pageReady(page);
}

/** The page's own heading is in, and nothing is still loading. */
export async function pageReady(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toHaveCount(1);
  await expect(page.getByLabel('Loading', { exact: true })).toHaveCount(0);
}
