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

/**
 * Wait until demo mode is up (the simulation's service worker controls the page), a demo user is
 * signed in, and the workflow page's ScanInput listens (scans typed earlier would be lost).
 */
export async function waitForDemo(page: Page, user = 'admin'): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await expect(page.getByTestId('connection-indicator')).toContainText(user, { timeout: 30_000 });
  await expect(page.getByTestId('scan-input')).toBeVisible();
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
}

/**
 * Type like a USB scanner gun: keydown/keyup for every character, back to back, then Enter, with
 * no input focused (the wedge listens page-wide). The keys are dispatched inside the page: on this
 * shared 2-core machine page.keyboard's per-key round trips stretch to hundreds of milliseconds,
 * far slower than any gun, and the wedge rightly takes that for a person typing. A Shift press
 * goes first: the first key of a page unlocks audio (a slow AudioContext start), which would
 * otherwise push the second key's timestamp past the gun's gap limit.
 */
export async function gunScan(page: Page, text: string): Promise<void> {
  await page.evaluate(async (chars) => {
    (document.activeElement as HTMLElement | null)?.blur();
    const target = document.activeElement ?? document.body;
    const press = (key: string) => {
      const init = { key, bubbles: true, cancelable: true, composed: true };
      target.dispatchEvent(new KeyboardEvent('keydown', init));
      target.dispatchEvent(new KeyboardEvent('keyup', init));
    };
    press('Shift');
    await new Promise((r) => setTimeout(r, 50));
    for (const key of [...chars, 'Enter']) press(key);
  }, [...text]);
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
