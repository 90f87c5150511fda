/**
 * Helpers for specs that drive the real camera path: Chromium's fake camera plays a .y4m picked per
 * describe block (`test.use(cameraVideo(VIDEOS.label))`); each distinct file means a fresh browser.
 */
import { resolve } from 'node:path';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags from the team brief, plus a fake camera whose permission is granted without a prompt. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const out = resolve(import.meta.dirname, '.out/videos');

/** Made by e2e/fixtures/makeVideos.mjs in globalSetup. */
export const VIDEOS = {
  stockItemQr: resolve(out, 'stockitem-12-qr.y4m'),
  label: resolve(out, 'label-code128.y4m'),
};

export function cameraVideo(file: string): { launchOptions: LaunchOptions } {
  return {
    launchOptions: {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_FLAGS, `--use-file-for-fake-video-capture=${file}`],
    },
  };
}
