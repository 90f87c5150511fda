// History page benchmark: the demo simulation holding 10,000 scan history rows, in Debian's
// Chromium, against the BUILT app (vite build first). Prints time to the first page (cold: page load,
// demo boot, sign-in, first query; warm: opening the page again), paging (next page, jump to the
// middle and the end, page size 100), sorting and filtering, and the raw API answer times.
//
// Usage: node e2e/bench/historyBench.mjs [--dist dist] [--rows 10000] [--port 4392] [--runs 5]
//
// The rows are written straight into the demo's saved state (IndexedDB "stockscan-demo"), the way
// the simulation persists itself, so filling takes a second instead of 10,000 scans.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const DIST = resolve(args.dist ?? 'dist');
const ROWS = Number(args.rows ?? 10_000);
const PORT = Number(args.port ?? 4392);
const RUNS = Number(args.runs ?? 5);
const BASE = `http://127.0.0.1:${PORT}`;

function startPreview() {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  return child;
}

async function waitFor(url, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p90: q(0.9), min: s[0], max: s[s.length - 1] };
};
const fmt = (ms) => `${ms.toFixed(0)} ms`;

async function signedIn(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000 });
  await page.getByTestId('connection-indicator').filter({ hasText: 'admin' }).waitFor({ timeout: 60_000 });
}

