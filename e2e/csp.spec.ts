/**
 * The Content-Security-Policy is on (header from `vite preview`, <meta> in the built index.html) and
 * the app works under it without a single violation: demo mode (MSW service worker, the simulation
 * chunk, the camera with the decode worker and zxing-wasm warming up) and server mode (fetches to
 * another origin). The camera specs prove decoding itself still works under the policy.
 */
import { expect, test, type Page } from '@playwright/test';
import { manualScan, openDemo } from './appHelpers.ts';
import { openServerMode, resetSim } from './serverHelpers.ts';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test('demo mode under the policy: header and meta present, scanning works, no violation', async ({ page }) => {
  const doc = await page.goto('/scan');
  const header = doc?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain("frame-ancestors 'none'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /object-src 'none'/,
  );
  await openDemo(page);
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  // The camera (fake device) is live and the decoder loaded: its worker and wasm were allowed.
  await expect(page.getByTestId('camera-video')).toBeVisible();
  await expect(page.getByText('Camera decoding unavailable')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});

test('server mode under the policy: cross-origin API calls are allowed', async ({ page, request }) => {
  await resetSim(request);
  await openServerMode(page, request);
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  expect(await violations(page)).toEqual([]);
});
