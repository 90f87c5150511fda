import { describe, expect, it } from 'vitest';
import {
  BinaryBitmap,
  HybridBinarizer,
  QRCodeDecoderErrorCorrectionLevel,
  QRCodeEncoder,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { grayToRgba, type GrayImage } from '../imageOps.ts';
import type { DecodeEngine, UndecodedSymbol } from '../engines/decodeEngine.ts';
import { decodeWarpedQr, type QrCandidate } from './qrMeshDecode.ts';
import { decodeQrMesh } from './qrMeshPass.ts';
import { knownModules } from './qrMeshLayout.ts';
import { FrameStrategy } from './frameStrategy.ts';
import { ADAPTIVE_PLAN, type PassPlan } from './passPlans.ts';

const TEXT = 'https://stockscan.example/part/40213?loc=7';
const MODULE_PX = 6;
const ORIGIN = { x: 200, y: 110 };

/**
 * A QR symbol printed on cloth that bulges: each pixel's module coordinates are those of a
 * plane plus a bend of `bend` modules at the symbol's middle (none at its corners), so the
 * outer corners are where a detector finds them while the middle drifts off any homography.
 */
function bentQr(text: string, bend: number): { image: GrayImage; candidate: QrCandidate } {
  const code = QRCodeEncoder.encode(text, QRCodeDecoderErrorCorrectionLevel.M);
  const matrix = code.getMatrix();
  const n = matrix.getWidth();
  const size = n * MODULE_PX;
  const toModule = (x: number, y: number) => {
    const sx = (x - ORIGIN.x) / size;
    const sy = (y - ORIGIN.y) / size;
    const w = Math.sin(Math.PI * Math.min(Math.max(sx, 0), 1)) * Math.sin(Math.PI * Math.min(Math.max(sy, 0), 1));
    return { u: sx * n + bend * w, v: sy * n + 0.6 * bend * w };
  };
  const width = 640;
  const height = 480;
  const data = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let ink = 0;
      // 3×3 supersampling: the print's edges fall inside pixels, as on a camera.
      for (let j = 0; j < 3; j++)
        for (let i = 0; i < 3; i++) {
          const { u, v } = toModule(x + (i + 0.5) / 3, y + (j + 0.5) / 3);
          const mx = Math.floor(u);
          const my = Math.floor(v);
          if (mx >= 0 && my >= 0 && mx < n && my < n && matrix.get(mx, my) === 1) ink++;
        }
      data[y * width + x] = 215 - (ink / 9) * 170 + ((x * 7 + y * 13) % 9) - 4;
    }
  const image = blur({ data, width, height });
  const corners = [
    { x: ORIGIN.x, y: ORIGIN.y },
    { x: ORIGIN.x + size, y: ORIGIN.y },
    { x: ORIGIN.x + size, y: ORIGIN.y + size },
    { x: ORIGIN.x, y: ORIGIN.y + size },
  ];
  return { image, candidate: { version: code.getVersion().getVersionNumber(), corners } };
}

/** A 3×3 box blur: a camera's optics never render a module's edge as a step. */
function blur(g: GrayImage): GrayImage {
  const out = new Uint8ClampedArray(g.data.length);
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= g.width || yy >= g.height) continue;
          sum += g.data[yy * g.width + xx]!;
          count++;
        }
      out[y * g.width + x] = sum / count;
    }
  return { data: out, width: g.width, height: g.height };
}

function zxingJsReads(g: GrayImage): boolean {
  try {
    new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(g.data, g.width, g.height))));
    return true;
  } catch {
    return false;
  }
}

function fakeEngine(symbols: UndecodedSymbol[]): DecodeEngine {
  return {
    name: 'zxing-wasm',
    load: async () => {},
    decode: async () => [],
    locateUndecoded: async () => symbols,
  };
}

