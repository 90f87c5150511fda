import { describe, expect, it } from 'vitest';
import { FramePixels, normaliseRoi, preparePassImage } from './passImage.ts';
import type { PassSpec } from './passPlans.ts';
import { crop, edgeDensity, rotate90, scale, flattenLighting, type GrayImage } from '../imageOps.ts';

const OPTS = { tryHarder: false, tryRotate: false, tryInvert: false, tryDownscale: false, binarizer: 'local' as const };

function rgbaFrame(w: number, h: number) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = i % 256;
    data[i * 4 + 3] = 255;
  }
  return { data, width: w, height: h };
}

describe('pass images', () => {
  it('crops the guide box, downscales to maxSide, and maps points back to the frame', () => {
    const spec: PassSpec = {
      id: 'x',
      engine: 'zxing-wasm',
      region: 'roi',
      maxSide: 100,
      transforms: [],
      options: OPTS,
    };
    const p = preparePassImage(new FramePixels(rgbaFrame(640, 480)), { x: 100, y: 80, width: 400, height: 200 }, spec);
    expect(p && [p.image.width, p.image.height]).toEqual([100, 50]);
    expect(p?.toFrame({ x: 10, y: 5 })).toEqual({ x: 140, y: 100 });
  });

  it('skips guide-box passes when there is no guide box, and falls back for roi-or-full', () => {
    const frame = new FramePixels(rgbaFrame(64, 48));
    expect(
      preparePassImage(frame, null, { id: 'r', engine: 'zxing-wasm', region: 'roi', transforms: [], options: OPTS }),
    ).toBeNull();
    const p = preparePassImage(frame, null, {
      id: 'r',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      transforms: [{ kind: 'scale', factor: 2 }],
      options: OPTS,
    });
    expect(p && [p.image.width, p.image.height]).toEqual([128, 96]);
    expect(p?.toFrame({ x: 20, y: 10 })).toEqual({ x: 10, y: 5 });
  });

  it('maps points through a 90° rotation back to the frame', () => {
    const p = preparePassImage(new FramePixels(rgbaFrame(40, 20)), null, {
      id: 'r',
      engine: 'zxing-wasm',
      region: 'full',
      transforms: [{ kind: 'rotate90' }],
      options: OPTS,
    });
    expect(p && [p.image.width, p.image.height]).toEqual([20, 40]);
    // Source (x=5, y=3) lands at (h-1-y, x) = (16, 5) after a clockwise turn.
    expect(p?.toFrame({ x: 16, y: 5 })).toEqual({ x: 5, y: 3 });
  });

  it('treats a guide box covering the whole frame as no guide box', () => {
    expect(normaliseRoi({ x: 0, y: 0, width: 640, height: 480 }, 640, 480)).toBeNull();
    expect(normaliseRoi({ x: -10, y: 10, width: 300, height: 200 }, 640, 480)).toEqual({
      x: 0,
      y: 10,
      width: 290,
      height: 200,
    });
    expect(normaliseRoi(undefined, 640, 480)).toBeNull();
  });
});

describe('image ops', () => {
  const g: GrayImage = { data: Uint8ClampedArray.from([1, 2, 3, 4, 5, 6]), width: 3, height: 2 };

  it('rotates clockwise and crops', () => {
    expect(Array.from(rotate90(g).data)).toEqual([4, 1, 5, 2, 6, 3]);
    expect(Array.from(crop(g, { x: 1, y: 0, width: 2, height: 2 }).data)).toEqual([2, 3, 5, 6]);
  });

  it('scales by averaging down and interpolating up', () => {
    const flat: GrayImage = { data: new Uint8ClampedArray(16).fill(80), width: 4, height: 4 };
    const down = scale(flat, 0.5);
    expect([down.width, down.height, down.data[0]]).toEqual([2, 2, 80]);
    const up = scale(flat, 2);
    expect([up.width, up.height, up.data[17]]).toEqual([8, 8, 80]);
  });

  it('measures edge density: none on a blank view, plenty on stripes', () => {
    const blank: GrayImage = { data: new Uint8ClampedArray(64 * 48).fill(180), width: 64, height: 48 };
    expect(edgeDensity(blank)).toBe(0);
    const stripes: GrayImage = {
      data: Uint8ClampedArray.from({ length: 64 * 48 }, (_, i) => (i % 8 < 4 ? 20 : 230)),
      width: 64,
      height: 48,
    };
    expect(edgeDensity(stripes)).toBeGreaterThan(0.4);
    expect(edgeDensity(stripes, { x: 0, y: 0, width: 16, height: 16 })).toBeGreaterThan(0.4);
  });

  it('sees defocused bars with a 4 px gap where 2 px neighbours differ too little', () => {
    // Bars 12 px wide whose edges are 10 px ramps (a defocused label): 2 px apart at most 50 levels.
    const w = 96;
    const h = 16;
    const bars: GrayImage = { data: new Uint8ClampedArray(w * h), width: w, height: h };
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const t = Math.min(1, Math.max(0, (Math.abs((x % 24) - 12) - 1) / 10));
        bars.data[y * w + x] = 60 + 120 * t;
      }
    expect(edgeDensity(bars)).toBe(0);
    expect(edgeDensity(bars, undefined, 32, 4)).toBeGreaterThan(0.2);
    const blank: GrayImage = { data: new Uint8ClampedArray(w * h).fill(120), width: w, height: h };
    expect(edgeDensity(blank, undefined, 32, 4)).toBe(0);
  });

  it('flattens uneven lighting', () => {
    const w = 40;
    const ramp: GrayImage = { data: new Uint8ClampedArray(w * w), width: w, height: w };
    for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) ramp.data[y * w + x] = 60 + x * 3;
    const flat = flattenLighting(ramp, 4);
    // Away from the edges every pixel sits near the local mean: mid-grey.
    expect(Math.abs(flat.data[20 * w + 10]! - 128)).toBeLessThan(4);
    expect(Math.abs(flat.data[20 * w + 30]! - 128)).toBeLessThan(4);
  });

  it('a stretch pass spreads each neighbourhood over the full range, at its share of the shorter side', () => {
    // Stripes of 2 px, dark 40 / light 80 (a code in deep shadow), on a 100×60 frame.
    const w = 100;
    const h = 60;
    const data = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) {
      data.fill((i % w) % 4 < 2 ? 40 : 80, i * 4, i * 4 + 3);
      data[i * 4 + 3] = 255;
    }
    const spec: PassSpec = {
      id: 'stretch',
      engine: 'zxing-wasm',
      region: 'full',
      transforms: [{ kind: 'stretch', radius: 0.05 }],
      options: OPTS,
    };
    const p = preparePassImage(new FramePixels({ data, width: w, height: h }), null, spec);
    const row = Array.from((p!.image as GrayImage).data.subarray(30 * w + 20, 30 * w + 24));
    expect(row).toEqual([0, 0, 255, 255]);
  });
});
