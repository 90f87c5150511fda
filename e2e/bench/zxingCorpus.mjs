#!/usr/bin/env node
// A validation set from ZXing's public blackbox corpus: the photos of the symbologies StockScan
// reads that the shared set (../shared/barcode-images) did not sample, plus ZXing's two
// barcode-free folders. Tuning on the shared set alone overfits it; this set checks a change on
// images no one tuned for. The images are not committed (Apache-2.0, ~100 MB): they are copied
// from a zxing/zxing git checkout (a bare git dir is enough) into OUT with a manifest.json in the
// shared set's format, for `npm run bench:decode -- --dir OUT`.
//
//   node e2e/bench/zxingCorpus.mjs --repo ZXING_GIT_DIR [--out DIR] [--shared DIR]
//
// OUT defaults to e2e/.out/zxing-validation, --shared to ../shared/barcode-images.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const project = path.resolve(here, '../..');
const BASE = 'core/src/test/resources/blackbox';

/** Source folder → ZXing format name (null: barcode-free). Folders of formats the app reads. */
export const FOLDERS = {
  'ean13-1': 'EAN_13',
  'ean13-2': 'EAN_13',
  'ean13-3': 'EAN_13',
  'ean13-4': 'EAN_13',
  'ean13-5': 'EAN_13',
  'ean8-1': 'EAN_8',
  'upca-1': 'UPC_A',
  'upca-2': 'UPC_A',
  'upca-3': 'UPC_A',
  'upca-4': 'UPC_A',
  'upca-5': 'UPC_A',
  'upca-6': 'UPC_A',
  'upce-1': 'UPC_E',
  'upce-2': 'UPC_E',
  'upce-3': 'UPC_E',
  'itf-1': 'ITF',
  'itf-2': 'ITF',
  'code39-1': 'CODE_39',
  'code39-2': 'CODE_39',
  'code39-3': 'CODE_39',
  'code93-1': 'CODE_93',
  'code128-1': 'CODE_128',
  'code128-2': 'CODE_128',
  'code128-3': 'CODE_128',
  'codabar-1': 'CODABAR',
  'qrcode-1': 'QR_CODE',
  'qrcode-2': 'QR_CODE',
  'qrcode-3': 'QR_CODE',
  'qrcode-4': 'QR_CODE',
  'qrcode-5': 'QR_CODE',
  'qrcode-6': 'QR_CODE',
  'datamatrix-1': 'DATA_MATRIX',
  'datamatrix-2': 'DATA_MATRIX',
  'datamatrix-3': 'DATA_MATRIX',
  'pdf417-1': 'PDF_417',
  'pdf417-2': 'PDF_417',
  'pdf417-3': 'PDF_417',
  'aztec-1': 'AZTEC',
  'aztec-2': 'AZTEC',
  falsepositives: null,
  'falsepositives-2': null,
};

function parseArgs(argv) {
  const args = { repo: null, out: path.join(project, 'e2e/.out/zxing-validation'), shared: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--repo') args.repo = v;
    else if (a === '--out') args.out = v;
    else if (a === '--shared') args.shared = v;
    else throw new Error(`unknown argument ${a}`);
    i++;
  }
  if (!args.repo)
    throw new Error('usage: node e2e/bench/zxingCorpus.mjs --repo ZXING_GIT_DIR [--out DIR] [--shared DIR]');
  return args;
}

const git = (repo, ...a) => execFileSync('git', ['-C', repo, ...a], { maxBuffer: 1 << 28 });

function main() {
  const args = parseArgs(process.argv.slice(2));
  const sharedDir = path.resolve(args.shared ?? path.join(project, '../shared/barcode-images'));
  const shared = JSON.parse(fs.readFileSync(path.join(sharedDir, 'manifest.json'), 'utf8')).images;
  // Only zxing/zxing's paths: the shared set's other sources cannot collide with this corpus.
  const taken = new Set(shared.filter((i) => i.source_repo === 'zxing/zxing').map((i) => i.source_path));
  const commit = git(args.repo, 'rev-parse', 'HEAD').toString().trim();
  const out = path.resolve(args.out);
  fs.mkdirSync(out, { recursive: true });
  const images = [];
  const counts = {};
  for (const [folder, format] of Object.entries(FOLDERS)) {
    const listing = git(args.repo, 'ls-tree', '--name-only', 'HEAD', `${BASE}/${folder}/`)
      .toString()
      .trim()
      .split('\n');
    const names = new Set(listing.map((p) => p.slice(p.lastIndexOf('/') + 1)));
    let n = 0;
    for (const p of listing) {
      const name = p.slice(p.lastIndexOf('/') + 1);
      const m = /^(.+)\.(png|jpe?g|gif)$/i.exec(name);
      if (!m || taken.has(p)) continue;
      // An image without its text (e.g. one part of a multi-symbol PDF417) cannot be judged.
      if (format !== null && !names.has(`${m[1]}.txt`)) continue;
      const file = `${folder}/${name}`;
      fs.mkdirSync(path.join(out, folder), { recursive: true });
      fs.writeFileSync(path.join(out, file), git(args.repo, 'show', `HEAD:${p}`));
      images.push({
        file,
        format,
        expected_text:
          format === null ? null : git(args.repo, 'show', `HEAD:${BASE}/${folder}/${m[1]}.txt`).toString('utf8'),
        source_repo: 'zxing/zxing',
        source_path: p,
        source_commit: commit,
      });
      n++;
    }
    counts[folder] = n;
  }
  const manifest = {
    description: `ZXing blackbox photos not in ${sharedDir} (made by e2e/bench/zxingCorpus.mjs)`,
    licence: 'Apache-2.0 (zxing/zxing test resources)',
    sources: { 'zxing/zxing': { commit, base: BASE } },
    images,
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  console.log(
    Object.entries(counts)
      .map(([f, n]) => `${f}:${n}`)
      .join(' '),
  );
  console.log(`${images.length} images (${images.filter((i) => i.format === null).length} barcode-free) in ${out}`);
}

main();
