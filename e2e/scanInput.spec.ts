/**
 * ScanInput's camera behaviour in the built app, through Chromium's fake camera: ideal-only
 * constraints, tracks stopped when leaving the page (also before the stream arrived), paused while
 * the tab is hidden, no torch/zoom controls on a camera without them, and each camera failure
 * shown with its next step while the scanner gun and manual entry keep working.
 */
import { expect, test } from '@playwright/test';
import { logEntries, manualScan, openDemo } from './appHelpers.ts';
import { gun } from './gun.ts';
import { leaveScanPage, liveTracks, streamCount, waitForVideo, watchCamera } from './cameraWatch.ts';
import { at } from './sizes.ts';

test.describe('camera life cycle', () => {
  test(
    'starts with ideal-only constraints, shows the preview, and stops every track on leaving',
    at('phone'),
    async ({ page }) => {
      await watchCamera(page);
      await openDemo(page);
      await waitForVideo(page);
      await expect(page.getByTestId('camera-error')).toHaveCount(0);
      expect(await liveTracks(page)).toBeGreaterThan(0);

      const constraints = await page.evaluate(() => JSON.stringify(window.__constraints));
      expect(constraints).not.toContain('exact');
      expect(constraints).toContain('"ideal":1280');

      await leaveScanPage(page);
      await expect.poll(() => liveTracks(page)).toBe(0);
    },
  );

  test('leaving before the camera answers stops the late stream when it arrives', at('phone'), async ({ page }) => {
    await watchCamera(page, { delayMs: 2500 });
    await openDemo(page);
    await expect.poll(() => streamCount(page), { timeout: 20_000 }).toBeGreaterThan(0);
    // The camera is open but the page has not got the stream yet: leave now.
    await leaveScanPage(page);
    // Eventually stopped (the stream is handed over ~2.5 s after opening), and stays stopped.
    await expect
      .poll(
        () =>
          page.evaluate(() => window.__streams.flatMap((s) => s.getTracks()).every((t) => t.readyState === 'ended')),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
  });

  test('pauses (tracks stopped) while the tab is hidden and resumes when visible', at('phone'), async ({ page }) => {
    await watchCamera(page);
    await openDemo(page);
    await waitForVideo(page);
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (h ? 'hidden' : 'visible'),
        });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);

    await setHidden(true);
    await expect.poll(() => liveTracks(page)).toBe(0);
    await expect(page.getByTestId('scan-input')).toContainText('Camera paused while this tab is hidden');

    const before = await streamCount(page);
    await setHidden(false);
    await expect.poll(() => streamCount(page)).toBeGreaterThan(before);
    await waitForVideo(page);
    expect(await liveTracks(page)).toBeGreaterThan(0);
  });

  test('the stop button turns the camera off and start turns it on again', at('phone'), async ({ page }) => {
    await watchCamera(page);
    await openDemo(page);
    await waitForVideo(page);
    await page.getByRole('button', { name: 'Stop camera' }).click();
    await expect.poll(() => liveTracks(page)).toBe(0);
    await expect(page.getByTestId('scan-input')).toContainText('Camera is off');
    await page.getByRole('button', { name: 'Start camera' }).first().click();
    await waitForVideo(page);
    expect(await liveTracks(page)).toBeGreaterThan(0);
  });

  test('a camera without torch or zoom gets no such controls', at('phone'), async ({ page }) => {
    await watchCamera(page);
    await openDemo(page);
    await waitForVideo(page);
    await expect(page.getByTestId('torch-switch')).toHaveCount(0);
    await expect(page.getByTestId('zoom-slider')).toHaveCount(0);
    await expect(page.getByTestId('wedge-indicator')).toContainText('Scanner gun');
    // The chooser names the camera in use (labels arrive once permission is granted).
    await expect(page.getByRole('combobox', { name: 'Camera' })).toHaveValue(/fake_device/);
  });
});

test.describe('camera failures keep the other inputs working', () => {
  test(
    'permission denied: says how to allow it; manual entry and the scanner gun still scan',
    at('phone'),
    async ({ page }) => {
      await watchCamera(page, { fail: 'NotAllowedError' });
      await openDemo(page);
      const error = page.getByTestId('camera-error');
      await expect(error).toContainText('Camera permission denied');
      await expect(error).toContainText('Allow');

      await manualScan(page, 'INV-SI12');
      await expect(logEntries(page)).toHaveCount(1);
      await expect(logEntries(page).first()).toContainText('INV-SI12');

      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await gun(page, 'INV-SI13');
      await expect(logEntries(page)).toHaveCount(2);
      await expect(logEntries(page).first()).toContainText('INV-SI13');
    },
  );

  test('camera in use by another app, and no camera at all, each say what to do', at('phone'), async ({ page }) => {
    await watchCamera(page, { fail: 'NotReadableError' });
    await openDemo(page);
    await expect(page.getByTestId('camera-error')).toContainText('Camera is busy');
    await expect(page.getByTestId('camera-error')).toContainText('Close the other app');
  });

  test('no camera found', at('phone'), async ({ page }) => {
    await watchCamera(page, { fail: 'NotFoundError' });
    await openDemo(page);
    await expect(page.getByTestId('camera-error')).toContainText('No camera found');
    await manualScan(page, 'INV-SI12');
    await expect(logEntries(page)).toHaveCount(1);
  });

  test(
    'plain http on a LAN address: explains HTTPS/localhost without asking for the camera',
    at('phone'),
    async ({ page }) => {
      await watchCamera(page, { insecure: true });
      await openDemo(page);
      await expect(page.getByTestId('camera-error')).toContainText('Camera needs a secure connection');
      await expect(page.getByTestId('camera-error')).toContainText('HTTPS');
      expect(await page.evaluate(() => window.__constraints.length)).toBe(0);
      await manualScan(page, 'INV-SI12');
      await expect(logEntries(page)).toHaveCount(1);
    },
  );
});
