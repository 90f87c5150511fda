/**
 * Helpers for the workflow specs (link, generate, SO allocate): talk to the simulation the page
 * runs (through its service worker, with an admin token), type like a scanner gun, and save
 * screenshots for review.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const SCREENS = resolve(import.meta.dirname, '.out/screens');

export interface SimAnswer {
  status: number;
  body: unknown;
}

/**
 * One request to the demo simulation from inside the page (so the service worker answers it), as
 * InvenTree's demo admin. Shows what really changed, independent of what the UI displays.
 */
export async function sim(page: Page, method: string, path: string, body?: unknown): Promise<SimAnswer> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const tokenAnswer = await fetch('/api/user/token/', { headers: { Authorization: `Basic ${btoa('admin:inventree')}` } });
      const { token } = (await tokenAnswer.json()) as { token: string };
      const res = await fetch(path, {
        method,
        headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* keep text */
      }
      return { status: res.status, body: parsed };
    },
    { method, path, body },
  );
}

/** Wait until the simulation's service worker controls the page (demo mode is up). */
export async function waitForDemo(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
}

/**
 * Type like a USB scanner gun: every character a few milliseconds apart, then Enter, with no
 * input focused (the wedge listens page-wide).
 */
export async function gunScan(page: Page, text: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.type(text, { delay: 8 });
  await page.keyboard.press('Enter');
}

/** Save a screenshot named for the test and the device project, for review. */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  const file = resolve(SCREENS, `${name}-${testInfo.project.name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The newest session-log entry contains this text. */
export async function expectLogged(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByTestId('session-log').first()).toContainText(text);
}