describe('decodeWarpedQr', () => {
  const { image, candidate } = bentQr(TEXT, 1);

  it('reads a QR code bent off its plane, which one perspective transform cannot', () => {
    expect(zxingJsReads(image)).toBe(false);
    // An empty schedule samples through the corners' homography only, as ZXing's detectors do.
    expect(decodeWarpedQr(image, candidate, () => [])).toBeNull();
    const read = decodeWarpedQr(image, candidate);
    expect(read?.text).toBe(TEXT);
    expect(read!.rounds).toBeGreaterThan(0);
  });

  it('still reads the flat symbol, and reads it without fitting', () => {
    const flat = bentQr(TEXT, 0);
    expect(decodeWarpedQr(flat.image, flat.candidate)).toMatchObject({ text: TEXT, rounds: 0 });
  });

  it('reads nothing where there is no symbol', () => {
    const noise = new Uint8ClampedArray(640 * 480).map((_, i) => ((i * 2654435761) >>> 24) & 255);
    const g = blur({ data: noise, width: 640, height: 480 });
    expect(decodeWarpedQr(g, candidate)).toBeNull();
  });
});

describe('decodeQrMesh (the qr-mesh pass)', () => {
  const { image, candidate } = bentQr(TEXT, 1);
  const located: UndecodedSymbol = { format: 'QR_CODE', ...candidate };

  it('reads a symbol the engine located but could not decode, with its corners', async () => {
    const reads = await decodeQrMesh(image, ['QR_CODE', 'EAN_13'], fakeEngine([located]));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ text: TEXT, format: 'QR_CODE' });
    expect(reads[0]!.points![0]!.x).toBeCloseTo(ORIGIN.x, -1);
  });

  it('reads a light-on-dark print the engine located inverted', async () => {
    const negative = { ...image, data: image.data.map((v) => 255 - v) };
    const reads = await decodeQrMesh(negative, ['QR_CODE'], fakeEngine([{ ...located, inverted: true }]));
    expect(reads.map((r) => r.text)).toEqual([TEXT]);
    expect(await decodeQrMesh(negative, ['QR_CODE'], fakeEngine([located]))).toEqual([]);
  });

  it('does nothing when QR codes are not wanted or nothing was located', async () => {
    expect(await decodeQrMesh(image, ['EAN_13'], fakeEngine([located]))).toEqual([]);
    expect(await decodeQrMesh(image, ['QR_CODE'], fakeEngine([]))).toEqual([]);
  });
});

describe('the qr-mesh pass in the frame strategy', () => {
  it('reports the bent code from the adaptive plan, only after a symbol was located', async () => {
    const { image, candidate } = bentQr(TEXT, 1);
    const mesh = ADAPTIVE_PLAN.escalate.find((p) => p.engine === 'qr-mesh')!;
    const plan: PassPlan = { every: [], escalate: [mesh], escalateAfter: 0, cooldownFrames: 0, guard: true };
    let located: UndecodedSymbol[] = [];
    const strategy = new FrameStrategy(plan, async () => ({ ...fakeEngine([]), locateUndecoded: async () => located }));
    const frame = { image: grayToRgba(image) };
    expect((await strategy.decodeFrame(frame)).barcode).toBeNull();
    located = [{ format: 'QR_CODE', ...candidate }];
    strategy.reset();
    const outcome = await strategy.decodeFrame(frame);
    expect(outcome.barcode).toMatchObject({ text: TEXT, format: 'QR_CODE', engine: 'qr-mesh', passId: 'qr-mesh' });
  });
});

describe('knownModules', () => {
  it('fixes the finders, separators, timing and alignment patterns of a version 2 symbol', () => {
    const k = knownModules(2);
    const n = 25;
    expect(k[0]).toBe(1); // finder corner
    expect(k[1 * n + 1]).toBe(0); // finder's light ring
    expect(k[3 * n + 3]).toBe(1); // finder centre
    expect(k[7 * n + 7]).toBe(0); // separator
    expect([k[6 * n + 8], k[6 * n + 9]]).toEqual([1, 0]); // timing row
    expect([k[18 * n + 18], k[17 * n + 18], k[16 * n + 18]]).toEqual([1, 0, 1]); // alignment
    expect(k[10 * n + 10]).toBe(-1); // data
  });
});
