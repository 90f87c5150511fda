/** Helpers for camera specs: record the streams a page opens and check they are stopped. */
import { expect, type Page } from '@playwright/test';

declare global {
  interface Window {
    __streams: MediaStream[];
    __constraints: MediaStreamConstraints[];
  }
}

/**
 * Record every stream and constraint the page asks for. `delayMs` holds the stream back after the
 * camera opened (the user can leave meanwhile); `fail` rejects like the browser would.
 */
export async function watchCamera(page: Page, opts: { delayMs?: number; fail?: string; insecure?: boolean } = {}) {
  await page.addInitScript((o) => {
    window.__streams = [];
    window.__constraints = [];
    if (o.insecure) Object.defineProperty(window, 'isSecureContext', { configurable: true, get: () => false });
    const md = navigator.mediaDevices;
    const original = md.getUserMedia.bind(md);
    md.getUserMedia = async (c?: MediaStreamConstraints) => {
      window.__constraints.push(c ?? {});
      if (o.fail) throw new DOMException('refused in test', o.fail);
      const s = await original(c);
      window.__streams.push(s);
      if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
      return s;
    };
  }, opts);
}

export const liveTracks = (page: Page) =>
  page.evaluate(() => window.__streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length);

export const streamCount = (page: Page) => page.evaluate(() => window.__streams.length);

export async function leaveScanPage(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await expect(page).toHaveURL(/\/settings$/);
}

export async function waitForVideo(page: Page) {
  await expect
    .poll(() => page.getByTestId('camera-video').evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth > 0), {
      timeout: 20_000,
    })
    .toBe(true);
}


