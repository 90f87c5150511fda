#!/usr/bin/env node
// Soak benchmark: a kiosk tablet left scanning for a shift, compressed.
//
//   npm run bench:soak -- [--minutes N] [--rate R] [--no-build] [--dist DIR] [--sim-port P] [--json FILE]
//                          [--heap-diff] [--work] [--cpu-profile N]
//
// --minutes N (default 30): how long. --rate R (default 2): one new label in front of the camera
// every R seconds ("2", "2s"; or "0.5/s" per second). The built app (vite build into
// e2e/.out/soak-dist unless --no-build / --dist) runs in kiosk mode on /scan, in server mode against
// the simulation served over HTTP (e2e/simServer.ts on --sim-port, default 8796), in Debian's
// Chromium with a fake camera playing a looping slideshow of real labels (soak/video.mjs: some
// repeat, some are unknown). Meanwhile: a scanner-gun burst of 5 codes every 2 minutes, the network
// dropped and restored three times, and twice the tablet is taken to History and left until the
// kiosk brings it back. Every minute, after a forced GC: JS heap, DOM elements, DOM nodes (detached
// included), event listeners, live camera tracks, storage (IndexedDB), decode rate (decoder worker
// answers per second), scan-to-result p95. "Lost": a scan the page accepted that never reached a
// final outcome in its log, or a gun code the page did not take or the server never received.
// --heap-diff: heap snapshots at the warm-up's end and at the end, and what grew between them (a
// diagnosis run: the snapshot pauses the page, so its scan-to-result times are not comparable).
// --work: per minute, what each scan cost in counts a loaded machine does not change: React commits
// and components rendered, the fiber tree and query cache sizes, requests and bytes per API path.
// --cpu-profile N: CPU profiles of N scans after the warm-up and N scans at the end, compared by
// each function's share of the busy time (shares, not milliseconds, survive a loaded machine).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { launchWithCamera, startStaticServer } from './benchHarness.mjs';
import { makeSoakVideo } from './soak/video.mjs';
import { soakReport, warmupEvents, warmupMinutes } from './soak/report.mjs';
import { diffLines, heapSummary } from './soak/heapDiff.mjs';
import { compareProfiles, networkCounter, perScan, profileScans, reactCounter, readWork } from './soak/work.mjs';
import {
  gunBurst,
  gunCodes,
  networkDrop,
  openStation,
  sample,
  settle,
  simBarcodes,
  simToken,
  wanderOff,
} from './soak/station.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');

function parseArgs(argv) {
  const a = {
    minutes: 30,
    every: 2,
    build: true,
    dist: path.join(project, 'e2e/.out/soak-dist'),
    simPort: 8796,
    json: null,
    heapDiff: false,
    work: false,
    cpuProfile: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === '--minutes') a.minutes = Number(v());
    else if (k === '--rate') {
      const raw = String(v());
      const per = /^([\d.]+)\/s$/.exec(raw);
      a.every = per ? 1 / Number(per[1]) : Number(raw.replace(/s$/, ''));
    } else if (k === '--no-build') a.build = false;
    else if (k === '--dist') a.dist = path.resolve(v());
    else if (k === '--sim-port') a.simPort = Number(v());
    else if (k === '--json') a.json = v();
    else if (k === '--heap-diff') a.heapDiff = true;
    else if (k === '--work') a.work = true;
    else if (k === '--cpu-profile') a.cpuProfile = Number(v());
    else throw new Error(`unknown argument ${k}`);
  }
  if (!(a.minutes > 0) || !(a.every > 0)) throw new Error('--minutes and --rate must be positive');
  return a;
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: project, stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

