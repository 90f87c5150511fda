#!/usr/bin/env node
// What an open scan page costs while the camera looks at a desk with no code: decodes per second
// and the CPU of all the browser's processes (page, worker, GPU, camera), over --seconds.
//   npm run bench:idle -- [--seconds S] [--warmup S] [--dist DIR] [--no-build]
// The camera plays a still, textured scene with ±3 grey levels of sensor noise (a .y4m written
// here in Node). CPU time comes from /proc, so the numbers are Linux-only; they grow with load.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithCamera, startStaticServer } from './benchHarness.mjs';
import { prng } from './gen/raster.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');
const W = 640;
const H = 480;
const FPS = 30;

function parseArgs(argv) {
  const a = { seconds: 20, warmup: 6, dist: path.join(project, 'e2e/.out/idle-dist'), build: true };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--seconds') a.seconds = Number(argv[++i]);
    else if (k === '--warmup') a.warmup = Number(argv[++i]);
    else if (k === '--dist') a.dist = path.resolve(argv[++i]);
    else if (k === '--no-build') a.build = false;
    else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

/** A still desk: grey boxes of many sizes (edges, like papers and tools), 3 s of noisy frames. */
function makeVideo() {
  const dir = path.join(project, 'e2e/.out/idle');
  const file = path.join(dir, 'still-desk-30fps-v1.y4m');
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const random = prng(7).next;
  const scene = Buffer.alloc(W * H, 120);
  for (let k = 0; k < 60; k++) {
    const w = 10 + Math.floor(random() * 200);
    const h = 10 + Math.floor(random() * 150);
    const x0 = Math.floor(random() * (W - w));
    const y0 = Math.floor(random() * (H - h));
    const level = 30 + Math.floor(random() * 190);
    for (let y = y0; y < y0 + h; y++) scene.fill(level, y * W + x0, y * W + x0 + w);
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${FPS}:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < 3 * FPS; f++) {
    const y = Buffer.from(scene);
    for (let i = 0; i < y.length; i++) y[i] = Math.min(235, Math.max(16, y[i] + Math.round(random() * 6 - 3)));
    parts.push(Buffer.from('FRAME\n'), y, chroma);
  }
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** CPU seconds used so far by a process and all its descendants (utime + stime from /proc). */
function treeCpuSeconds(rootPid) {
  const tick = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim()) || 100;
  const stats = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]) });
    } catch {
      /* exited meanwhile */
    }
  }
  const inTree = (pid) => {
    for (let p = pid, n = 0; p > 1 && n < 50; n++) {
      if (p === rootPid) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  let total = 0;
  for (const [pid, s] of stats) if (inTree(pid)) total += s.cpu;
  return total / tick;
}

/** The browser's main process: the one started with the fake camera's file. */
function browserPid(y4m) {
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmd.includes(y4m) && !cmd.includes('--type=')) return Number(name);
    } catch {
      /* exited meanwhile */
    }
  }
  throw new Error('browser process not found');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    const r = spawnSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', args.dist, '--logLevel', 'error'],
      {
        cwd: project,
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const y4m = makeVideo();
  const server = await startStaticServer(args.dist, {}, { spa: true });
  const browser = await launchWithCamera(y4m);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera'] });
    // The frame loop's tap (src/scanner/frameTrace.ts): count decoded frames.
    await context.addInitScript(() => {
      window.__decoded = 0;
      window.__scanTrace = () => window.__decoded++;
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/scan`, { waitUntil: 'load' });
    // Start the camera if the page waits for a click (it may also start on its own).
    const start = page.getByRole('button', { name: /start camera|use camera|camera on|scan with camera/i }).first();
    if (await start.isVisible({ timeout: 1500 }).catch(() => false)) await start.click();
    await page.locator('video').first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction(() => window.__decoded > 0, null, { timeout: 30_000 });
    await page.waitForTimeout(args.warmup * 1000);
    const pid = browserPid(y4m);
    const cpu0 = treeCpuSeconds(pid);
    const n0 = await page.evaluate(() => window.__decoded);
    const t0 = Date.now();
    await page.waitForTimeout(args.seconds * 1000);
    const wall = (Date.now() - t0) / 1000;
    const n1 = await page.evaluate(() => window.__decoded);
    const cpu1 = treeCpuSeconds(pid);
    const load = os.loadavg().map((l) => l.toFixed(1));
    console.log(
      `idle scan page, camera ${W}x${H} at ${FPS} fps on a still desk, ${wall.toFixed(1)} s (load ${load.join(' ')}):`,
    );
    console.log(
      `decodes ${((n1 - n0) / wall).toFixed(1)}/s, browser CPU ${((100 * (cpu1 - cpu0)) / wall).toFixed(1)} % of one core`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
