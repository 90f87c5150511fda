/**
 * ScanInput with two cameras (Chromium's fake device, device-count=2): the chooser switches camera,
 * stops the old one, and the choice survives a reload. Its own file because launch options can
 * only be set at the top of a file.
 */
import { expect, test } from '@playwright/test';
import { openDemo } from './appHelpers.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from './camera.ts';
import { streamCount, waitForVideo, watchCamera } from './cameraWatch.ts';
import { at } from './sizes.ts';

test.use({
  launchOptions: {
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_FLAGS.filter((f) => f !== '--use-fake-device-for-media-stream'),
      '--use-fake-device-for-media-stream=device-count=2',
    ],
  },
});

test(
  'choosing a camera switches to it and is remembered after a reload (asked as ideal, never exact)',
  at('phone'),
  async ({ page }) => {
    // Choosing among cameras does not depend on the layout; a phone is where there are two (front, back).
    await watchCamera(page);
    await openDemo(page);
    await waitForVideo(page);
    const chooser = page.getByRole('combobox', { name: 'Camera' });
    await expect(chooser).toHaveValue('fake_device_0');
    await chooser.click();
    await page.getByRole('option', { name: 'fake_device_1' }).click();

    // The camera is reopened asking for the chosen one; the old stream was stopped. (Chromium's
    // fake-UI flag always hands out the first fake device unless `exact` is used, which the app
    // never does, so which device actually runs is not checked here.)
    await expect.poll(() => streamCount(page)).toBe(2);
    await waitForVideo(page);
    const chosenId = await page.evaluate(
      () => JSON.parse(localStorage.getItem('stockscan.scanner.v1') ?? '{}').cameraDeviceId,
    );
    expect(chosenId).toBeTruthy();
    const [oldLive, asked] = await page.evaluate(() => [
      window.__streams[0]!.getTracks().some((t) => t.readyState === 'live'),
      JSON.stringify(window.__constraints[1]),
    ]);
    expect(oldLive).toBe(false);
    expect(asked).toContain(JSON.stringify({ ideal: chosenId }));

    await page.reload();
    await waitForVideo(page);
    const constraints = await page.evaluate(() => JSON.stringify(window.__constraints));
    expect(constraints).toContain(JSON.stringify({ ideal: chosenId }));
    expect(constraints).not.toContain('exact');
  },
);
