#!/usr/bin/env node
// Tuning aid: ad-hoc pass specs (a JSON array of PassSpec) on several images, every raw read
// (before the guard) with its line count and the time of the pass (main thread, dev build).
//   node e2e/bench/tryPasses.mjs SPECS.json IMAGE...   (NO_BUILD=1 reuses the last bench build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startStaticServer, launchChromium } from './benchHarness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');
const [specFile, ...files] = process.argv.slice(2);
if (!specFile || files.length === 0) throw new Error('usage: node e2e/bench/tryPasses.mjs SPECS.json IMAGE...');
const specs = JSON.parse(fs.readFileSync(specFile, 'utf8'));
if (!process.env.NO_BUILD) await build({ configFile: path.join(here, 'vite.bench.config.ts'), logLevel: 'error' });
// Each image's folder is served under its own prefix (nothing else of the disk is).
const dirs = [...new Set(files.map((f) => path.dirname(path.resolve(f))))];
const server = await startStaticServer(
  path.join(project, 'e2e/.out/bench-dist'),
  Object.fromEntries(dirs.map((d, i) => [`/img${i}/`, d])),
);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/bench.html`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  for (const file of files) {
    const dir = dirs.indexOf(path.dirname(path.resolve(file)));
    const url = `${server.origin}/img${dir}/${encodeURIComponent(path.basename(file))}`;
    for (const spec of specs) {
      const t0 = Date.now();
      const reads = await page.evaluate(([u, s]) => window.stockscanBench.inspectPass(u, s), [url, spec]);
      const txt = reads.map((r) => `${r.format}:${r.text}(l${r.lineCount})`).join(' ');
      console.log(
        `${path.basename(file).padEnd(24)} ${spec.id.padEnd(20)} ${String(Date.now() - t0).padStart(5)}ms ${txt}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
