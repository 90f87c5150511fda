/**
 * Kiosk mode for a shared tablet: set up in Settings, the app returns to the station page after
 * the idle time (Playwright's clock fast-forwards; no real waiting), any touch restarts the wait,
 * scan results show in large letters, and the screen wake lock is held and taken again when the
 * page comes back into view (the Wake Lock API is stubbed: headless Chromium has no screen).
 */
import { expect, test } from '@playwright/test';
import { manualScan, openDemo, gunStation } from './appHelpers.ts';
import { APP_PAGES, navigateTo, pageReady } from './devicePages.ts';
import { at } from './sizes.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

const page = (path: string) => APP_PAGES.find((p) => p.path === path)!;

test(
  'returns to the station page after the idle time, not before; a touch restarts the wait',
  at('tablet'),
  async ({ page: tab }) => {
    await tab.clock.install();
    await openDemo(tab, '/settings');
    await pageReady(tab);

    await tab.getByRole('switch', { name: 'Kiosk mode on this device' }).check();
    const station = tab.getByRole('combobox', { name: 'Station page' });
    await station.fill('/scan?station=door-1');
    await station.press('Escape');
    await tab.getByRole('textbox', { name: 'Return after (seconds without use)' }).fill('30');
    await tab.getByRole('textbox', { name: 'Return after (seconds without use)' }).blur();
    await expect(tab.getByTestId('kiosk-indicator')).toBeVisible();

    // Someone wanders off to History and leaves it there.
    await navigateTo(tab, page('/history'));
    // From here only the fast-forwards pass time: the installed clock otherwise flows with the wall
    // clock, and on a busy machine the seconds navigateTo took would count as idle time. The jump to
    // the pause point is short of the 30 s (a touch just before it), and the wait starts at a touch.
    await tab.locator('main h1').click();
    await tab.clock.pauseAt((await tab.evaluate(() => Date.now())) + 5_000);
    await tab.locator('main h1').click();
    await tab.clock.fastForward(20_000);
    await expect(tab).toHaveURL(/\/history$/);
    // A touch at 20 s restarts the 30 s wait.
    await tab.locator('main h1').click();
    await tab.clock.fastForward(20_000);
    await expect(tab).toHaveURL(/\/history$/);
    await tab.clock.fastForward(15_000);
    await expect(tab).toHaveURL(/\/scan\?station=door-1$/);
    // Time flows again for the station page to load (its transitions run on timers).
    await tab.clock.resume();
    await pageReady(tab);

    // Remembered on the device.
    await tab.reload();
    await expect(tab.getByTestId('kiosk-indicator')).toBeVisible();
  },
);

test('scan results show in letters readable from a metre away', at('tablet', 'desktop'), async ({ page: tab }) => {
  // A station tablet or desktop; the banner is the same component.
  await tab.addInitScript(() =>
    localStorage.setItem('stockscan.kiosk.v1', JSON.stringify({ enabled: true, home: '/scan', idleSeconds: 60 })),
  );
  await openDemo(tab, '/scan');
  await manualScan(tab, 'INV-SI12');
  const banner = tab.getByTestId('kiosk-banner');
  await expect(banner).toHaveText(/^Found: /);
  await expect(banner).toHaveAttribute('data-color', 'green');
  // Polled: the banner is re-rendered as the result settles, and a node being replaced has no style.
  await expect
    .poll(() => banner.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)))
    .toBeGreaterThanOrEqual(32);
  await manualScan(tab, 'NO-SUCH-KIOSK-CODE');
  await expect(banner).toHaveText('No match');
  await expect(banner).toHaveAttribute('data-color', 'yellow');
});

test(
  'the screen wake lock is held, shown, and taken again when the page is shown again',
  at('tablet'),
  async ({ page: tab }) => {
    // The shared-tablet case.
    await tab.addInitScript(() => {
      localStorage.setItem('stockscan.kiosk.v1', JSON.stringify({ enabled: true, home: '/scan', idleSeconds: 60 }));
      const w = window as unknown as { wakeRequests: number; hidden: boolean; releaseLock(): void };
      w.wakeRequests = 0;
      w.hidden = false;
      let current: EventTarget | null = null;
      w.releaseLock = () => current?.dispatchEvent(new Event('release'));
      Object.defineProperty(document, 'visibilityState', { get: () => (w.hidden ? 'hidden' : 'visible') });
      Object.defineProperty(navigator, 'wakeLock', {
        value: {
          request: async () => {
            w.wakeRequests++;
            const sentinel = new EventTarget() as EventTarget & { release(): Promise<void> };
            sentinel.release = async () => void sentinel.dispatchEvent(new Event('release'));
            current = sentinel;
            return sentinel;
          },
        },
      });
    });
    await openDemo(tab, '/scan');
    const badge = tab.getByTestId('kiosk-indicator');
    await expect(badge).toHaveAttribute('data-wake', 'awake');
    await expect(badge).toHaveAccessibleName(/screen is kept awake/);
    // The browser drops the lock when the tab is hidden…
    await tab.evaluate(() => {
      const w = window as unknown as { hidden: boolean; releaseLock(): void };
      w.hidden = true;
      w.releaseLock();
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(badge).toHaveAttribute('data-wake', 'released');
    // …and the app asks again once it is visible.
    await tab.evaluate(() => {
      (window as unknown as { hidden: boolean }).hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(badge).toHaveAttribute('data-wake', 'awake');
    expect(await tab.evaluate(() => (window as unknown as { wakeRequests: number }).wakeRequests)).toBe(2);
  },
);

test(
  'without the Wake Lock API the app says the screen may sleep and works on',
  at('tablet'),
  async ({ page: tab }) => {
    // The shared-tablet case.
    await tab.addInitScript(() => {
      localStorage.setItem('stockscan.kiosk.v1', JSON.stringify({ enabled: true, home: '/scan', idleSeconds: 60 }));
      Object.defineProperty(navigator, 'wakeLock', { value: undefined });
    });
    await openDemo(tab, '/scan');
    await expect(tab.getByTestId('kiosk-indicator')).toHaveAttribute('data-wake', 'unsupported');
    await manualScan(tab, 'INV-SI12');
    await expect(tab.getByTestId('kiosk-banner')).toHaveText(/^Found: /);
  },
);
