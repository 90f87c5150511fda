/**
 * First visit to the demo on a slow connection: how long from opening /scan until the demo has
 * signed in (the header names the user). Each run is a fresh browser profile (no service worker,
 * no cache). The build is served through one slow link shared by the page and its service worker
 * (DevTools throttling would slow the page's requests only).
 *
 *   npx vite build && node e2e/bench/firstVisitBench.mjs [--dist dist] [--runs 3] [--kbps 1600] [--rtt 150]
 *
 * Prints the median and every run.
 */
import { launchChromium, percentile, startStaticServer } from './benchHarness.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const dist = arg('--dist', 'dist');
const runs = Number(arg('--runs', '3'));
const kbps = Number(arg('--kbps', '1600'));
const rtt = Number(arg('--rtt', '150'));

const server = await startStaticServer(dist, {}, { spa: true, link: { kbps, rttMs: rtt } });
const browser = await launchChromium();
const times = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  // A gun station: the camera is not part of what is measured.
  await context.addInitScript(() =>
    localStorage.setItem('stockscan.scanner.v1', JSON.stringify({ cameraOnOpen: false })),
  );
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${server.origin}/scan`);
  await page.getByTestId('connection-indicator').filter({ hasText: 'admin' }).waitFor({ timeout: 120_000 });
  times.push(Date.now() - started);
  await context.close();
  await server.linkIdle();
}
await browser.close();
await server.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `first visit to the demo, ${kbps} kbit/s, ${rtt} ms RTT: median ${percentile(sorted, 50)} ms (runs: ${times.join(', ')} ms)`,
);
