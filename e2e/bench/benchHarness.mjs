// Shared by the decode benchmarks: a tiny static server (the built bench page plus one
// image folder) and a headless Chromium started the way the team brief requires.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html',
  // Without these the built app runs unstyled (a stylesheet of another type is refused).
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.map': 'application/json',
};

/**
 * Serve `distDir` at / and each folder of `mounts` ({ '/images/': dir }) below its prefix, on 127.0.0.1.
 * Options: `spa` answers unknown extensionless paths with index.html (the app's routes); `link`
 * ({ kbps, rttMs }) sends every answer through one slow shared link, in arrival order, so the
 * page's and its service worker's downloads compete as they would on a phone's connection.
 */
export async function startStaticServer(distDir, mounts = {}, { spa = false, link = null } = {}) {
  let linkFreeAt = 0;
  const send = (res, status, headers, body) => {
    if (!link) {
      res.writeHead(status, headers).end(body);
      return;
    }
    const start = Math.max(Date.now(), linkFreeAt);
    linkFreeAt = start + ((body?.length ?? 0) * 8) / link.kbps;
    setTimeout(() => res.writeHead(status, headers).end(body), linkFreeAt - Date.now() + link.rttMs);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let base = distDir;
    let rel = decodeURIComponent(url.pathname);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (rel.startsWith(prefix)) {
        base = dir;
        rel = rel.slice(prefix.length);
        break;
      }
    }
    const file = path.resolve(base, '.' + path.posix.normalize('/' + rel));
    if (!file.startsWith(path.resolve(base))) {
      res.writeHead(403).end();
      return;
    }
    const target = spa && !path.extname(file) && !fs.existsSync(file) ? path.resolve(distDir, 'index.html') : file;
    fs.readFile(target, (err, body) => {
      if (err) {
        send(res, 404, {}, undefined);
        return;
      }
      send(res, 200, { 'content-type': TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream' }, body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(r)),
    /** Resolves once the slow link has sent everything queued (runs then start on an idle link). */
    linkIdle: () => new Promise((r) => setTimeout(r, Math.max(0, linkFreeAt - Date.now()) + (link?.rttMs ?? 0))),
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Chromium whose fake camera plays `video` (a .y4m or .mjpeg), granted without a prompt. */
export function launchWithCamera(video) {
  return launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
    '--autoplay-policy=no-user-gesture-required',
  ]);
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
