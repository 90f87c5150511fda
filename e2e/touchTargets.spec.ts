/**
 * Touch targets on a phone (issue #20): on every page of src/app/routes.tsx, in demo mode, with
 * its context filled where it has one (an order's lines, a location, a chosen object, a log, History
 * with rows), no visible, enabled control is smaller than 44 × 44 px (WCAG 2.5.5, Apple's and
 * Material's minimum). For a check box, radio or switch the hit area is its label; links inside a
 * sentence are exempt, as WCAG exempts them (the sentence sets their size). Offenders are listed.
 */
import { expect, test, type Page } from '@playwright/test';
import { gunStation, manualScan, openDemo, shoot } from './appHelpers.ts';
import { APP_PAGES, navigateTo, pageReady } from './devicePages.ts';
import { sim } from './workflowHelpers.ts';

test.beforeEach(({ context }) => gunStation(context));

const MIN = 44;

interface Offender {
  what: string;
  width: number;
  height: number;
}

/** Every control smaller than MIN in either direction, described so a reader finds it. */
function smallControls(page: Page): Promise<Offender[]> {
  return page.evaluate((min) => {
    const SELECTOR =
      'button, a[href], input, select, textarea, summary, [role=button], [role=tab], [role=checkbox], [role=switch], [role=menuitem], [role=radio], [role=option], [role=slider]';
    const describe = (el: Element): string => {
      const label =
        el.getAttribute('aria-label') ||
        (el as HTMLInputElement).labels?.[0]?.textContent ||
        el.getAttribute('title') ||
        el.textContent ||
        el.getAttribute('placeholder') ||
        el.getAttribute('name') ||
        '';
      const testid = el.closest('[data-testid]')?.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${label.trim().slice(0, 40)}"${testid ? ` in ${testid}` : ''}`;
    };
    /** A link in running text: its paragraph has words of its own besides the link. */
    const inSentence = (el: Element): boolean => {
      if (el.tagName !== 'A') return false;
      const block = el.closest('p, li, .mantine-Text-root, .mantine-Alert-message');
      if (!block || block === el) return false;
      return (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 2;
    };
    const disabled = (el: Element): boolean =>
      (el as HTMLButtonElement).disabled === true ||
      el.getAttribute('aria-disabled') === 'true' ||
      el.closest('fieldset:disabled') !== null ||
      el.closest('[inert]') !== null;
    const found = new Map<Element, { what: string; width: number; height: number }>();
    for (const el of Array.from(document.querySelectorAll(SELECTOR))) {
      if (disabled(el) || inSentence(el)) continue;
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      // Visually hidden inputs (check boxes, radios, switches, segmented controls) are hit through their label.
      let target: Element = el;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const hidden = box.width <= 2 || box.height <= 2 || Number(style.opacity) === 0;
      if (el instanceof HTMLInputElement && (hidden || ['checkbox', 'radio'].includes(el.type))) {
        target = el.labels?.[0] ?? el.closest('label') ?? el;
      }
      if (!target.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Outside the page (e.g. the skip link parked above it until focused).
      if (r.bottom + window.scrollY <= 0 || r.right + window.scrollX <= 0) continue;
      // Half a pixel of slack for sub-pixel layout (2.75rem can come out as 43.98 px).
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        found.set(target, { what: describe(el), width: Math.round(r.width), height: Math.round(r.height) });
      }
    }
    return [...found.values()];
  }, MIN);
}

/** Open a page with context by URL, client-side (a reload would restart the demo). */
async function openInApp(page: Page, url: string): Promise<void> {
  await page.evaluate((u) => {
    history.pushState(null, '', u);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
  await pageReady(page);
}

test('every control on every page is at least 44 × 44 px', async ({ page }, testInfo) => {
  test.setTimeout(400_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDemo(page, '/scan');
  await pageReady(page);
  const problems: string[] = [];
  const check = async (where: string) => {
    const offenders = await smallControls(page);
    if (offenders.length)
      problems.push(`${where}:\n${offenders.map((o) => `  ${o.what}: ${o.width}×${o.height}`).join('\n')}`);
  };

  // History with rows: storing scans on, a few scans made.
  expect((await sim(page, 'PATCH', '/api/settings/global/BARCODE_STORE_RESULTS/', { value: true })).status).toBe(200);
  for (const barcode of ['INV-SI12', 'NO-SUCH-CODE-TOUCH', '{"stockitem": 3}']) await manualScan(page, barcode);
  await expect(page.getByTestId('session-log-entry')).toHaveCount(3);

  for (const target of APP_PAGES) {
    await navigateTo(page, target);
    await check(target.path);
  }
  // The "More" sheet itself.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More pages' }).tap();
  await expect(page.getByRole('dialog', { name: 'More pages' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'More pages' }).getByRole('link').first()).toBeInViewport();
  await check('More sheet');
  await page.getByRole('dialog', { name: 'More pages' }).getByRole('button', { name: 'Close' }).tap();

  // Pages with their context: lines, number fields, chosen objects.
  for (const url of [
    '/purchasing/receive?order=1&location=7',
    '/purchasing/add?order=2',
    '/sales/allocate?order=3',
    '/stock/move?location=7',
    '/stock/count?location=7',
    '/link?model=stockitem&pk=12',
    '/generate?model=part&pk=108',
  ]) {
    await openInApp(page, url);
    await check(url);
  }
  // A dialog, and a select's open list.
  await openInApp(page, '/settings');
  await page.getByRole('button', { name: 'Reset demo data' }).tap();
  await expect(page.getByRole('dialog', { name: 'Reset demo data?' })).toBeVisible();
  await check('the "Reset demo data?" dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).tap();
  await page.getByRole('combobox', { name: 'Demo user' }).tap();
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await check('the "Demo user" list');
  await page.keyboard.press('Escape');

  await openInApp(page, '/scan');
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-card')).toBeVisible();
  await check('/scan with a result');
  await shoot(page, testInfo, 'touch-scan-result');

  expect(problems, `Controls under ${MIN}×${MIN} px:\n${problems.join('\n')}`).toEqual([]);
});
