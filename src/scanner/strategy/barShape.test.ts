import { describe, expect, it } from 'vitest';
import { barsPlausible, measureBars, minModules } from './barShape.ts';
import type { GrayImage } from '../imageOps.ts';

/** 640×200 image; `pixel` gives each pixel's value. */
function image(pixel: (x: number, y: number) => number): GrayImage {
  const data = new Uint8ClampedArray(640 * 200);
  for (let y = 0; y < 200; y++) for (let x = 0; x < 640; x++) data[y * 640 + x] = pixel(x, y);
  return { data, width: 640, height: 200 };
}
const line = (x0: number, x1: number, y0: number, y1: number) => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];
// Pseudo-random but fixed bar widths of 1-4 modules at 3 px per module.
const barAt = (x: number) => (Math.floor(x / 3) * 2654435761) % 7 < 3;

describe('bar shape of a 1D read', () => {
  it('counts the fewest modules each symbology needs', () => {
    expect(minModules('EAN_13', '9780804816632')).toBe(95);
    expect(minModules('UPC_E', '01234565')).toBe(51);
    expect(minModules('ITF', '070429')).toBe(50);
    expect(minModules('QR_CODE', 'x')).toBeNull();
    // The engine's corners span an add-on too: 7 modules of gap at least, then 47 (EAN-5) or 20 (EAN-2).
    expect(minModules('EAN_13', '978123456789751299')).toBe(149);
    expect(minModules('UPC_A', '03600029145212')).toBe(122);
  });

  it('passes printed bars of a resolvable size', () => {
    const bars = image((x) => (barAt(x) ? 30 : 220));
    const shape = measureBars(bars, line(100, 385, 60, 140), 'EAN_13', '9780804816632');
    expect(shape!.modulePx).toBeCloseTo(3, 0);
    expect(shape!.alongAcross).toBeLessThan(0.1);
    expect(barsPlausible(shape)).toBe(true);
  });

  it('rejects a variable-length read that ends among bars (the rest washed out or cut off)', () => {
    // Bars from x = 40 on; an ITF "read" of only the part from x = 160.
    const bars = image((x) => (x >= 40 && x < 460 && barAt(x) ? 30 : 220));
    const partial = measureBars(bars, line(160, 460, 60, 140), 'ITF', '7367002603');
    expect(partial!.quietActivity).toBeGreaterThan(0.25);
    expect(barsPlausible(partial)).toBe(false);
    const whole = measureBars(bars, line(40, 460, 60, 140), 'ITF', '79067367002603');
    expect(barsPlausible(whole)).toBe(true);
  });

  it('follows the slant of a turned code (ZXing-C++ corners: scan rows between slanted sides)', () => {
    // Bars turned ~6°: each row's bars start 0.1 px further right per pixel down; clean quiet zones.
    const bars = image((x, y) => {
      const u = x - 0.1 * (y - 60);
      return u >= 100 && u < 400 && barAt(u) ? 30 : 220;
    });
    const pts = [
      { x: 100, y: 60 },
      { x: 400, y: 60 },
      { x: 408, y: 140 },
      { x: 108, y: 140 },
    ];
    const shape = measureBars(bars, pts, 'ITF', '61892771669743');
    expect(shape!.quietActivity).toBeLessThan(0.1);
    expect(barsPlausible(shape)).toBe(true);
  });

  it('rejects an EAN-8 "read" across far more bars than an EAN-8 has (inside an ITF)', () => {
    const bars = image((x) => (x >= 100 && x < 400 && Math.floor(x / 4) % 2 ? 30 : 220)); // 37 bars
    const inside = measureBars(bars, line(100, 400, 60, 140), 'EAN_8', '96385074');
    expect(inside!.bars).toBeGreaterThan(30);
    expect(barsPlausible(inside)).toBe(false);
    const ean8 = image((x) => (x >= 100 && x < 276 && Math.floor(x / 4) % 2 ? 30 : 220)); // 22 bars
    expect(barsPlausible(measureBars(ean8, line(100, 276, 60, 140), 'EAN_8', '96385074'))).toBe(true);
  });

  it('rejects a "code" on a texture that changes as much along the bars as across them', () => {
    let seed = 7;
    const noise = image(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % 256;
    });
    expect(barsPlausible(measureBars(noise, line(100, 385, 60, 140), 'EAN_13', '9780804816632'))).toBe(false);
  });

  it('rejects an EAN too small for its bars to be resolved, not a Code 39 of the same width', () => {
    // 1 px bars between x = 100 and 220 only, with quiet zones either side.
    const bars = image((x) => (x >= 100 && x < 220 && x % 2 ? 30 : 220));
    // 95 modules in 120 px: 1.26 px per module.
    expect(barsPlausible(measureBars(bars, line(100, 220, 60, 62), 'EAN_13', '9780804816632'))).toBe(false);
    expect(barsPlausible(measureBars(bars, line(100, 220, 60, 62), 'CODE_39', 'AB'))).toBe(true);
  });
});
