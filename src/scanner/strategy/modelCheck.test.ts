import bwipjs from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import type { EngineName, EngineRead } from '../engines/decodeEngine.ts';
import { grayToRgba, type GrayImage } from '../imageOps.ts';
import { FrameStrategy } from './frameStrategy.ts';
import { modelCheck, modelConfirms, modelOpinion } from './modelCheck.ts';
import type { PassPlan, PassSpec } from './passPlans.ts';

/** Deterministic noise (a fixed LCG), so a failing case fails every time. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function modules(text: string): number[] {
  const [sym] = bwipjs.raw('ean13', text, { includetext: false });
  if (!sym || !('sbs' in sym)) throw new Error('no bars');
  const out: number[] = [];
  sym.sbs.forEach((w, i) => {
    for (let k = 0; k < w; k++) out.push(i % 2 === 0 ? 1 : 0);
  });
  return out;
}

const W = 240;
const H = 200;
const X0 = 50;
const Y0 = 50;
const Y1 = 150;
const SHADOW_EDGE = 6;
const GLARE = 120;
const NOISE = 4;

/**
 * A label at `modulePx` photographed under a hard shadow (the left part of the bars in a fifth
 * of the light) and a saturating glare spot, slightly out of focus, with sensor noise: the
 * light ExtremeShadow / glare photos of ZXing's sets show. `bars` = 1 for a bar module.
 */
function shadowedLabel(bars: number[], modulePx = 1.5, seed = 3, harsh = true): GrayImage {
  const rand = rng(seed);
  const ink = new Float64Array(W * H).fill(0.4);
  for (let y = Y0 - 10; y < Y1 + 10; y++) for (let x = 20; x < W - 20; x++) ink[y * W + x] = 0.85;
  for (let y = Y0; y < Y1; y++)
    for (let x = 0; x < bars.length * modulePx; x++) if (bars[Math.floor(x / modulePx)]) ink[y * W + X0 + x] = 0.08;
  // Horizontal blur of about half a module: camera optics.
  const soft = new Float64Array(W * H);
  for (let i = 0; i < ink.length; i++) soft[i] = 0.25 * ink[Math.max(0, i - 1)]! + 0.5 * ink[i]! + 0.25 * ink[i + 1]!;
  const data = new Uint8ClampedArray(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      // A shadow edge across the left of the bars, soft over a few pixels.
      const light = harsh ? 50 + 190 / (1 + Math.exp(-(x - X0 - 40) / SHADOW_EDGE)) : 240;
      const glare = (harsh ? GLARE : 0) * Math.exp(-((x - X0 - 95) ** 2 + (y - 100) ** 2) / (2 * 14 * 14));
      data[y * W + x] = Math.round(soft[y * W + x]! * light + glare + NOISE * (rand() + rand() - 1));
    }
  return { data, width: W, height: H };
}

/** ZXing-C++'s corners of a read at `modulePx`: the guards' outer edges on two scan rows. */
function corners(modulePx = 1.5) {
  const x1 = X0 + 95 * modulePx;
  return [
    { x: X0, y: 98 },
    { x: x1, y: 98 },
    { x: x1, y: 102 },
    { x: X0, y: 102 },
  ];
}

const OPTS = {
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  binarizer: 'local' as const,
};

/** An engine that makes `read` on full-size pixels only (every confirmation's rescale reads nothing). */
function fullSizeReader(read: EngineRead) {
  const engine = {
    name: 'zxing-wasm' as EngineName,
    async load() {},
    decode: async (img: { width: number }) => (img.width === W ? [read] : []),
  };
  return async () => engine;
}

const CODE = '9780441014989';
/** Two digits changed, the check digit still right: a filter's misread of CODE seen on a real photo. */
const MISREAD = '9160441014989';

