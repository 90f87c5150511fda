#!/usr/bin/env node
// Tuning aid: every raw read (before the guard) of the adaptive plan's passes and their
// confirmation passes on one image, with frame corners and the bar-shape measures.
//   node e2e/bench/inspect.mjs IMAGE [PASS_ID...]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startStaticServer, launchChromium } from './benchHarness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');
const [file, ...only] = process.argv.slice(2);
// A pass spec as JSON instead of pass ids tries an ad-hoc pass.
const adHoc = only.length === 1 && only[0].startsWith('{') ? JSON.parse(only[0]) : null;
if (!file) throw new Error('usage: node e2e/bench/inspect.mjs IMAGE [PASS_ID...]');
await build({ configFile: path.join(here, 'vite.bench.config.ts'), logLevel: 'error' });
const server = await startStaticServer(path.join(project, 'e2e/.out/bench-dist'), {
  '/img/': path.dirname(path.resolve(file)),
});
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/bench.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  const out = adHoc
    ? [
        {
          pass: adHoc.id,
          reads: await page.evaluate(
            ([url, spec]) => window.stockscanBench.inspectPass(url, spec),
            [`${server.origin}/img/${encodeURIComponent(path.basename(file))}`, adHoc],
          ),
        },
      ]
    : await page.evaluate(
        async ([url, ids]) => window.stockscanBench.inspectAll(url, ids),
        [`${server.origin}/img/${encodeURIComponent(path.basename(file))}`, only],
      );
  for (const row of out) console.log(JSON.stringify(row));
} finally {
  await browser.close();
  await server.close();
}
