/** Helpers for camera specs: record the streams a page opens and check they are stopped. */
import { expect, type Page } from '@playwright/test';
import { navTo } from './appHelpers.ts';

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
  await navTo(page, 'Settings');
  await expect(page).toHaveURL(/\/settings$/);
}

export async function waitForVideo(page: Page) {
  await expect
    .poll(
      () => page.getByTestId('camera-video').evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.videoWidth > 0),
      {
        timeout: 20_000,
      },
    )
    .toBe(true);
}

declare global {
  interface Window {
    __decodedTexts: string[];
  }
}

/**
 * Record every barcode text the page's decode workers report, whatever their message shape: the
 * strings in each message from a Worker. Lets a test wait for "the camera has read the label N
 * more times" (a state) instead of sleeping and hoping frames were decoded meanwhile.
 */
export async function watchDecodes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__decodedTexts = [];
    const strings = (v: unknown, out: string[], depth = 0): string[] => {
      if (typeof v === 'string') out.push(v);
      else if (v && typeof v === 'object' && depth < 6 && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)) {
        for (const x of Object.values(v as Record<string, unknown>)) strings(x, out, depth + 1);
      }
      return out;
    };
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => window.__decodedTexts.push(...strings(e.data, [])));
      }
    };
  });
}

/** How many times the decode workers have reported this exact text so far. */
export const decodedCount = (page: Page, text: string) =>
  page.evaluate((t) => window.__decodedTexts.filter((s) => s === t).length, text);