describe('modelCheck (a second opinion from the frame pixels)', () => {
  it('reads the printed code under a hard shadow and glare', () => {
    const check = modelCheck(shadowedLabel(modules(CODE)), corners(), 'EAN_13', CODE);
    expect(check?.agree).toBeGreaterThanOrEqual(2);
    expect(check?.other).toBe(0);
    expect(modelConfirms(check)).toBe(true);
  });

  it('finds the corners of a ZXing Java read too (the guards middles)', () => {
    const c = corners();
    const js = [
      { x: c[0]!.x + 1.5 * 1.5, y: 100 },
      { x: c[1]!.x - 1.5 * 1.5, y: 100 },
    ];
    expect(modelConfirms(modelCheck(shadowedLabel(modules(CODE)), js, 'EAN_13', CODE))).toBe(true);
  });

  it('does not confirm a valid-checksum misread of those bars: it reads the printed code instead', () => {
    const check = modelCheck(shadowedLabel(modules(CODE)), corners(), 'EAN_13', MISREAD);
    expect(modelConfirms(check)).toBe(false);
    expect(check?.other).toBeGreaterThanOrEqual(2);
  });

  it("reads the printed code on its own lines when the engine's read is another, one look per line", () => {
    const check = modelCheck(shadowedLabel(modules(CODE)), corners(), 'EAN_13', MISREAD)!;
    const opinion = modelOpinion(check, { text: MISREAD, format: 'EAN_13' }, ['EAN_13', 'UPC_A']);
    expect(opinion?.text).toBe(CODE);
    expect(opinion?.looks.length).toBeGreaterThanOrEqual(3);
    // When the engine read those digits, the check is one opinion: the engine's is the other.
    const right = modelCheck(shadowedLabel(modules(CODE)), corners(), 'EAN_13', CODE)!;
    expect(modelOpinion(right, { text: CODE, format: 'EAN_13' }, ['EAN_13'])?.looks).toEqual(['model-check']);
  });

  it('confirms nothing on random stripes', () => {
    const rand = rng(11);
    const stripes = Array.from({ length: 95 }, () => (rand() < 0.5 ? 1 : 0));
    expect(modelConfirms(modelCheck(shadowedLabel(stripes), corners(), 'EAN_13', CODE))).toBe(false);
  });

  it('leaves other symbologies and reads with an add-on alone', () => {
    const img = shadowedLabel(modules(CODE));
    expect(modelCheck(img, corners(), 'EAN_8', '96385074')).toBeNull();
    expect(modelCheck(img, corners(), 'EAN_13', `${CODE}12`)).toBeNull();
  });
});

describe('the model check in the strategy (a still)', () => {
  const flatten: PassSpec = {
    id: 'flatten',
    engine: 'zxing-wasm',
    region: 'full',
    transforms: [{ kind: 'flatten' }],
    options: OPTS,
  };
  const plan: PassPlan = { every: [flatten], escalate: [], escalateAfter: 1, cooldownFrames: 0, guard: true };
  /** An engine that reads `text` only on the flattened full-size pixels (as ean13-4_21 is read). */
  const engines = (text: string) => fullSizeReader({ text, format: 'EAN_13', lineCount: 1, points: corners() });

  it('reports a filtered pass read that the frame pixels confirm', async () => {
    const s = new FrameStrategy(plan, engines(CODE));
    const out = await s.decodeFrame({ image: grayToRgba(shadowedLabel(modules(CODE))) });
    expect(out.barcode).toMatchObject({ text: CODE, format: 'EAN_13', passId: 'flatten' });
    expect(out.passes.map((p) => p.id)).toContain('model-check');
  });

  it('reports the printed code, not the filter misread read alike by every engine on the filtered pixels', async () => {
    const s = new FrameStrategy(plan, engines(MISREAD));
    const out = await s.decodeFrame({ image: grayToRgba(shadowedLabel(modules(CODE))) });
    expect(out.barcode).toMatchObject({ text: CODE, format: 'EAN_13', passId: 'model-check' });
  });

  it('reports no code where the frame pixels hold no EAN, whatever the filtered pixels read', async () => {
    const rand = rng(5);
    const stripes = Array.from({ length: 95 }, () => (rand() < 0.5 ? 1 : 0));
    const s = new FrameStrategy(plan, engines(CODE));
    expect((await s.decodeFrame({ image: grayToRgba(shadowedLabel(stripes)) })).barcode).toBeNull();
  });

  it('on a live camera leaves the second opinion to the next frame', async () => {
    const s = new FrameStrategy(plan, engines(CODE));
    const out = await s.decodeFrame({ image: grayToRgba(shadowedLabel(modules(CODE))), stream: true });
    expect(out.barcode).toBeNull();
    expect(out.tentative?.text).toBe(CODE);
  });
});

describe('fine bars (under 1.4 px a module) on a still', () => {
  const plain: PassSpec = { id: 'plain', engine: 'zxing-wasm', region: 'full', transforms: [], options: OPTS };
  const plan: PassPlan = { every: [plain], escalate: [], escalateAfter: 1, cooldownFrames: 0, guard: true };
  const fine = (text: string) => grayToRgba(shadowedLabel(modules(text), 1.2, 3, false));
  /** An engine that reads `text` on the full-size frame only (its confirmations read nothing). */
  const engines = (text: string) => fullSizeReader({ text, format: 'EAN_13', lineCount: 2, points: corners(1.2) });

  it('are reported when the model reads the same digits on the frame pixels', async () => {
    const out = await new FrameStrategy(plan, engines(CODE)).decodeFrame({ image: fine(CODE) });
    expect(out.barcode).toMatchObject({ text: CODE, format: 'EAN_13', passId: 'plain' });
  });

  it('are dropped when the model reads other digits, and on a live camera', async () => {
    expect((await new FrameStrategy(plan, engines(MISREAD)).decodeFrame({ image: fine(CODE) })).barcode).toBeNull();
    const live = await new FrameStrategy(plan, engines(CODE)).decodeFrame({ image: fine(CODE), stream: true });
    expect(live.barcode).toBeNull();
    expect(live.tentative ?? null).toBeNull();
  });
});