/** Enable storage, make one scan (so the demo saves its state), then put ROWS rows into the saved state. */
async function fill(page, rows) {
  return page.evaluate(async (rows) => {
    const t = await fetch('/api/user/token/', { headers: { Authorization: `Basic ${btoa('admin:inventree')}` } });
    const { token } = await t.json();
    const h = { Authorization: `Token ${token}`, 'Content-Type': 'application/json' };
    await fetch('/api/settings/global/BARCODE_RESULTS_MAX_NUM/', {
      method: 'PATCH',
      headers: h,
      body: JSON.stringify({ value: rows + 1000 }),
    });
    await fetch('/api/settings/global/BARCODE_STORE_RESULTS/', {
      method: 'PATCH',
      headers: h,
      body: JSON.stringify({ value: true }),
    });
    await fetch('/api/barcode/', { method: 'POST', headers: h, body: JSON.stringify({ barcode: '{"stockitem": 2}' }) });
    await new Promise((r) => setTimeout(r, 1500));
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open('stockscan-demo');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const tx = (mode) => db.transaction('simulation', mode).objectStore('simulation');
    const saved = await new Promise((ok, fail) => {
      const req = tx('readonly').get('state');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    if (!saved) throw new Error('the demo did not save its state');
    const endpoints = [
      '/api/barcode/',
      '/api/barcode/po-receive/',
      '/api/barcode/so-allocate/',
      '/api/barcode/po-allocate/',
      '/api/barcode/link/',
    ];
    const start = Date.now() - rows * 60_000;
    const out = [];
    for (let i = 1; i <= rows; i++) {
      const ok = i % 3 !== 0;
      const data = ok ? `{"stockitem": ${(i % 900) + 2}}` : `UNKNOWN-${i % 97}`;
      out.push({
        pk: i,
        data,
        timestamp: start + i * 60_000,
        endpoint: endpoints[i % endpoints.length],
        context: i % 5 === 2 ? { sales_order: String(i % 7), shipment: 'None' } : {},
        response: ok
          ? {
              stockitem: `{'pk': ${(i % 900) + 2}, 'api_url': '/api/stock/${(i % 900) + 2}/', 'web_url': '/stock/item/${(i % 900) + 2}/'}`,
              plugin: 'InvenTreeBarcode',
              barcode_data: data,
              barcode_hash: 'f'.repeat(32),
              success: 'Match found for barcode data',
            }
          : {
              plugin: 'None',
              barcode_data: data,
              barcode_hash: '0'.repeat(32),
              error: 'No match found for barcode data',
            },
        result: ok,
        user: (i % 4) + 1,
      });
    }
    saved.state.tables.history = { nextPk: rows + 1, rows: out };
    await new Promise((ok, fail) => {
      const req = tx('readwrite').put(saved, 'state');
      req.onsuccess = () => ok();
      req.onerror = () => fail(req.error);
    });
    return out.length;
  }, rows);
}

const summary = (page) => page.locator('.mantine-datatable-pagination-text');

async function timeUntilSummary(page, action, expected) {
  const t0 = performance.now();
  const seen = [];
  const onRequest = (r) => {
    if (r.url().includes('/api/'))
      seen.push(
        `${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search} @${Math.round(performance.now() - t0)}`,
      );
  };
  if (process.env.HISTORY_DEBUG) page.on('request', onRequest);
  await action();
  try {
    await summary(page).filter({ hasText: expected }).waitFor({ timeout: 60_000 });
  } catch (error) {
    const seen = await summary(page)
      .allTextContents()
      .catch(() => []);
    await page.screenshot({ path: 'history-bench-failure.png' }).catch(() => undefined);
    throw new Error(
      `expected the table summary to show "${expected}", it shows ${JSON.stringify(seen)} (history-bench-failure.png)`,
      { cause: error },
    );
  }
  await page.locator('[data-testid=history-table] tr:has(td)').first().waitFor();
  if (process.env.HISTORY_DEBUG) {
    page.off('request', onRequest);
    console.log(`  ${expected}: ${Math.round(performance.now() - t0)} ms; requests: ${seen.join(', ')}`);
  }
  return performance.now() - t0;
}

async function main() {
  const preview = startPreview();
  try {
    await waitFor(BASE);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, baseURL: BASE });
    const page = await context.newPage();
    await page.goto('/history');
    await signedIn(page);
    const t0 = performance.now();
    const written = await fill(page, ROWS);
    console.log(
      `filled ${written.toLocaleString('en')} history rows into the demo state in ${fmt(performance.now() - t0)}`,
    );
    const total = ROWS.toLocaleString('en');

    const results = {};
    const record = (name, ms) => (results[name] ??= []).push(ms);

    for (let run = 0; run < RUNS; run++) {
      // Cold: a fresh load of /history (app, demo boot with 10k rows from IndexedDB, sign-in, first query).
      record('first page, cold load', await timeUntilSummary(page, () => page.goto('/history'), `of ${total}`));
      // Warm: leave and come back inside the app.
      await page.getByRole('link', { name: 'Scan', exact: true }).first().click();
      record(
        'first page, open again',
        await timeUntilSummary(page, () => page.getByRole('link', { name: 'History' }).first().click(), `of ${total}`),
      );
      const cdp = process.env.HISTORY_PROFILE ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      record(
        'next page',
        await timeUntilSummary(page, () => page.getByRole('button', { name: '2', exact: true }).click(), '26–50'),
      );
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        const self = new Map();
        const dt = profile.timeDeltas;
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        profile.samples.forEach((id, i) => {
          const n = byId.get(id);
          const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
          self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
        });
        console.log(
          [...self.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 25)
            .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
            .join('\n'),
        );
      }
      const lastPage = Math.ceil(ROWS / 25);
      record(
        'last page',
        await timeUntilSummary(
          page,
          () => page.getByRole('button', { name: String(lastPage), exact: true }).click(),
          `of ${total}`,
        ),
      );
      record(
        'sort by user',
        await timeUntilSummary(page, () => page.getByRole('button', { name: /^User/ }).click(), `1–25 of ${total}`),
      );
      record(
        'filter: failed',
        await timeUntilSummary(
          page,
          () => page.getByTestId('history-result-filter').getByText('Failed').click(),
          '1–25 of',
        ),
      );
      await page.getByTestId('history-result-filter').getByText('All').click();
      await summary(page)
        .filter({ hasText: `of ${total}` })
        .waitFor();
      record(
        'page size 100',
        await timeUntilSummary(
          page,
          async () => {
            await page.getByRole('button', { name: '25', exact: true }).click();
            await page.getByRole('menuitem', { name: '100', exact: true }).click();
          },
          `1–100 of ${total}`,
        ),
      );
      record(
        'client text filter (2,000-row window)',
        await timeUntilSummary(page, () => page.getByTestId('history-text-filter').fill('UNKNOWN-5'), 'of'),
      );
    }

    const api = await page.evaluate(async (runs) => {
      const t = await fetch('/api/user/token/', { headers: { Authorization: `Basic ${btoa('admin:inventree')}` } });
      const { token } = await t.json();
      const h = { Authorization: `Token ${token}` };
      const out = {};
      const q = {
        'limit=25&offset=0': [],
        'limit=25&offset=5000': [],
        'limit=100&offset=0&ordering=user': [],
        'limit=2000&offset=0&result=false': [],
      };
      for (let i = 0; i < runs; i++) {
        for (const k of Object.keys(q)) {
          const t0 = performance.now();
          const r = await fetch(`/api/barcode/history/?${k}`, { headers: h });
          await r.json();
          q[k].push(performance.now() - t0);
        }
      }
      for (const [k, v] of Object.entries(q)) out[k] = v;
      return out;
    }, RUNS);

    console.log(`\nHistory page with ${total} rows (demo simulation in Chromium, ${RUNS} runs; median / p90 / max)`);
    for (const [name, xs] of Object.entries(results)) {
      const s = stats(xs);
      console.log(
        `  ${name.padEnd(40)} ${fmt(s.median).padStart(8)} / ${fmt(s.p90).padStart(8)} / ${fmt(s.max).padStart(8)}`,
      );
    }
    console.log('\nGET /api/barcode/history/ through the service worker (median / p90)');
    for (const [k, xs] of Object.entries(api)) {
      const s = stats(xs);
      console.log(`  ?${k.padEnd(38)} ${fmt(s.median).padStart(8)} / ${fmt(s.p90).padStart(8)}`);
    }
    await browser.close();
  } finally {
    try {
      process.kill(-preview.pid);
    } catch {
      /* already gone */
    }
  }
}

await main();
