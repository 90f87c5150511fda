/** Helpers for the app-level specs (scan page, settings, server mode). */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';

/** Where the connection (mode, server URL, token) is remembered; see src/connection/connectionStore.ts. */
export const CONNECTION_KEY = 'stockscan.connection.v1';

export const SCREENS = resolve(import.meta.dirname, '.out/screens');

/** Save a full-page screenshot named for the view and the device project, for review. */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  const file = resolve(SCREENS, `${name}-${testInfo.project.name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Where the scanner settings live; see src/scanner/scannerSettings.ts. */
export const SCANNER_SETTINGS_KEY = 'stockscan.scanner.v1';

/**
 * A scanner-gun station: Settings' "Start the camera when a scanning page opens" is off, as at a
 * bench with a gun. Specs about the gun and the keyboard use it; the camera specs do not. (A live
 * camera decoding Chromium's moving test picture also costs most of a core, which two test
 * workers on two cores cannot spare.)
 */
export async function gunStation(context: BrowserContext): Promise<void> {
  await context.addInitScript((key) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ cameraOnOpen: false }));
  }, SCANNER_SETTINGS_KEY);
}

/** Pages with a ScanInput: ready for a scanner gun once its capture is attached. */
const SCAN_PAGES = /^\/(scan|link|generate|purchasing|sales)\b/;

/**
 * Demo mode is up when the simulation's service worker controls the page and the user is signed in;
 * on a scanning page, also when the scanner-gun capture is attached (a gun fired earlier is lost,
 * as it would be on a page still loading).
 */
export async function waitForDemo(page: Page, user = 'admin', scanPage = true): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await expect(page.getByTestId('connection-indicator')).toContainText(user, { timeout: 30_000 });
  if (!scanPage) return;
  await expect(page.getByTestId('scan-input')).toBeVisible();
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
}

export async function openDemo(page: Page, path = '/scan', user = 'admin'): Promise<void> {
  await page.goto(path);
  await waitForDemo(page, user, SCAN_PAGES.test(path));
}

/** Type a barcode into the scan page's manual entry field and submit it. */
export async function manualScan(page: Page, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name: /barcode/i });
  await field.fill(text);
  await field.press('Enter');
}

/** The session log's entries, newest first: barcode text and result as the user reads them. */
export function logEntries(page: Page) {
  return page.getByTestId('session-log-entry');
}

/**
 * Have the app shell cached before a test takes the network away: asks the page's service worker
 * what the app asks it once started (src/app/pwa/offlineShell.ts), and waits for every file.
 */
export async function waitForOfflineShell(page: Page): Promise<void> {
  const reply = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const channel = new MessageChannel();
    const answer = new Promise<unknown>((resolve) => {
      channel.port1.onmessage = (e) => resolve(e.data);
    });
    registration.active?.postMessage({ type: 'stockscan-precache' }, [channel.port2]);
    return answer;
  });
  expect(reply).toMatchObject({ type: 'stockscan-precached' });
  const { cached, total } = reply as { cached: number; total: number };
  expect(cached, 'every shell file cached').toBe(total);
}

/**
 * Open a page through the navigation by its name: on a phone the pages outside the bottom bar
 * (Settings among them) sit under "More".
 */
export async function navTo(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const link = nav.getByRole('link', { name, exact: true });
  if ((await link.count()) === 0) {
    await nav.getByRole('button', { name: 'More pages' }).click();
    const sheet = page.getByRole('dialog', { name: 'More pages' });
    // A click during the sheet's slide-in can land on the link that was under that point a frame ago.
    await settled(sheet);
    await sheet.getByRole('link', { name, exact: true }).click();
  } else {
    await link.click();
  }
}

/** Waits until the element's CSS transitions and animations (e.g. a sheet sliding in) have ended. */
export async function settled(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  await locator.evaluate((el) =>
    Promise.all(
      el
        .getAnimations({ subtree: true })
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished),
    ),
  );
}
