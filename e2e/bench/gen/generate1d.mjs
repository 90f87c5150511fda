#!/usr/bin/env node
// Generates the harder 1D benchmark set: EAN-13, EAN-8, UPC-A, UPC-E, ITF and Code 39 labels
// with known text, each degraded one way a phone camera does (blur, motion blur, perspective,
// low resolution, JPEG artefacts, glare, curvature; plus a few clean ones), and barcode-free
// frames (stripes, textures, text, torn codes). Deterministic: the same files on every machine.
//
//   node e2e/bench/gen/generate1d.mjs [--out DIR] [--per N]
//
// Default output e2e/.out/generated-1d (manifest.json in the bench's format, with a
// `degradation` per image). Pure Node + bwip-js: no ImageMagick, no ffmpeg.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYMBOLOGIES, renderLabel } from './labels.mjs';
import { FRAME_H, FRAME_W, background, camera, lighting, placeLabel } from './scene.mjs';
import { gaussianBlur, encodePng, jpegArtefacts, motionBlur, prng, resize } from './raster.mjs';
import { NEGATIVE_KINDS, renderNegative } from './negatives.mjs';

/** Bump when the images change, so cached sets are regenerated. */
export const GENERATOR_VERSION = 1;

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = path.resolve(here, '../../.out/generated-1d');

export const DEGRADATIONS = ['clean', 'blur', 'motion', 'perspective', 'lowres', 'jpeg', 'glare', 'curvature'];

/** Module size (frame px per module) and geometry for one degraded image. */
function geometry(kind, rng, modulesWide) {
  const fit = (FRAME_W * (kind === 'perspective' ? 0.7 : 0.85)) / modulesWide;
  const ranges = {
    clean: [2, 4],
    blur: [2, 3.5],
    motion: [2.5, 4],
    perspective: [2, 3.5],
    lowres: [1.8, 3],
    jpeg: [1.5, 2.6],
    glare: [2, 3.5],
    curvature: [2.2, 3.5],
  };
  const [lo, hi] = ranges[kind];
  const module = Math.min(rng.range(lo, hi), fit);
  const g = {
    cx: FRAME_W / 2 + rng.range(-40, 40),
    cy: FRAME_H / 2 + rng.range(-30, 30),
    module,
    angle: rng.range(-0.08, 0.08),
    tiltX: 0,
    tiltY: 0,
    radius: 0,
  };
  if (kind === 'perspective') {
    // Up to ~45° of tilt: one end of the code up to twice as big as the other.
    const codePx = modulesWide * module;
    g.tiltX = ((rng.next() < 0.5 ? -1 : 1) * rng.range(0.5, 1.1)) / codePx;
    g.tiltY = rng.range(-0.6, 0.6) / (codePx * 0.8);
    g.angle = rng.range(-0.3, 0.3);
  }
  if (kind === 'curvature') {
    // The code spans up to ±70° of the cylinder.
    const half = (modulesWide * module) / 2;
    g.radius = half / rng.range(0.75, 1.2);
  }
  return g;
}

