import { describe, expect, it } from 'vitest';
import { deblur, flattenLighting, stretchLevels, wienerKernel, type GrayImage } from './imageOps.ts';

/** Bars of 1–4 modules of 3 px (as in an EAN), dark 30 / light 220, repeated down 24 rows. */
function bars(seed = 7): { img: GrayImage; dark: boolean[] } {
  const w = 240;
  const h = 24;
  const dark: boolean[] = [];
  let s = seed;
  let on = true;
  while (dark.length < w) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const modules = 1 + ((s >>> 16) % 4);
    for (let i = 0; i < modules * 3 && dark.length < w; i++) dark.push(on);
    on = !on;
  }
  const data = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = dark[x] ? 30 : 220;
  return { img: { data, width: w, height: h }, dark };
}

/** Gaussian blur along rows, as a defocused lens does to vertical bars. */
function blurRows(g: GrayImage, sigma: number): GrayImage {
  const r = Math.ceil(3 * sigma);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const out = new Uint8ClampedArray(g.data.length);
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) acc += k[i + r]! * g.data[y * g.width + Math.min(g.width - 1, Math.max(0, x + i))]!;
      out[y * g.width + x] = acc / sum;
    }
  return { data: out, width: g.width, height: g.height };
}

/** Share of the middle row's pixels (away from the ends) on the right side of a 125 threshold. */
function agreement(g: GrayImage, dark: boolean[]): number {
  const y = g.height >> 1;
  let ok = 0;
  let n = 0;
  for (let x = 12; x < g.width - 12; x++, n++) if (g.data[y * g.width + x]! < 125 === dark[x]) ok++;
  return ok / n;
}

/**
 * How far the centre of the faintest one-module bar or space lies from the threshold, on the
 * right side (negative when on the wrong one): what a binarizer needs to see every element.
 */
function weakestMargin(g: GrayImage, dark: boolean[]): number {
  const y = g.height >> 1;
  let worst = Infinity;
  for (let x = 13; x < g.width - 13; x++) {
    // The middle pixel of an element exactly 3 px (one module) wide.
    if (dark[x - 1] !== dark[x] || dark[x + 1] !== dark[x] || dark[x - 2] === dark[x] || dark[x + 2] === dark[x])
      continue;
    const v = g.data[y * g.width + x]!;
    worst = Math.min(worst, dark[x] ? 125 - v : v - 125);
  }
  return worst;
}

describe('deblur', () => {
  it('keeps flat areas at their brightness (unit-sum kernel)', () => {
    const taps = wienerKernel(2, 0.02);
    expect(taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const flat: GrayImage = { data: new Uint8ClampedArray(40 * 40).fill(140), width: 40, height: 40 };
    expect(new Set(deblur(flat, 2, 0.02).data)).toEqual(new Set([140]));
  });

  it('gives defocused bars back their contrast and their edges', () => {
    const { img, dark } = bars();
    const blurred = blurRows(img, 2.5);
    const restored = deblur(blurred, 2.5, 0.02);
    // Blur of 0.8 module pulls some one-module bars across the threshold; the filter restores them.
    expect(weakestMargin(blurred, dark)).toBeLessThan(0);
    expect(weakestMargin(restored, dark)).toBeGreaterThan(8);
    expect(agreement(blurred, dark)).toBeLessThan(0.96);
    expect(agreement(restored, dark)).toBeGreaterThan(0.99);
  });
});

describe('stretchLevels', () => {
  /** The bars under a hard shadow: the left half in a sixth of the light, ink not quite black. */
  function shadowed() {
    const { img, dark } = bars(11);
    const data = img.data.map((v, i) => (i % img.width < img.width / 2 ? v / 6 : v));
    return { img: { ...img, data }, dark };
  }
  /** Lowest light-module and highest dark-module value in columns [from, to) of row 12. */
  function levels(g: GrayImage, dark: boolean[], from: number, to: number) {
    let light = 255;
    let ink = 0;
    for (let x = from; x < to; x++) {
      const v = g.data[12 * g.width + x]!;
      if (dark[x]) ink = Math.max(ink, v);
      else light = Math.min(light, v);
    }
    return { light, ink };
  }

  it('gives bars in a shadow the full range of those in the light', () => {
    const { img, dark } = shadowed();
    const out = stretchLevels(img, 6);
    for (const [from, to] of [
      [20, 100],
      [140, 220],
    ] as const) {
      const { light, ink } = levels(out, dark, from, to);
      expect(light - ink).toBeGreaterThan(150);
    }
  });

  it('sets the ink level from the ink, where dividing by the local mean leaves it grey', () => {
    const { img, dark } = shadowed();
    // A lighter ink: 90 instead of 30, in the light half only.
    const data = img.data.map((v, i) => (i % img.width >= img.width / 2 && dark[i % img.width] ? 90 : v));
    const grey = { ...img, data };
    expect(levels(stretchLevels(grey, 6), dark, 140, 220).ink).toBeLessThan(40);
    expect(levels(flattenLighting(grey, 6), dark, 140, 220).ink).toBeGreaterThan(60);
  });
});
