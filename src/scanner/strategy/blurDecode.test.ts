import bwipjs from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import { grayToRgba, type GrayImage } from '../imageOps.ts';
import { decodeBlurred } from './blurDecode.ts';
import { readProfile } from './blurLine.ts';
import { FrameStrategy } from './frameStrategy.ts';
import { ADAPTIVE_PLAN, type PassPlan } from './passPlans.ts';

/** Deterministic noise (a fixed LCG), so a failing case fails every time. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** The printed modules (1 = bar) of an EAN-13 / UPC-A, as bwip-js encodes it. */
function modules(bcid: 'ean13' | 'upca', text: string): number[] {
  const [sym] = bwipjs.raw(bcid, text, { includetext: false });
  if (!sym || !('sbs' in sym)) throw new Error('no bars');
  const out: number[] = [];
  sym.sbs.forEach((w, i) => {
    for (let k = 0; k < w; k++) out.push(i % 2 === 0 ? 1 : 0);
  });
  return out;
}

/** A 1D Gaussian kernel of `sigma` pixels (3 sigma each side). */
function gaussian(sigma: number): number[] {
  const r = Math.ceil(3 * sigma);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const s = k.reduce((a, b) => a + b, 0);
  return k.map((v) => v / s);
}

/**
 * A label photographed out of focus: the bars (`bars[i]` = 1 for a bar module) drawn at
 * `modulePx` on paper in a 320×200 grey scene, blurred with a Gaussian of `sigma` px both ways,
 * plus sensor noise of `noise` grey levels.
 */
function blurredLabel(bars: number[], modulePx: number, sigma: number, noise: number, seed = 7): GrayImage {
  const width = 320;
  const height = 200;
  const img = new Float64Array(width * height).fill(90);
  const x0 = Math.round((width - bars.length * modulePx) / 2);
  // Paper with quiet zones, then the bars over 110 rows.
  for (let y = 40; y < 160; y++)
    for (let x = x0 - 14 * modulePx; x < x0 + (bars.length + 14) * modulePx; x++) img[y * width + x] = 215;
  for (let y = 45; y < 155; y++)
    for (let x = 0; x < bars.length * modulePx; x++) {
      // Bars cover their modules' pixels in proportion (sub-pixel module widths).
      const m = bars[Math.floor(x / modulePx)]!;
      if (m) img[y * width + x0 + x] = 35;
    }
  const k = gaussian(sigma);
  const r = (k.length - 1) / 2;
  const tmp = new Float64Array(img.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += k[i + r]! * img[y * width + Math.min(width - 1, Math.max(0, x + i))]!;
      tmp[y * width + x] = s;
    }
  const rand = rng(seed);
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += k[i + r]! * tmp[Math.min(height - 1, Math.max(0, y + i)) * width + x]!;
      data[y * width + x] = Math.round(s + noise * (rand() + rand() + rand() - 1.5) * 2);
    }
  return { data, width, height };
}

/**
 * A label badly out of focus: `top` bars over the upper half, `bottom` over the lower (the same
 * code for a plain label), at `modulePx`, with printed digits under them, blurred by a defocus
 * disk of radius `disk` px (not a Gaussian: that is what a lens does) plus sensor noise.
 */
function defocusedLabel(top: number[], bottom: number[], modulePx: number, disk: number, seed = 5): GrayImage {
  const width = 320;
  const height = 200;
  const img = new Float64Array(width * height).fill(90);
  const x0 = Math.round((width - top.length * modulePx) / 2);
  for (let y = 30; y < 175; y++)
    for (let x = x0 - 12 * modulePx; x < x0 + (top.length + 12) * modulePx; x++) img[y * width + x] = 215;
  for (let y = 45; y < 150; y++) {
    const bars = y < 97 ? top : bottom;
    for (let x = 0; x < bars.length * modulePx; x++) if (bars[Math.floor(x / modulePx)]) img[y * width + x0 + x] = 35;
  }
  // The digits printed under the bars: blobs that spread the bars' activity past the guards.
  for (let d = 0; d < 13; d++)
    for (let y = 153; y < 165; y++)
      for (let x = 0; x < 4; x++) img[y * width + x0 - 10 + d * Math.round(7.3 * modulePx) + x] = 60;
  const r = Math.ceil(disk);
  const taps: [number, number][] = [];
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= disk * disk) taps.push([dx, dy]);
  const rand = rng(seed);
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (const [dx, dy] of taps)
        s += img[Math.min(height - 1, Math.max(0, y + dy)) * width + Math.min(width - 1, Math.max(0, x + dx))]!;
      data[y * width + x] = Math.round(s / taps.length + 4 * (rand() + rand() + rand() - 1.5));
    }
  return { data, width, height };
}

