/**
 * Accessibility: axe (WCAG 2.x A/AA rules; in the dark theme its colour rules) on every page at desktop size,
 * plus a phone pass over the pages whose phone layout differs most; no serious or critical
 * violation allowed. Keyboard: a skip link reaches the main content, focus is visible. Scan results
 * are announced through the one polite live region.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gunStation, manualScan, openDemo } from './appHelpers.ts';
import { APP_PAGES, navigateTo, pageReady } from './devicePages.ts';
import { at } from './sizes.ts';

interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * 'all': every WCAG 2.1 A/AA and best-practice rule. 'colours': the colour rules only, for the
 * dark theme: the structure (names, roles, landmarks, labels) is the same markup in both themes,
 * and a full audit takes seconds a page on a shared two-core machine.
 */
type Rules = 'all' | 'colours';

async function seriousViolations(page: Page, where: string, rules: Rules = 'all'): Promise<Finding[]> {
  // The camera preview is a live video of the world: its pixels are not the app's colours.
  const axe = new AxeBuilder({ page }).exclude('video');
  const result = await (
    rules === 'all'
      ? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      : axe.withRules(['color-contrast', 'link-in-text-block'])
  ).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: where,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      // Each node with axe's measured data (e.g. colours and contrast ratio), so a failure says what to fix.
      targets: v.nodes.slice(0, 8).map((n) => {
        const data = n.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        const colours = data?.contrastRatio ? ` [${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}]` : '';
        return `${n.target.join(' ')}${colours}`;
      }),
    }));
}

const rulesFor = (theme: 'light' | 'dark'): Rules => (theme === 'light' ? 'all' : 'colours');

async function auditEveryPage(page: Page, theme: 'light' | 'dark', pages = APP_PAGES): Promise<Finding[]> {
  // Auto theme follows the system live, so a second theme needs no reload (no second demo start).
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  const [first] = pages;
  if (!first) throw new Error('no pages to audit');
  if (page.url() === 'about:blank') await openDemo(page, first.path);
  else await navigateTo(page, first);
  await pageReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
  const findings: Finding[] = [];
  for (const [i, target] of pages.entries()) {
    if (i > 0) await navigateTo(page, target);
    findings.push(...(await seriousViolations(page, `${target.path} (${theme})`, rulesFor(theme))));
  }
  // A result on screen too: the scan page with a match and the session log filled.
  await navigateTo(
    page,
    APP_PAGES.find((p) => p.path === '/scan')!,
  );
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-card')).toBeVisible();
  await manualScan(page, 'NO-SUCH-CODE-A11Y');
  await expect(page.getByTestId('no-match')).toBeVisible();
  findings.push(...(await seriousViolations(page, `/scan with results (${theme})`, rulesFor(theme))));
  return findings;
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: every page, ${theme} theme, no serious or critical violation`, at('desktop'), async ({ page }) => {
    // Every page at one size; the phone pass below covers its layout.
    // Ten pages, each fully audited: minutes on a loaded two-core machine.
    test.setTimeout(300_000);
    // The light pass audits the pages with the camera live; the colour pass needs no camera.
    if (theme === 'dark') await gunStation(page.context());
    const findings = await auditEveryPage(page, theme);
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });
}

test('axe: phone layout (bottom bar, More sheet) in both themes', at('phone'), async ({ page }) => {
  // Phone layout only.
  test.setTimeout(300_000);
  const few = ['/scan', '/settings', '/health'].map((p) => APP_PAGES.find((x) => x.path === p)!);
  const findings: Finding[] = [];
  for (const theme of ['light', 'dark'] as const) findings.push(...(await auditEveryPage(page, theme, few)));
  // The open "More" sheet is part of the phone's navigation.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More pages' }).click();
  await expect(page.getByRole('dialog', { name: 'More pages' })).toBeVisible();
  findings.push(...(await seriousViolations(page, 'More sheet (dark)')));
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
});

test(
  'keyboard: skip link to the main content, visible focus, every page reachable',
  at('desktop'),
  async ({ page }) => {
    // Keyboard use is a desktop concern.
    await gunStation(page.context());
    await openDemo(page, '/settings');
    await pageReady(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // The next Tab lands inside the main content, not back in the header or the navigation.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

    // Focus is drawn: the focused control has an outline (Mantine's focus ring), not just a colour.
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThan(0);

    // Navigation by keyboard alone: tab to the History link in the sidebar and press Enter.
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 40; i++) {
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name.trim() === 'History') break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/history$/);
    await pageReady(page);
  },
);

test('scan results are announced in the polite live region', at('desktop'), async ({ page }) => {
  // Same region at every size.
  await gunStation(page.context());
  await openDemo(page, '/scan');
  const region = page.getByTestId('live-announcer');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  // Exactly one polite region speaks scan results (no double announcements from the result card).
  await expect(page.getByTestId('scan-result')).not.toHaveAttribute('aria-live', /.+/);

  await manualScan(page, 'INV-SI12');
  await expect(region).toHaveText(/^Found: /);
  await manualScan(page, 'NO-SUCH-CODE-LIVE');
  await expect(region).toHaveText(/^No match/);
  // InvenTree refuses barcodes over 4095 characters: the error is spoken too.
  await manualScan(page, 'X'.repeat(4096));
  await expect(region).toHaveText(/^Error: .*4,?096/);
});
