#!/usr/bin/env node
// Scan-to-list latency of the Move page (/stock/move), on the built app in demo mode.
//
//   node e2e/bench/moveBench.mjs [--runs N] [--dist DIR]
//
// Serves the built app (dist/, build it first), sets the destination by URL (?location=14), then
// enters N stock item labels one after another through the scan field. For each: t0 = the Enter
// keydown that submits the label (a capture listener in the page), t1 = the moment that item's row
// shows "moved" in the list (a MutationObserver). The path measured: label parsed locally, item
// read (GET), transfer POSTed with its operation id, answer, row updated. Prints median and p95.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, percentile, startStaticServer } from './benchHarness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');

const args = { runs: 30, dist: path.join(project, 'dist') };
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--runs') args.runs = Number(process.argv[++i]);
  else if (process.argv[i] === '--dist') args.dist = path.resolve(process.argv[++i]);
  else throw new Error(`unknown argument ${process.argv[i]}`);
}

// In-stock, unserialized demo items outside location 14 (each moved once).
const ITEMS = [
  330, 231, 225, 1002, 995, 716, 717, 718, 714, 991, 715, 148, 720, 722, 719, 721, 168, 149, 724, 725, 723, 170, 151,
  150, 169, 727, 726, 728, 153, 152, 162, 163, 157, 731, 729, 732, 730, 164,
];

const server = await startStaticServer(args.dist, {}, { spa: true });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  // A scanner-gun station: the camera stays off.
  await context.addInitScript(() =>
    localStorage.setItem('stockscan.scanner.v1', JSON.stringify({ cameraOnOpen: false })),
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/stock/move?location=14`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 60_000 });
  await page.getByText('Scanner gun ready').waitFor({ timeout: 60_000 });
  const field = page.getByRole('textbox', { name: /barcode/i });
  const times = [];
  for (const pk of ITEMS.slice(0, args.runs)) {
    await page.evaluate((pk) => {
      window.__move = new Promise((resolve) => {
        let t0 = null;
        const onKey = (e) => {
          if (e.key === 'Enter') t0 = performance.now();
        };
        document.addEventListener('keydown', onKey, { capture: true, once: true });
        const done = () => document.querySelector(`[data-testid="move-row-${pk}"][data-status="moved"]`);
        const obs = new MutationObserver(() => {
          if (t0 !== null && done()) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-status'],
        });
      });
    }, pk);
    await field.fill(`INV-SI${pk}`);
    await field.press('Enter');
    times.push(await page.evaluate(() => window.__move));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const r = (n) => Math.round(n);
  console.log(`move scan → item moved in the list, ${times.length} runs (demo mode, desktop):`);
  console.log(
    `  median ${r(percentile(sorted, 50))} ms, p95 ${r(percentile(sorted, 95))} ms, min ${r(sorted[0])} ms, max ${r(sorted[sorted.length - 1])} ms`,
  );
} finally {
  await browser.close();
  await server.close();
}
