/**
 * Helpers for the device specs (accessibility, layouts, screenshots): the app's pages as the router
 * lists them, and client-side navigation between them (a full reload would restart the demo's
 * simulation each time, which is slow on a shared machine).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { PageId } from '../src/api/workflowNames.ts';
import common from '../src/i18n/locales/en/common.json' with { type: 'json' };
import { settled } from './appHelpers.ts';

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
  const pages = [...src.matchAll(/path: '([^']+)',\s*id: '(\w+)'/g)].map((m) => ({
    path: m[1]!,
    label: common.pages[m[2] as PageId].name,
  }));
  if (pages.length < 5) throw new Error(`routes.tsx: only ${pages.length} pages found; did its shape change?`);
  return pages;
})();

async function expectTouchSize(target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.width, `${what} width`).toBeGreaterThanOrEqual(44);
  expect(box!.height, `${what} height`).toBeGreaterThanOrEqual(44);
}

/**
 * Open a page through the navigation the current size shows (sidebar, rail, or phone bar + More),
 * by touch where the device has it, checking what a user relies on along the way: touch targets
 * of at least 44 px, only the phone hides pages behind "More", the sheet closes, and the current
 * page is marked.
 */
export async function navigateTo(page: Page, target: PageRef): Promise<void> {
  const { project } = test.info();
  const touch = project.use.hasTouch === true;
  // The URL changes before a lazily loaded page replaces the one being left: wait for the old
  // page's heading to go, or a check could run against the page being left.
  const leaving = new URL(page.url()).pathname !== target.path ? await page.locator('main h1').elementHandle() : null;
  const nav = page.getByRole('navigation', { name: 'Main' });
  const sheet = page.getByRole('dialog', { name: 'More pages' });
  let link = nav.getByRole('link', { name: target.label, exact: true });
  const inBar = (await link.count()) > 0;
  if (!inBar) {
    expect(project.name, `${target.label} is in the navigation itself`).toBe('phone');
    const more = nav.getByRole('button', { name: 'More pages' });
    if (touch) await expectTouchSize(more, 'More');
    await (touch ? more.tap() : more.click());
    link = sheet.getByRole('link', { name: target.label, exact: true });
    // A tap during the sheet's slide-in can land on the link that was under that point a frame ago.
    await settled(sheet);
  }
  if (touch) await expectTouchSize(link, target.label);
  await (touch ? link.tap() : link.click());
  await expect(page).toHaveURL(new RegExp(`${target.path.replace(/\//g, '\\/')}(\\?|$)`));
  await leaving?.waitForElementState('hidden');
  await pageReady(page);
  await expect(sheet).toHaveCount(0);
  // The current page is marked: its own link (aria-current), or "More" when it lives in the sheet.
  if (inBar)
    await expect(nav.getByRole('link', { name: target.label, exact: true })).toHaveAttribute('aria-current', 'page');
  else await expect(nav.getByRole('button', { name: 'More pages' })).toHaveAttribute('data-active', 'true');
}

/** The page's own heading is in, and nothing is still loading. */
export async function pageReady(page: Page): Promise<void> {
  await expect(page.locator('main h1')).toHaveCount(1);
  await expect(page.getByLabel('Loading', { exact: true })).toHaveCount(0);
}
