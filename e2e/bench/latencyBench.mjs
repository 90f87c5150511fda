#!/usr/bin/env node
// Scan-to-result latency through Chromium's fake camera, on the built app in demo mode.
//
//   npm run bench:latency -- [--runs N] [--case qr,ean13] [--fps F] [--port P] [--no-build] [--dist DIR] [--steady S] [--json FILE]
//
// --fps is the fake camera's frame rate (default 30, a phone camera's; 15 was the bench's old rate).
//
// --dist serves (and builds into) another folder than dist/, so a run does not race other builds.
// Last, --steady S seconds (default 10) of continuous scanning (the video loops blank → code, each
// code a new scan) while every main-thread task over 50 ms is counted: the page must not stutter.
//
// Two cases, each in its own browser (the fake camera plays one file): a QR code of InvenTree's
// internal barcode {"stockitem": 12} (strong check: one read is enough), and an EAN-13
// (weak check: the scanner waits for two agreeing reads, the price of trusting every read).
// The camera plays a .y4m made here in Node: a blank frame for a while, then the code, with
// mild sensor noise so that consecutive frames differ as a real camera's do. Each run loads
// /scan afresh (camera and decoder start during the blank part); a requestVideoFrameCallback in
// the page notes when the first barcode frame is presented, and a MutationObserver notes when
// the scan result shows (the lookup has started: "scan shown"), and when the lookup's answer is
// on screen ("result shown": the stock item's card, or "no match" for the EAN-13, which the
// demo does not know). Latency = result time − barcode-presented time; median and p95 per case.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithCamera, percentile } from './benchHarness.mjs';
import { breakdown, describeBreakdown, stepMedians } from './latencyBreakdown.mjs';
import { BLANK_SECONDS, CASES, CODE_SECONDS, DEFAULT_FPS, makeVideo } from './latencyVideo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');

function parseArgs(argv) {
  const a = {
    runs: 10,
    port: 4391,
    build: true,
    json: null,
    timeoutMs: 8000,
    dist: null,
    steadySeconds: 10,
    cases: Object.keys(CASES),
    fps: DEFAULT_FPS,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === '--runs') a.runs = Number(v());
    else if (k === '--port') a.port = Number(v());
    else if (k === '--no-build') a.build = false;
    else if (k === '--json') a.json = v();
    else if (k === '--dist') a.dist = path.resolve(v());
    else if (k === '--timeout') a.timeoutMs = Number(v());
    else if (k === '--steady') a.steadySeconds = Number(v());
    else if (k === '--case') a.cases = v().split(',');
    else if (k === '--fps') a.fps = Number(v());
    else throw new Error(`unknown argument ${k}`);
  }
  if (!Number.isInteger(a.fps) || a.fps < 1 || a.fps > 60) throw new Error(`--fps must be a whole number 1–60`);
  for (const c of a.cases) if (!(c in CASES)) throw new Error(`unknown --case ${c}; one of ${Object.keys(CASES)}`);
  return a;
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: project, stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

