/** Helpers for the app-level specs (scan page, settings, server mode). */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

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

/** Demo mode is up when the simulation's service worker controls the page and the user is signed in. */
export async function openDemo(page: Page, path = '/scan'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await expect(page.getByTestId('connection-indicator')).toContainText('admin');
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
