/**
 * Helpers for the workflow specs (link, generate, SO allocate): talk to the simulation the page
 * runs (through its service worker, with an admin token) and wait for the demo to be ready.
 */
import { expect, type Page } from '@playwright/test';

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
      const tokenAnswer = await fetch('/api/user/token/', {
        headers: { Authorization: `Basic ${btoa('admin:inventree')}` },
      });
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

export { waitForDemo } from './appHelpers.ts';

export { shoot } from './appHelpers.ts';

/** The newest session-log entry contains this text. */
export async function expectLogged(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByTestId('session-log').first()).toContainText(text);
}