async function startPreview(port, dist) {
  const child = spawn(
    process.execPath,
    [
      path.join(project, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      ...(dist ? ['--outDir', dist] : []),
    ],
    {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  child.stderr.on('data', (d) => {
    log += d;
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${log}`);
    try {
      const res = await fetch(origin + '/');
      if (res.ok) return { origin, stop: () => child.kill('SIGTERM') };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`vite preview did not start on ${origin}: ${log}`);
}

/** Installed in the page before the app runs: timestamps for "barcode entered view" and "result on screen". */
function pageProbe() {
  const t = {
    blankSeen: null,
    codeEnter: null,
    scanShown: null,
    resultShown: null,
    changes: [],
    longTasks: [],
    fetches: [],
    presented: [],
  };
  window.__latency = t;
  // The frame loop's tap (src/scanner/frameLoop.ts): one entry per decoded frame.
  t.frames = [];
  window.__scanTrace = (f) => {
    if (t.blankSeen === null) return;
    t.frames.push(f);
    if (t.frames.length > 200) t.frames.shift();
  };
  // API round trips after the code entered view (LATENCY_DEBUG prints them with the long tasks).
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const start = performance.now();
    try {
      return await realFetch(input, init);
    } finally {
      if (t.codeEnter !== null && /\/api\//.test(url)) {
        t.fetches.push(
          `${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${new URL(url, location.href).pathname} ${Math.round(start - t.codeEnter)}→${Math.round(performance.now() - t.codeEnter)}`,
        );
      }
    }
  };
  // Main-thread tasks over 50 ms once the camera shows frames (page load itself is not counted).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (t.blankSeen === null) continue;
        t.longTasks.push(Math.round(e.duration));
        if (t.codeEnter !== null)
          t.fetches.push(`long task ${Math.round(e.startTime - t.codeEnter)}+${Math.round(e.duration)}`);
      }
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    /* long task timing unavailable */
  }
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const watched = new WeakSet();
  function contrast(video) {
    ctx.drawImage(video, 0, 0, 64, 48);
    const d = ctx.getImageData(0, 0, 64, 48).data;
    let min = 255;
    let max = 0;
    for (let i = 0; i < d.length; i += 4) {
      const v = d[i + 1];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return max - min;
  }
  function watchVideo(video) {
    if (watched.has(video) || !video.requestVideoFrameCallback) return;
    watched.add(video);
    const onFrame = (now, meta) => {
      if (t.codeEnter === null && video.videoWidth) {
        const c = contrast(video);
        if (c < 24) t.blankSeen = now;
        // Only a blank → code transition counts; a stream that starts mid-code is not a run.
        else if (c > 96 && t.blankSeen !== null) t.codeEnter = meta?.presentationTime ?? now;
      }
      // The first frames with the code: their spacing is the frame rate the page really gets.
      if (t.codeEnter !== null) t.presented.push(meta?.presentationTime ?? now);
      if (t.presented.length < 12) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  }
  const check = () => {
    document.querySelectorAll('video').forEach(watchVideo);
    const box = document.querySelector('[data-testid="scan-result"]');
    if (!box || t.codeEnter === null) return;
    const text = box.textContent ?? '';
    const placeholder = /Point the camera/i.test(text);
    if (!placeholder && t.scanShown === null) t.scanShown = performance.now();
    const busy = /Looking up/i.test(text) || box.querySelector('.mantine-Skeleton-root, .mantine-Loader-root');
    const last = t.changes[t.changes.length - 1];
    const snapshot = `${busy ? 'busy ' : ''}${text.slice(0, 80)}`;
    if (!last || last.what !== snapshot) t.changes.push({ at: performance.now() - t.codeEnter, what: snapshot });
    if (!placeholder && !busy && t.resultShown === null) t.resultShown = performance.now();
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  setInterval(check, 50);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    try {
      await run(process.execPath, [
        path.join(project, 'node_modules/vite/bin/vite.js'),
        'build',
        '--logLevel',
        'warn',
        ...(args.dist ? ['--outDir', args.dist] : []),
      ]);
    } catch (e) {
      console.error(
        `latency bench: the app does not build yet (${e.message}); the scan page may still be in progress.`,
      );
      process.exit(2);
    }
  }
  const preview = await startPreview(args.port, args.dist);
  const results = [];
  try {
    for (const name of args.cases) results.push({ name, ...(await runCase(name, args, preview.origin)) });
  } finally {
    preview.stop();
  }
  console.log('');
  let ok = true;
  for (const r of results) {
    for (const f of r.failures) console.log(`${r.name}: ${f}`);
    if (r.samples.length === 0) {
      console.log(`${r.name}: no successful runs`);
      ok = false;
      continue;
    }
    const scan = r.samples.map((s) => s.scan).sort((a, b) => a - b);
    const result = r.samples.map((s) => s.result).sort((a, b) => a - b);
    const longTasks = r.samples.flatMap((s) => s.longTasks);
    const gaps = r.samples.flatMap((s) => s.frameGaps).sort((a, b) => a - b);
    const got = gaps.length ? `, the page got ${(1000 / percentile(gaps, 50)).toFixed(1)} fps` : '';
    console.log(`== ${CASES[r.name].label}; camera ${args.fps} fps${got}`);
    console.log(
      `main-thread tasks > 50 ms while the camera ran: ${longTasks.length} (longest ${longTasks.length ? Math.max(...longTasks) : 0} ms)`,
    );
    console.log(`scan shown:   median ${percentile(scan, 50).toFixed(0)} ms p95 ${percentile(scan, 95).toFixed(0)} ms`);
    console.log(`where the time went (median ms of each step, runs where it was seen): ${stepMedians(r.samples)}`);
    if (r.steady) {
      console.log(
        `steady scanning ${r.steady.seconds} s: ${r.steady.scans} scans logged, ${r.steady.frames} camera frames; main-thread tasks > 50 ms: ${r.steady.longTasks.length}${r.steady.longTasks.length ? ` (${r.steady.longTasks.join(', ')} ms)` : ''}`,
      );
    }
    console.log(
      `latency ${r.name} at ${args.fps} fps ${r.samples.length}/${args.runs} runs: result on screen median ${percentile(result, 50).toFixed(0)} ms p95 ${percentile(result, 95).toFixed(0)} ms`,
    );
  }
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(results, null, 1));
  if (!ok) process.exit(1);
}

/** One case: its own browser whose fake camera plays the case's video; runs, then steady scanning. */
async function runCase(name, args, origin) {
  const y4m = await makeVideo(name, args.fps);
  const browser = await launchWithCamera(y4m);
  const samples = [];
  const failures = [];
  let steady = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera'] });
    await context.addInitScript(pageProbe);
    const page = await context.newPage();
    for (let i = 0; i < args.runs; i++) {
      await page.goto(`${origin}/scan`, { waitUntil: 'load' });
      // Start the camera if the page waits for a click (it may also start on its own).
      const start = page.getByRole('button', { name: /start camera|use camera|camera on|scan with camera/i });
      if (
        await start
          .first()
          .isVisible({ timeout: 1500 })
          .catch(() => false)
      )
        await start
          .first()
          .click()
          .catch(() => {});
      const deadline = Date.now() + (BLANK_SECONDS + CODE_SECONDS) * 1000 + args.timeoutMs;
      let t = null;
      while (Date.now() < deadline) {
        // The app may still be navigating (sign-in redirect): read again on the next round.
        t = await page.evaluate(() => window.__latency).catch(() => null);
        if (t?.resultShown !== null && t?.resultShown !== undefined) break;
        await page.waitForTimeout(100);
      }
      if (!t || t.codeEnter === null)
        failures.push(`run ${i + 1}: never saw the blank → barcode transition in a <video>`);
      else if (t.resultShown === null) failures.push(`run ${i + 1}: no result on screen within the time limit`);
      else {
        const s = {
          scan: t.scanShown - t.codeEnter,
          result: t.resultShown - t.codeEnter,
          longTasks: t.longTasks,
          breakdown: breakdown(t),
          frameGaps: t.presented.slice(1).map((at, k) => at - t.presented[k]),
        };
        samples.push(s);
        if (process.env.LATENCY_DEBUG) {
          console.log(JSON.stringify(t.changes), JSON.stringify(t.fetches));
          // The decoded frames around the code's arrival: presented/grabbed/answered, ms after it.
          const rel = (v) => Math.round(v - t.codeEnter);
          const near = t.frames.filter((f) => f.presentedAt >= t.codeEnter - 150).slice(0, 8);
          const passes = (f) => f.passes.map((p) => `${p.id} ${Math.round(p.ms)}`).join('+');
          console.log(
            near
              .map(
                (f) =>
                  `${rel(f.presentedAt)}/${rel(f.grabAt)}/${rel(f.answeredAt)}${f.held ? 'H' : ''}${f.read ? 'R' : ''} (worker ${Math.round(f.workerMs)}: ${passes(f)})`,
              )
              .join(' '),
          );
        }
        console.log(
          `${name} run ${i + 1}: ${describeBreakdown(s.breakdown)} ms after the barcode frame was presented; main-thread tasks > 50 ms while scanning: ${s.longTasks.length ? s.longTasks.join(', ') + ' ms' : 'none'}`,
        );
      }
    }
    if (args.steadySeconds > 0) steady = await steadyScanning(page, origin, args.steadySeconds);
  } finally {
    await browser.close();
  }
  return { samples, failures, steady };
}

/** Keep /scan open with the camera decoding for `seconds`, counting long main-thread tasks. */
async function steadyScanning(page, origin, seconds) {
  await page.goto(`${origin}/scan`, { waitUntil: 'load' });
  await page.locator('video').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('video')?.readyState >= 2, undefined, { timeout: 30_000 });
  // Let the decoder warm up (wasm compile) before counting.
  await page.waitForTimeout(2000);
  return page.evaluate(async (ms) => {
    const longTasks = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
    });
    obs.observe({ type: 'longtask', buffered: false });
    const video = document.querySelector('video');
    let frames = 0;
    const count = () => {
      frames++;
      video.requestVideoFrameCallback(count);
    };
    video.requestVideoFrameCallback(count);
    const before = document.querySelectorAll('[data-testid="session-log-entry"]').length;
    await new Promise((r) => setTimeout(r, ms));
    obs.disconnect();
    const after = document.querySelectorAll('[data-testid="session-log-entry"]').length;
    return { seconds: ms / 1000, longTasks, frames, scans: after - before };
  }, seconds * 1000);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