describe('decodeBlurred', () => {
  it('reads an EAN-13 blurred by about a module, which thresholding decoders cannot', () => {
    const img = blurredLabel(modules('ean13', '9780679601050'), 2, 2, 3);
    const reads = decodeBlurred(img, ['EAN_13', 'UPC_A']);
    expect(reads.map((r) => [r.format, r.text])).toEqual([['EAN_13', '9780679601050']]);
    expect(reads[0]!.lineCount).toBeGreaterThanOrEqual(2);
    // Corners around the bars, as a 1D engine gives them (the bars span x 65..255).
    const xs = reads[0]!.points!.map((p) => p.x);
    expect(Math.min(...xs)).toBeGreaterThan(55);
    expect(Math.max(...xs)).toBeLessThan(265);
  });

  it('reports a UPC-A as its 12 digits, and an EAN-13 only when that format is wanted', () => {
    const img = blurredLabel(modules('upca', '036602301467'), 2.2, 2, 3);
    expect(decodeBlurred(img, ['UPC_A']).map((r) => [r.format, r.text])).toEqual([['UPC_A', '036602301467']]);
    expect(decodeBlurred(img, ['QR_CODE', 'CODE_128'])).toEqual([]);
  });

  it('reads an EAN-13 defocused by 2.5 modules, found inside a much wider stretch of blurred activity', () => {
    // 2 px modules under a 5 px disk: the bars' contrast is a fifth of the print's, and the
    // blurred guards and digits widen the active stretch by ~10 modules a side.
    for (const code of ['9780345460950', '4006381333931']) {
      const bars = modules('ean13', code);
      const reads = decodeBlurred(defocusedLabel(bars, bars, 2, 5), ['EAN_13', 'UPC_A']);
      expect(reads.map((r) => [r.format, r.text])).toEqual([['EAN_13', code]]);
    }
  });

  it('reads nothing when its lines fit two valid codes two digits apart', () => {
    // 9780345530950 differs from 9780345460950 in two digits with the same check digit: each
    // half of the label is a clean fit of its own code, so neither may be reported.
    const img = defocusedLabel(modules('ean13', '9780345460950'), modules('ean13', '9780345530950'), 2, 5);
    expect(decodeBlurred(img, ['EAN_13', 'UPC_A'])).toEqual([]);
  });

  it('reads nothing from bars blurred and noisy beyond recognition', () => {
    const img = blurredLabel(modules('ean13', '9780679601050'), 1.6, 4.5, 40);
    expect(decodeBlurred(img, ['EAN_13', 'UPC_A'])).toEqual([]);
  });

  it('reads nothing from random stripes', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rand = rng(seed);
      const stripes = Array.from({ length: 95 }, () => (rand() < 0.5 ? 1 : 0));
      expect(decodeBlurred(blurredLabel(stripes, 2, 1.5, 3, seed), ['EAN_13', 'UPC_A'])).toEqual([]);
    }
  });
});

describe('readProfile', () => {
  /** The middle row of a blurred label as a profile (samples = pixels). */
  const profileOf = (img: GrayImage) =>
    Float64Array.from({ length: img.width }, (_, x) => img.data[100 * img.width + x]!);

  it('accepts a clean blurred profile with a margin', () => {
    const read = readProfile(profileOf(blurredLabel(modules('ean13', '4006381333931'), 2.5, 2, 2)));
    expect(read?.digits).toBe('4006381333931');
    expect(read?.accepted).toBe(true);
  });

  it('does not accept a profile whose digits are ambiguous (a digit blotted out)', () => {
    const img = blurredLabel(modules('ean13', '4006381333931'), 2.5, 2, 2);
    const p = profileOf(img);
    // A smudge over the third and fourth digits (modules 17-30): their bars are gone.
    const x0 = Math.round((img.width - 95 * 2.5) / 2);
    for (let x = x0 + Math.round(17 * 2.5); x < x0 + Math.round(31 * 2.5); x++) p[x] = 125;
    const read = readProfile(p);
    expect(read?.accepted ?? false).toBe(false);
  });
});

describe('the blur-model pass in the strategy', () => {
  const blurPass = ADAPTIVE_PLAN.escalate.find((p) => p.engine === 'blur-model')!;
  const plan: PassPlan = { every: [], escalate: [blurPass], escalateAfter: 0, cooldownFrames: 0, guard: true };
  const noEngine = async () => {
    throw new Error('the blur model needs no engine');
  };

  it('reports a code from one still: its agreeing scan lines are two looks', async () => {
    const strategy = new FrameStrategy(plan, noEngine);
    const image = grayToRgba(blurredLabel(modules('ean13', '9780679601050'), 2, 2, 3));
    const out = await strategy.decodeFrame({ image });
    expect(out.barcode).toMatchObject({ text: '9780679601050', format: 'EAN_13', passId: 'blur-model' });
  });

  it('on a live camera, holds the code until the same pass reads it on a second frame', async () => {
    const strategy = new FrameStrategy(plan, noEngine);
    const bars = modules('ean13', '9780679601050');
    const first = await strategy.decodeFrame({ image: grayToRgba(blurredLabel(bars, 2, 2, 3, 7)), stream: true });
    expect(first.barcode).toBeNull();
    expect(first.tentative).toMatchObject({ text: '9780679601050', passId: 'blur-model' });
    // The next camera frame: other sensor noise, so other pixels.
    const second = await strategy.decodeFrame({ image: grayToRgba(blurredLabel(bars, 2, 2, 3, 8)), stream: true });
    expect(second.barcode).toMatchObject({ text: '9780679601050', format: 'EAN_13', passId: 'blur-model' });
  });

  it('reports nothing for stripes', async () => {
    const strategy = new FrameStrategy(plan, noEngine);
    const rand = rng(9);
    const stripes = Array.from({ length: 95 }, () => (rand() < 0.5 ? 1 : 0));
    const out = await strategy.decodeFrame({ image: grayToRgba(blurredLabel(stripes, 2, 1.5, 3)) });
    expect(out.barcode).toBeNull();
  });
});
