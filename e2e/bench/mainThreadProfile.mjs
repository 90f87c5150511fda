#!/usr/bin/env node
// Where the page's main thread spends the time between the decode worker's accepted read and the
// result on screen, on the latency bench's fake-camera videos (demo mode, built app).
//
//   node e2e/bench/mainThreadProfile.mjs --dist DIR [--port P] [--case qr|ean13] [--runs N] [--trace FILE]
//
// Build the app unminified for readable names: `npx vite build --outDir DIR --minify false`.
// Per run: a Chromium trace (devtools timeline + V8 sampling profiler + user timing marks the page
// sets at "agreed", "scan shown" and "result shown"); printed: the main-thread tasks in that window,
// the functions with the most self and inclusive time in it, and the React components rendered per
// commit (a devtools-style hook). Counts of renders do not depend on the machine's load; times do.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithCamera } from './benchHarness.mjs';
import { BLANK_SECONDS, CODE_SECONDS, makeVideo } from './latencyVideo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');

function parseArgs(argv) {
  const a = { dist: null, port: 4391, cases: ['qr'], runs: 3, trace: null, top: 25 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => argv[++i];
    if (k === '--dist') a.dist = path.resolve(v());
    else if (k === '--port') a.port = Number(v());
    else if (k === '--case') a.cases = v().split(',');
    else if (k === '--runs') a.runs = Number(v());
    else if (k === '--trace') a.trace = v();
    else if (k === '--top') a.top = Number(v());
    else throw new Error(`unknown argument ${k}`);
  }
  if (!a.dist) throw new Error('--dist DIR (a build of the app) is required');
  return a;
}