async function startSim(port) {
  const child = spawn(
    process.execPath,
    [path.join(project, 'node_modules/tsx/dist/cli.mjs'), 'e2e/simServer.ts', '--port', String(port)],
    {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`simulation server exited: ${log}`);
    try {
      if ((await fetch(`${url}/api/`)).status < 500) return { url, stop: () => child.kill('SIGTERM') };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`simulation server did not start on ${url}: ${log}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const video = await makeSoakVideo(args.every, 5);
  if (args.build) {
    await run(process.execPath, [
      path.join(project, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      args.dist,
    ]);
  }
  const sim = await startSim(args.simPort);
  const app = await startStaticServer(args.dist, {}, { spa: true });
  const browser = await launchWithCamera(video);
  const load = () =>
    os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  const notes = [`load average at start ${load()} (${os.cpus().length} cores)`];
  console.log(`soak: ${args.minutes} min, a new label every ${args.every} s; ${notes[0]}`);
  const samples = [];
  const gunTyped = [];
  let gunUntaken = 0;
  let leftOpen = 0;
  let inFlight = 0;
  try {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 768 },
      permissions: ['camera'],
      hasTouch: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    if (args.work || args.cpuProfile) await context.addInitScript(reactCounter);
    await openStation(context, page, { appOrigin: app.origin, simUrl: sim.url, token: await simToken(sim.url) });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const net = args.work ? await networkCounter(cdp) : null;
    const works = [];
    const profiles = [];
    const t0 = Date.now();
    const end = t0 + args.minutes * 60_000;
    const take = async () => {
      const s = await sample(page, cdp);
      samples.push(s);
      if (net) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
        const inPage = await page.evaluate(readWork);
        const w = {
          at: s.accepted,
          page: inPage && { ...inPage, layouts: m.LayoutCount, styles: m.RecalcStyleCount },
          net: net(),
        };
        const prev = works[works.length - 1];
        works.push(w);
        if (prev && w.page && prev.page) {
          const p = perScan(prev, w, w.at - prev.at);
          const reqs = Object.entries(p.net)
            .map(([k, v]) => `${k} ${v.perScan.toFixed(2)}×${Math.round(v.bytesEach)}B`)
            .join(', ');
          console.log(
            `      per scan: commits ${p.commits.toFixed(1)} rendered ${p.rendered.toFixed(1)} mounted ${p.mounted.toFixed(1)} layouts ${p.layouts.toFixed(1)} styles ${p.styles.toFixed(1)}; fibers ${p.fibers} queries ${p.queries} ${JSON.stringify(p.queryKeys)}; ${reqs}`,
          );
        }
      }
      console.log(
        `  ${String(samples.length - 1).padStart(3)} min: scans ${s.accepted} open ${s.open} heap ${s.heapMB.toFixed(1)} MB dom ${s.dom} listeners ${s.listeners} tracks ${s.liveTracks} ${s.path}`,
      );
    };
    await take();
    // The shift's events, at fractions of the run (minute marks are samples).
    const events = [...warmupEvents(args.minutes)];
    for (let m = 1.5; m < args.minutes; m += 2) events.push({ at: m, kind: 'gun' });
    // Drops and History visits stay out of the last 5 minutes, as they are out of the first 5 after
    // the warm-up: the two p95s compared then hold the same kinds of scans (gun bursts in both).
    for (const f of [0.3, 0.55, 0.75]) events.push({ at: args.minutes * f + 0.25, kind: 'offline' });
    for (const f of [0.4, 0.65]) events.push({ at: args.minutes * f + 0.1, kind: 'idle' });
    events.sort((a, b) => a.at - b.at);
    let burst = 0;
    /** When each station event ran (epoch ms), to tell the scans near one from the steady ones. */
    const marks = [];
    let nextSample = 1;
    let heapStart = null;
    while (Date.now() < end) {
      const due = Math.min(t0 + nextSample * 60_000, events[0] ? t0 + events[0].at * 60_000 : Infinity, end);
      await sleep(due - Date.now());
      if (Date.now() >= t0 + nextSample * 60_000) {
        await take();
        if (args.heapDiff && nextSample === warmupMinutes(args.minutes)) heapStart = await heapSummary(cdp);
        // Not before minute 2: the first minute's profile is mostly the JIT compiling the page.
        if (args.cpuProfile && nextSample === Math.max(2, warmupMinutes(args.minutes)))
          profiles.push(await profileScans(page, cdp, args.cpuProfile));
        nextSample += 1;
        continue;
      }
      const ev = events.shift();
      if (!ev || Date.now() >= end) continue;
      const mark = {
        kind: ev.kind === 'idle' ? 'kiosk return' : ev.kind === 'offline' ? 'network drop' : 'gun',
        from: Date.now(),
      };
      if (ev.kind === 'gun') {
        const codes = gunCodes(burst++);
        const taken = await gunBurst(page, codes);
        codes.forEach((c, i) => (taken[i] ? gunTyped.push(c) : (gunUntaken += 1)));
      } else if (ev.kind === 'offline') {
        await networkDrop(context, page);
        console.log(`  network dropped and back at ${((Date.now() - t0) / 60000).toFixed(1)} min`);
      } else {
        const away = await wanderOff(page, sim.url);
        leftOpen += away.lost;
        inFlight += away.inFlight;
        console.log(
          `  left on History (${away.lost} scans lost, ${away.inFlight} in flight), back at the station at ${((Date.now() - t0) / 60000).toFixed(1)} min`,
        );
      }
      marks.push({ ...mark, to: Date.now() });
    }
    // The last scans finish (no new ones count), then the final sample.
    if (args.cpuProfile) profiles.push(await profileScans(page, cdp, args.cpuProfile));
    const openAtEnd = await settle(page);
    leftOpen += openAtEnd;
    await take();
    const heapEnd = args.heapDiff && heapStart ? await heapSummary(cdp) : null;
    const received = new Set(await simBarcodes(sim.url));
    const gunMissing = gunTyped.filter((c) => !received.has(c));
    const last = samples[samples.length - 1];
    const lost = leftOpen + gunUntaken + gunMissing.length;
    notes.push(
      `load average at end ${load()}; lost: ${leftOpen} scans left open (${openAtEnd} at the end), ${gunUntaken} gun codes not taken, ${gunMissing.length} gun codes not received; ` +
        `${inFlight} scans were in flight (lookup sent, not lost) when the tablet was taken to History`,
      `gun: ${gunTyped.length + gunUntaken} codes typed, ${gunUntaken} not taken, ${gunMissing.length} never reached the server${gunMissing.length ? ` (${gunMissing.slice(0, 5).join(', ')})` : ''}; ` +
        `scans answered from the offline queue ${last.viaQueue}; still open at the end ${last.open}${last.open ? ` (${last.openKeys.join('; ')})` : ''}`,
    );
    if (heapEnd) for (const line of diffLines(heapStart, heapEnd)) console.log(line);
    if (profiles.length === 2) {
      for (const line of compareProfiles(profiles[0], profiles[1], args.cpuProfile)) console.log(line);
      if (args.json) fs.writeFileSync(`${args.json}.cpuprofiles.json`, JSON.stringify(profiles));
    }
    for (const line of soakReport({ minutes: args.minutes, samples, scans: last.accepted, lost, notes, marks }))
      console.log(line);
    if (args.json)
      fs.writeFileSync(args.json, JSON.stringify({ args, samples, marks, gunTyped, gunMissing, lost }, null, 1));
  } finally {
    await browser.close();
    await app.close();
    sim.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