function degradedLabel(format, index, kind) {
  const rng = prng(0x1d0000 + index * 7919 + DEGRADATIONS.indexOf(kind) * 104729);
  const sym = SYMBOLOGIES[format];
  const [printText, expected] = sym.text(rng);
  const paper = rng.range(200, 248);
  const ink = rng.range(10, 70);
  const label = renderLabel(format, printText, { paper, ink, extraText: rng.next() < 0.5 ? 'PART 10K 0603' : null });
  const modulesWide = label.img.width / 6;
  const g = geometry(kind, rng, modulesWide);
  let frame = background(rng);
  const scale = g.module / 6;
  placeLabel(frame, label.img, { ...g, scale });
  let glare = null;
  if (kind === 'glare') {
    const codeW = label.bars.width * scale;
    glare = {
      x: g.cx + rng.range(-0.35, 0.35) * codeW,
      y: g.cy + rng.range(-20, 20),
      sx: codeW * rng.range(0.06, 0.2),
      sy: rng.range(30, 90),
      amount: rng.range(150, 300),
    };
  }
  lighting(frame, rng, glare);
  const params = { module: +g.module.toFixed(2), angle: +g.angle.toFixed(3) };
  if (kind === 'blur') {
    params.sigma = +(g.module * rng.range(0.45, 0.95)).toFixed(2);
    frame = gaussianBlur(frame, params.sigma);
  } else if (kind === 'motion') {
    params.length = +(g.module * rng.range(1, 2.6)).toFixed(1);
    params.direction = +(g.angle + rng.range(-0.5, 0.5)).toFixed(2);
    frame = motionBlur(frame, params.length, params.direction);
  }
  frame = camera(frame, rng, { blur: kind === 'lowres' ? 0.35 : 0.5, noise: rng.range(1.5, 4.5) });
  if (kind === 'jpeg') {
    params.quality = rng.int(8, 30);
    jpegArtefacts(frame, params.quality);
  } else {
    // Phones deliver JPEG-compressed or video frames: mild compression everywhere.
    jpegArtefacts(frame, 85);
  }
  if (kind === 'lowres') {
    // A distant label on a small preview: half-size frame shown at full size.
    const small = resize(frame, FRAME_W / 2, FRAME_H / 2);
    params.module = +(g.module / 2).toFixed(2);
    frame = small;
  }
  if (kind === 'perspective') Object.assign(params, { tiltX: +g.tiltX.toFixed(5), tiltY: +g.tiltY.toFixed(5) });
  if (kind === 'curvature') params.radius = Math.round(g.radius);
  if (glare) params.glare = Math.round(glare.amount);
  return { frame, expected, params };
}

function parseArgs(argv) {
  const a = { out: DEFAULT_OUT, per: 8, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') a.out = path.resolve(argv[++i]);
    else if (argv[i] === '--per') a.per = Number(argv[++i]);
    else if (argv[i] === '--quiet') a.quiet = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return a;
}

/** Generate the set into `out` unless a manifest of this generator version (and size) is there. */
export function ensureGenerated(out = DEFAULT_OUT, per = 8, log = console.log) {
  const manifestFile = path.join(out, 'manifest.json');
  if (fs.existsSync(manifestFile)) {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (m.generator_version === GENERATOR_VERSION && m.per === per) return out;
  }
  fs.mkdirSync(out, { recursive: true });
  const images = [];
  const t0 = Date.now();
  for (const format of Object.keys(SYMBOLOGIES)) {
    for (const kind of DEGRADATIONS) {
      for (let i = 0; i < per; i++) {
        const { frame, expected, params } = degradedLabel(format, i, kind);
        const file = `${kind}/${format.toLowerCase()}-${i}.png`;
        fs.mkdirSync(path.join(out, kind), { recursive: true });
        fs.writeFileSync(path.join(out, file), encodePng(frame));
        images.push({ file, format, expected_text: expected, degradation: kind, params });
      }
    }
    log(`generated ${format} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  fs.mkdirSync(path.join(out, 'negatives'), { recursive: true });
  for (const kind of NEGATIVE_KINDS) {
    for (let i = 0; i < kind.count; i++) {
      const frame = renderNegative(kind.name, prng(0x0e9a000 + NEGATIVE_KINDS.indexOf(kind) * 1000 + i), i);
      const file = `negatives/${kind.name}-${i}.png`;
      fs.writeFileSync(path.join(out, file), encodePng(frame));
      images.push({ file, format: null, expected_text: null, degradation: 'negative', params: { kind: kind.name } });
    }
  }
  log(`generated ${images.length} images in ${((Date.now() - t0) / 1000).toFixed(0)} s into ${out}`);
  fs.writeFileSync(
    manifestFile,
    JSON.stringify(
      {
        description:
          'Generated 1D labels (bwip-js) with camera-like degradations, and barcode-free frames; see e2e/bench/gen/generate1d.mjs.',
        generator_version: GENERATOR_VERSION,
        per,
        count: images.length,
        images,
      },
      null,
      1,
    ),
  );
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  ensureGenerated(args.out, args.per, args.quiet ? () => {} : console.log);
}