async function startPreview(port, dist) {
  const vite = path.join(project, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist];
  const child = spawn(process.execPath, args, { cwd: project, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error('vite preview exited');
    const ok = await fetch(origin + '/').then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { origin, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`vite preview did not start on ${origin}`);
}

/** In the page before the app: marks at agreed / scan shown / result shown, and React's commits. */
function probe() {
  const t = { blank: false, code: false, agreed: null, scanShown: null, resultShown: null, commits: [] };
  window.__m8 = t;
  window.__scanTrace = (f) => {
    if (f.read && t.code && t.agreed === null) {
      t.agreed = performance.now();
      performance.mark('m8:agreed');
    }
  };
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const name = (f) => {
    const ty = f.type;
    if (!ty) return '?';
    return ty.displayName || ty.name || ty.render?.displayName || ty.render?.name || ty.type?.name || '(anon)';
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      this.renderers.set(this.renderers.size + 1, renderer);
      return this.renderers.size;
    },
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      if (t.agreed === null || t.resultShown !== null) return;
      const rendered = {};
      const bySubtree = {};
      let mounted = 0;
      // The page's parts a scan may touch: which of them did React render (or mount) in this commit?
      const LANDMARKS = [
        'ScanInput',
        'SessionLogView',
        'ScanResultView',
        'ResultSheet',
        'OfflineQueueStatus',
        'WorkflowFrame',
        'AppLayout',
      ];
      const part = (f) => {
        for (let a = f; a; a = a.return) if (LANDMARKS.includes(name(a))) return name(a);
        return 'other';
      };
      const stack = [[root.current, root.current.alternate]];
      while (stack.length) {
        const [n, p] = stack.pop();
        if (COMPONENT.has(n.tag)) {
          const key = `${part(n)}:${p ? 'r' : 'm'}`;
          if (!p || (n.flags & 1) !== 0) bySubtree[key] = (bySubtree[key] ?? 0) + 1;
          if (!p) mounted += 1;
          else if ((n.flags & 1) !== 0) rendered[name(n)] = (rendered[name(n)] ?? 0) + 1;
        }
        if (p && n.child === p.child) continue;
        for (let c = n.child; c; c = c.sibling) stack.push([c, c.alternate]);
      }
      t.commits.push({ at: performance.now(), rendered, mounted, bySubtree });
    },
    checkDCE() {},
  };
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  canvas.width = 64;
  canvas.height = 48;
  const watched = new WeakSet();
  const contrast = (video) => {
    ctx.drawImage(video, 0, 0, 64, 48);
    const d = ctx.getImageData(0, 0, 64, 48).data;
    let min = 255;
    let max = 0;
    for (let i = 1; i < d.length; i += 4) {
      min = Math.min(min, d[i]);
      max = Math.max(max, d[i]);
    }
    return max - min;
  };
  const watch = (video) => {
    if (watched.has(video) || !video.requestVideoFrameCallback) return;
    watched.add(video);
    const onFrame = () => {
      if (video.videoWidth) {
        const c = contrast(video);
        if (c < 24) t.blank = true;
        else if (c > 96 && t.blank) t.code = true;
      }
      if (!t.code) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  const check = () => {
    document.querySelectorAll('video').forEach(watch);
    const box = document.querySelector('[data-testid="scan-result"]');
    if (!box || t.agreed === null) return;
    const text = box.textContent ?? '';
    if (/Point the camera/i.test(text)) return;
    if (t.scanShown === null) {
      t.scanShown = performance.now();
      performance.mark('m8:scanShown');
    }
    const busy = /Looking up/i.test(text) || box.querySelector('.mantine-Skeleton-root, .mantine-Loader-root');
    if (!busy && t.resultShown === null) {
      t.resultShown = performance.now();
      performance.mark('m8:resultShown');
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
].join(',');

/** The renderer main thread's samples, marks and tasks from a trace. */
function analyse(trace, top) {
  const events = trace.traceEvents ?? trace;
  const marks = {};
  for (const e of events)
    if (e.cat?.includes('blink.user_timing') && e.name?.startsWith('m8:')) marks[e.name.slice(3)] = e;
  if (!marks.agreed || !marks.resultShown) return ['  (marks missing in the trace)'];
  const { pid, tid } = marks.agreed;
  const from = marks.agreed.ts;
  const scanAt = marks.scanShown?.ts ?? from;
  const to = marks.resultShown.ts;
  const out = [];
  out.push(
    `  agreed→scan shown ${((scanAt - from) / 1000).toFixed(1)} ms, scan→result shown ${((to - scanAt) / 1000).toFixed(1)} ms`,
  );
  // Top-level tasks on that thread overlapping the window.
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask' && e.ph === 'X')
    .filter((e) => e.ts + e.dur >= from - 2000 && e.ts <= to)
    .filter((e) => e.dur >= 1000);
  out.push(
    `  main-thread tasks ≥1 ms in the window: ${tasks.map((e) => `${((e.ts - from) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(1)}`).join(', ')}`,
  );
  const timeline = {};
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== 'X' || e.ts < from || e.ts > to) continue;
    if (
      [
        'Layout',
        'UpdateLayoutTree',
        'Paint',
        'PrePaint',
        'Layerize',
        'ParseHTML',
        'GCEvent',
        'MinorGC',
        'MajorGC',
        'V8.GC_SCAVENGER',
      ].includes(e.name)
    )
      timeline[e.name] = (timeline[e.name] ?? 0) + e.dur / 1000;
  }
  out.push(
    `  rendering work: ${Object.entries(timeline)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
  );
  // CPU profile of the main thread (chunks carry nodes incrementally).
  const profileIds = new Set(
    events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id),
  );
  const nodes = new Map();
  let ts = null;
  const samples = [];
  for (const e of events) {
    if (e.name === 'Profile' && profileIds.has(e.id)) ts = e.args.data.startTime;
    if (e.name !== 'ProfileChunk' || !profileIds.has(e.id)) continue;
    const cp = e.args.data.cpuProfile ?? {};
    for (const n of cp.nodes ?? []) nodes.set(n.id, n);
    const deltas = e.args.data.timeDeltas ?? [];
    (cp.samples ?? []).forEach((s, i) => {
      ts += deltas[i] ?? 0;
      samples.push([ts, s, deltas[i + 1] ?? 0]);
    });
  }
  const label = (n) => {
    const cf = n.callFrame;
    return `${cf.functionName || '(anon)'} ${(cf.url ?? '').split('/').pop()}:${(cf.lineNumber ?? 0) + 1}`;
  };
  const self = new Map();
  const incl = new Map();
  let busy = 0;
  for (const [t, id, dt] of samples) {
    if (t < from || t > to) continue;
    const n = nodes.get(id);
    if (!n) continue;
    const d = dt / 1000;
    const k = label(n);
    self.set(k, (self.get(k) ?? 0) + d);
    if (!/^\((idle|program)\)/.test(k)) busy += d;
    const seen = new Set();
    for (let p = n; p; p = nodes.get(p.parent)) {
      const pk = label(p);
      if (seen.has(pk)) continue;
      seen.add(pk);
      incl.set(pk, (incl.get(pk) ?? 0) + d);
    }
  }
  out.push(`  JS samples in the window: busy ${busy.toFixed(1)} ms`);
  const rows = (m) =>
    [...m]
      .filter(([k]) => !/^\((idle|program|root)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `    ${v.toFixed(1).padStart(6)} ms  ${k}`);
  out.push('  self time:', ...rows(self), '  inclusive time:', ...rows(incl));
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const preview = await startPreview(args.port, args.dist);
  try {
    for (const name of args.cases) {
      const y4m = await makeVideo(name);
      const browser = await launchWithCamera(y4m);
      try {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera'] });
        await context.addInitScript(probe);
        const page = await context.newPage();
        for (let i = 0; i < args.runs; i++) {
          await browser.startTracing(page, { categories: CATEGORIES.split(',') });
          await page.goto(`${preview.origin}/scan`, { waitUntil: 'load' });
          const deadline = Date.now() + (BLANK_SECONDS + CODE_SECONDS) * 1000 + 8000;
          let t = null;
          while (Date.now() < deadline) {
            t = await page.evaluate(() => window.__m8).catch(() => null);
            if (t?.resultShown) break;
            await page.waitForTimeout(100);
          }
          await page.waitForTimeout(300);
          const buf = await browser.stopTracing();
          const trace = JSON.parse(buf.toString());
          if (args.trace) fs.writeFileSync(`${args.trace}-${name}-${i + 1}.json`, buf);
          console.log(`== ${name} run ${i + 1}`);
          if (!t?.resultShown) {
            console.log('  no result on screen');
            continue;
          }
          for (const line of analyse(trace, args.top)) console.log(line);
          for (const c of t.commits) {
            const r = Object.entries(c.rendered).sort((a, b) => b[1] - a[1]);
            const total = r.reduce((s, [, v]) => s + v, 0);
            console.log(
              `  commit +${(c.at - t.agreed).toFixed(0)} ms: rendered ${total}, mounted ${c.mounted}: ${r
                .slice(0, 40)
                .map(([k, v]) => (v > 1 ? `${k}×${v}` : k))
                .join(' ')}`,
            );
            console.log(`    by part (r rendered, m mounted): ${JSON.stringify(c.bySubtree)}`);
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    preview.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
