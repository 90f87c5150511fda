/**
 * Build step for the installable app: writes /sw.js (the app-shell cache in front of the demo's
 * MSW worker, see appShellWorker.ts) with this build's file list, so each build is cache-busted by
 * name. Runs inside Vite (no browser code); it uses only the bundle Vite hands it, so no downloads
 * and no extra tooling.
 */
import type { Plugin } from 'vite';
import { serviceWorkerScript } from './appShellWorker.ts';

/** Files copied from public/ that the shell needs offline (the bundle lists only built files). */
export const PUBLIC_SHELL_FILES = [
  '/manifest.webmanifest',
  '/manifest.de.webmanifest',
  '/manifest.zh-Hans.webmanifest',
  '/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon-maskable-512.png',
  '/icons/apple-touch-icon.png',
];

/** Source maps are for developers, not for opening the app offline. */
export function shellFiles(bundleFiles: string[], publicFiles: string[] = PUBLIC_SHELL_FILES): string[] {
  const built = bundleFiles
    .filter((f) => !f.endsWith('.map') && f !== 'sw.js' && f !== 'index.html')
    .map((f) => `/${f}`);
  return ['/index.html', ...[...new Set([...built, ...publicFiles])].sort()];
}

/** A short stable hash (FNV-1a, 32 bit) of the build's file names and index.html. */
export function buildVersion(parts: string[]): string {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x0a;
  }
  return h.toString(16).padStart(8, '0');
}

export function appShellPlugin(): Plugin {
  return {
    name: 'stockscan-app-shell',
    apply: 'build',
    // After Vite's own HTML step, so index.html is in the bundle and part of the version.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const names = Object.keys(bundle);
      const index = bundle['index.html'];
      const indexSource = index && index.type === 'asset' ? String(index.source) : '';
      const files = shellFiles(names);
      const version = buildVersion([...files, indexSource]);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: serviceWorkerScript({ cacheName: `stockscan-shell-${version}`, files, navigationTimeoutMs: 4000 }),
      });
    },
  };
}
