#!/usr/bin/env node
// Decoder benchmark: every image of FOLDER/manifest.json through the app's own scanner code
// (decoder client → Web Worker → strategy → engines) in headless Chromium.
//
//   npm run bench:decode -- [--dir FOLDER | --generated] [--engine NAME] [--json FILE] [--extra-negatives DIR]
//
// FOLDER defaults to ../shared/barcode-images (relative to the project) when present.
// --generated uses the generated 1D set (gen/generate1d.mjs; made on first use, then cached).
// --engine runs one strategy (adaptive | zxing-wasm | zxing-js); without it all run side by
// side. --extra-negatives (default e2e/fixtures/negatives-extra) is a second manifest of
// barcode-free images whose false positives are reported separately.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium, percentile, startStaticServer } from './benchHarness.mjs';
import { ensureGenerated } from './gen/generate1d.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');

function parseArgs(argv) {
  const args = {
    dir: null,
    engine: null,
    json: null,
    extraNegatives: undefined,
    maxFrames: 16,
    generated: false,
    only: null,
    byFolder: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--dir') args.dir = next();
    else if (a === '--engine') args.engine = next();
    else if (a === '--json') args.json = next();
    else if (a === '--extra-negatives') args.extraNegatives = next();
    else if (a === '--no-extra-negatives') args.extraNegatives = null;
    else if (a === '--max-frames') args.maxFrames = Number(next());
    else if (a === '--generated') args.generated = true;
    // A subset while tuning: only images whose file path contains this text.
    else if (a === '--only') args.only = next();
    // A table per top-level folder of the manifest's files (e.g. per ZXing source folder).
    else if (a === '--by-folder') args.byFolder = true;
    else if (a === '--help' || a === '-h') {
      console.log(
        'usage: npm run bench:decode -- [--dir FOLDER | --generated] [--engine adaptive|zxing-wasm|zxing-js] [--only TEXT] [--by-folder] [--json FILE] [--extra-negatives DIR|--no-extra-negatives]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/**
 * A retail code read with the EAN-2/EAN-5 add-on printed beside it: the app reports the add-on's
 * digits after the main ones (as scanner guns do), while ZXing's test texts hold the main code only.
 */
const RETAIL = new Set(['EAN_13', 'EAN_8', 'UPC_A', 'UPC_E']);
function withAddOn(img, text) {
  return (
    RETAIL.has(img.format) &&
    typeof text === 'string' &&
    text.startsWith(img.expected_text) &&
    /^(\d{2}|\d{5})$/.test(text.slice(img.expected_text.length))
  );
}

function loadManifest(dir) {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(manifest.images)) throw new Error(`${file}: no images[]`);
  return manifest.images;
}

const fmtMs = (v) => (Number.isFinite(v) ? v.toFixed(1) : '-');

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function runFolder(page, urlPrefix, images, strategy, maxFrames, onProgress) {
  const results = [];
  for (const [i, img] of images.entries()) {
    const r = await page.evaluate(
      ([url, s, mf]) => window.stockscanBench.decodeImage(url, s, mf),
      [urlPrefix + img.file.split('/').map(encodeURIComponent).join('/'), strategy, maxFrames],
    );
    const expected = img.expected_text ?? null;
    const verdict =
      img.format === null
        ? r.text === null
          ? 'ok-empty'
          : 'false-positive'
        : r.text === null
          ? 'missed'
          : r.text === expected || withAddOn(img, r.text)
            ? 'decoded'
            : 'wrong';
    results.push({
      strategy,
      file: img.file,
      format: img.format,
      expected,
      degradation: img.degradation ?? null,
      text: r.text,
      readFormat: r.format,
      engine: r.engine,
      ms: r.ms,
      frames: r.frames,
      passes: r.passes,
      verdict,
    });
    onProgress?.(i + 1, images.length);
  }
  return results;
}

/** Decoded, wrong and false positives per top-level folder of the manifest's file paths. */
function folderLines(results) {
  const folders = new Map();
  for (const r of results) {
    const f = r.file.includes('/') ? r.file.slice(0, r.file.indexOf('/')) : '.';
    if (!folders.has(f)) folders.set(f, []);
    folders.get(f).push(r);
  }
  const lines = [`${'folder'.padEnd(18)} ${'decoded'.padStart(9)} ${'wrong'.padStart(6)} ${'FP'.padStart(6)}`];
  for (const [f, rows] of folders) {
    const pos = rows.filter((r) => r.format !== null);
    const neg = rows.filter((r) => r.format === null);
    const ok = pos.filter((r) => r.verdict === 'decoded').length;
    const wrong = pos.filter((r) => r.verdict === 'wrong').length;
    const fp = neg.filter((r) => r.verdict === 'false-positive').length;
    lines.push(
      `${f.padEnd(18)} ${(pos.length ? `${ok}/${pos.length}` : '-').padStart(9)} ${String(wrong).padStart(6)} ${(neg.length ? `${fp}/${neg.length}` : '-').padStart(6)}`,
    );
  }
  return lines;
}

function report(strategy, results, extra, byFolder = false) {
  const lines = [];
  const positives = results.filter((r) => r.format !== null);
  const negatives = results.filter((r) => r.format === null);
  const formats = [...new Set(positives.map((r) => r.format))];
  lines.push(`\n== ${strategy} ==`);
  lines.push(
    `${'format'.padEnd(12)} ${'decoded'.padStart(9)} ${'wrong'.padStart(6)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)}`,
  );
  for (const f of formats) {
    const rows = positives.filter((r) => r.format === f);
    const ok = rows.filter((r) => r.verdict === 'decoded').length;
    const wrong = rows.filter((r) => r.verdict === 'wrong').length;
    const t = stats(rows.map((r) => r.ms));
    lines.push(
      `${f.padEnd(12)} ${`${ok}/${rows.length}`.padStart(9)} ${String(wrong).padStart(6)} ${fmtMs(t.median).padStart(10)} ${fmtMs(t.p95).padStart(8)}`,
    );
  }
  const degradations = [...new Set(results.map((r) => r.degradation).filter((d) => d !== null && d !== 'negative'))];
  if (degradations.length > 0) {
    lines.push(`${'degradation'.padEnd(12)} ${'decoded'.padStart(9)} ${'rate'.padStart(7)} ${'wrong'.padStart(6)}`);
    for (const d of degradations) {
      const rows = positives.filter((r) => r.degradation === d);
      const ok = rows.filter((r) => r.verdict === 'decoded').length;
      const wrong = rows.filter((r) => r.verdict === 'wrong').length;
      lines.push(
        `${d.padEnd(12)} ${`${ok}/${rows.length}`.padStart(9)} ${`${((100 * ok) / rows.length).toFixed(1)}%`.padStart(7)} ${String(wrong).padStart(6)}`,
      );
    }
  }
  if (byFolder) lines.push(...folderLines(results));
  for (const r of positives.filter((x) => x.verdict === 'decoded' && x.text !== x.expected)) {
    lines.push(
      `  with its add-on: ${r.file}: ${JSON.stringify(r.text)} (${r.readFormat}), main code ${JSON.stringify(r.expected)}`,
    );
  }
  for (const r of positives.filter((x) => x.verdict === 'wrong')) {
    lines.push(
      `  wrong read: ${r.file}: got ${JSON.stringify(r.text)} (${r.readFormat}), expected ${JSON.stringify(r.expected)}`,
    );
  }
  const fp = negatives.filter((r) => r.verdict === 'false-positive');
  const tn = stats(negatives.map((r) => r.ms));
  lines.push(
    `no-barcode images: false positives ${fp.length}/${negatives.length}, median ${fmtMs(tn.median)} ms p95 ${fmtMs(tn.p95)} ms (all passes tried)`,
  );
  for (const r of fp) lines.push(`  false positive: ${r.file}: ${JSON.stringify(r.text)} (${r.readFormat})`);
  let extraFp = null;
  if (extra) {
    extraFp = extra.filter((r) => r.verdict === 'false-positive');
    lines.push(`own barcode-free images (${extra.dir}): false positives ${extraFp.length}/${extra.length}`);
    for (const r of extraFp) lines.push(`  false positive: ${r.file}: ${JSON.stringify(r.text)} (${r.readFormat})`);
  }
  const ok = positives.filter((r) => r.verdict === 'decoded').length;
  const wrong = positives.filter((r) => r.verdict === 'wrong').length;
  const t = stats(positives.map((r) => r.ms));
  const pct = positives.length ? (100 * ok) / positives.length : 0;
  const summary = `decoded ${ok}/${positives.length} (${pct.toFixed(1)}%) wrong ${wrong} false-positives ${fp.length}/${negatives.length} median ${fmtMs(t.median)} ms p95 ${fmtMs(t.p95)} ms`;
  return {
    lines,
    summary,
    row: {
      strategy,
      ok,
      total: positives.length,
      pct,
      wrong,
      fp: fp.length,
      negatives: negatives.length,
      extraFp: extraFp?.length ?? null,
      extraTotal: extra?.length ?? null,
      median: t.median,
      p95: t.p95,
    },
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const defaultDir = path.resolve(project, '../shared/barcode-images');
  const dir = args.generated ? ensureGenerated() : path.resolve(args.dir ?? defaultDir);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`no manifest.json in ${dir} (pass --dir FOLDER)`);
  }
  const extraDefault = path.join(project, 'e2e/fixtures/negatives-extra');
  const extraDir = args.extraNegatives === null ? null : path.resolve(args.extraNegatives ?? extraDefault);
  const hasExtra = extraDir !== null && fs.existsSync(path.join(extraDir, 'manifest.json'));

  const outDir = path.join(project, 'e2e/.out/bench-dist');
  await build({ configFile: path.join(here, 'vite.bench.config.ts'), logLevel: 'error' });

  const keep = (img) => !args.only || img.file.includes(args.only);
  const images = loadManifest(dir).filter(keep);
  const extraImages = hasExtra ? loadManifest(extraDir).filter(keep) : [];
  const server = await startStaticServer(
    outDir,
    hasExtra ? { '/images/': dir, '/extra/': extraDir } : { '/images/': dir },
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('bench page error:', e.message));
    await page.goto(`${server.origin}/bench.html`);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const { strategies, defaultStrategy } = await page.evaluate(() => ({
      strategies: window.stockscanBench.strategies,
      defaultStrategy: window.stockscanBench.defaultStrategy,
    }));
    let toRun;
    if (args.engine) {
      if (!strategies.includes(args.engine))
        throw new Error(`unknown --engine ${args.engine}; one of ${strategies.join(', ')}`);
      toRun = [args.engine];
    } else {
      // Baselines first, the chosen default last (its summary line ends the output).
      toRun = [...strategies.filter((s) => s !== defaultStrategy).reverse(), defaultStrategy];
    }
    console.log(
      `decode benchmark: ${images.length} images from ${dir}${hasExtra ? ` + ${extraImages.length} from ${extraDir}` : ''}`,
    );
    // Times are wall-clock in the worker: on a shared machine they grow with the load.
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} CPUs`,
    );
    const all = [];
    const reports = [];
    for (const s of toRun) {
      const progress = (i, n) => {
        if (i % 50 === 0 || i === n) process.stderr.write(`${s}: ${i}/${n}\n`);
      };
      const results = await runFolder(page, `${server.origin}/images/`, images, s, args.maxFrames, progress);
      let extra = null;
      if (hasExtra) {
        extra = await runFolder(page, `${server.origin}/extra/`, extraImages, s, args.maxFrames, progress);
        extra.dir = path.relative(project, extraDir) || extraDir;
      }
      all.push(...results, ...(extra ?? []).map((r) => ({ ...r, set: 'extra-negatives' })));
      const rep = report(s, results, extra, args.byFolder);
      reports.push(rep);
      console.log(rep.lines.join('\n'));
      console.log(rep.summary);
    }
    if (reports.length > 1) {
      console.log('\n== side by side ==');
      console.log(
        `${'strategy'.padEnd(12)} ${'decoded'.padStart(14)} ${'wrong'.padStart(6)} ${'FP'.padStart(6)} ${'own FP'.padStart(7)} ${'median'.padStart(7)} ${'p95'.padStart(7)}`,
      );
      for (const { row: r } of reports) {
        console.log(
          `${r.strategy.padEnd(12)} ${`${r.ok}/${r.total} ${r.pct.toFixed(1)}%`.padStart(14)} ${String(r.wrong).padStart(6)} ${`${r.fp}/${r.negatives}`.padStart(6)} ${(r.extraFp === null ? '-' : `${r.extraFp}/${r.extraTotal}`).padStart(7)} ${fmtMs(r.median).padStart(7)} ${fmtMs(r.p95).padStart(7)}`,
        );
      }
      for (const rep of reports) console.log(`${rep.row.strategy.padEnd(12)} ${rep.summary}`);
    }
    if (args.json) {
      fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
      fs.writeFileSync(
        args.json,
        JSON.stringify({ dir, strategies: toRun, results: all, summary: reports.map((r) => r.row) }, null, 1),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
