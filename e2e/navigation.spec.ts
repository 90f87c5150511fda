/**
 * Navigation at each size, by touch where the device has it: phone = bottom bar + "More" sheet,
 * tablet = icon rail, desktop = sidebar. Every page is reachable, exactly one navigation exists,
 * the current page is marked, and touch targets are at least 44 px.
 */
import { expect, test, type Locator } from '@playwright/test';
import { openDemo, gunStation } from './appHelpers.ts';
import { APP_PAGES, pageReady } from './devicePages.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

async function expectTouchSize(target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.width, `${what} width`).toBeGreaterThanOrEqual(44);
  expect(box!.height, `${what} height`).toBeGreaterThanOrEqual(44);
}

test('every page is reachable through this size’s navigation', async ({ page }, info) => {
  const size = info.project.name;
  const touch = size !== 'desktop';
  await openDemo(page, '/scan');
  await pageReady(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toHaveCount(1);

  // Where the navigation sits: along the bottom on a phone, down the left side otherwise.
  const navBox = (await nav.boundingBox())!;
  const viewport = page.viewportSize()!;
  if (size === 'phone') expect(navBox.y + navBox.height).toBeGreaterThan(viewport.height - 4);
  else expect(navBox.x).toBeLessThan(4);
  if (size === 'tablet') expect(navBox.width).toBeLessThan(120);
  if (size === 'desktop') expect(navBox.width).toBeGreaterThan(180);

  for (const target of APP_PAGES.filter((p) => p.path !== '/scan').concat(APP_PAGES[0])) {
    let link = nav.getByRole('link', { name: target.label, exact: true });
    const inBar = (await link.count()) > 0;
    if (!inBar) {
      expect(size, `${target.label} is in the navigation itself`).toBe('phone');
      const more = nav.getByRole('button', { name: 'More pages' });
      if (touch) await expectTouchSize(more, 'More');
      await (touch ? more.tap() : more.click());
      link = page.getByRole('dialog', { name: 'More pages' }).getByRole('link', { name: target.label, exact: true });
    }
    if (touch) await expectTouchSize(link, target.label);
    await (touch ? link.tap() : link.click());
    await expect(page).toHaveURL(new RegExp(`${target.path.replace(/\//g, '\\/')}$`));
    await pageReady(page);
    await expect(page.getByRole('dialog', { name: 'More pages' })).toHaveCount(0);
    // The current page is marked: its own link (aria-current), or "More" when it lives in the sheet.
    if (inBar) await expect(nav.getByRole('link', { name: target.label, exact: true })).toHaveAttribute('aria-current', 'page');
    else await expect(nav.getByRole('button', { name: 'More pages' })).toHaveAttribute('data-active', 'true');
  }
});
