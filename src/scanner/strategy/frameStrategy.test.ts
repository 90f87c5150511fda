import { describe, expect, it } from 'vitest';
import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { DecodeEngine, EngineName, EnginePassOptions, EngineRead } from '../engines/decodeEngine.ts';
import type { GrayImage, RgbaImage } from '../imageOps.ts';
import { FrameStrategy, confirmationPasses, pickBest } from './frameStrategy.ts';
import { ADAPTIVE_PLAN, type PassPlan, type PassSpec } from './passPlans.ts';

interface Call {
  engine: EngineName;
  width: number;
  height: number;
  options: EnginePassOptions;
  rgba: boolean;
}
type Script = (call: Call, index: number) => EngineRead[];

function fakeEngines(script: Script) {
  const calls: Call[] = [];
  const make = (name: EngineName): DecodeEngine => ({
    name,
    async load() {},
    async decode(image: GrayImage | RgbaImage, options: EnginePassOptions) {
      const call = {
        engine: name,
        width: image.width,
        height: image.height,
        options,
        rgba: image.data.length === image.width * image.height * 4,
      };
      calls.push(call);
      return script(call, calls.length - 1);
    },
  });
  const engines = { 'zxing-wasm': make('zxing-wasm'), 'zxing-js': make('zxing-js') };
  return { calls, provider: async (n: EngineName) => (n === 'zxing-js' ? engines['zxing-js'] : engines['zxing-wasm']) };
}

/** A frame with detail (vertical stripes), like any real scene; `blank` for a featureless one. */
function frame(width = 640, height = 480, blank = false): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4).fill(200);
  if (!blank) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) if (x % 8 < 4) data.fill(30, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height };
}

const OPTS = { tryHarder: false, tryRotate: false, tryInvert: false, tryDownscale: false, binarizer: 'local' as const };
const spec = (id: string, extra: Partial<PassSpec> = {}): PassSpec => ({
  id,
  engine: 'zxing-wasm',
  region: 'full',
  transforms: [],
  options: OPTS,
  ...extra,
});
const plan = (p: Partial<PassPlan>): PassPlan => ({
  every: [spec('cheap')],
  escalate: [],
  escalateAfter: 1,
  cooldownFrames: 0,
  guard: true,
  ...p,
});
const qr = (text: string, points?: { x: number; y: number }[]): EngineRead => ({
  text,
  format: 'QR_CODE',
  lineCount: 0,
  points,
});
const square = (x: number, y: number, s = 20) => [
  { x, y },
  { x: x + s, y },
  { x: x + s, y: y + s },
  { x, y: y + s },
];

describe('FrameStrategy', () => {
  it('reports a code the cheap pass reads, running nothing harder', async () => {
    const { calls, provider } = fakeEngines(() => [qr('{"stockitem": 12}')]);
    const s = new FrameStrategy(plan({ escalate: [spec('hard')] }), provider);
    const out = await s.decodeFrame({ image: frame() });
    expect(out.barcode?.text).toBe('{"stockitem": 12}');
    expect(out.barcode?.format).toBe('QR_CODE');
    expect(out.passes.map((p) => p.id)).toEqual(['cheap']);
    expect(calls).toHaveLength(1);
    // Untouched full frames go to the engine as RGBA without a grayscale round trip.
    expect(calls[0]!.rgba).toBe(true);
  });

  it('escalates one harder pass per frame while the cheap ones keep failing, then cools down', async () => {
    const { provider } = fakeEngines(() => []);
    const s = new FrameStrategy(plan({ escalate: [spec('h1'), spec('h2')], cooldownFrames: 2 }), provider);
    const ids: string[][] = [];
    const exhausted: boolean[] = [];
    for (let i = 0; i < 7; i++) {
      const out = await s.decodeFrame({ image: frame() });
      ids.push(out.passes.map((p) => p.id));
      exhausted.push(out.exhausted);
    }
    expect(ids).toEqual([
      ['cheap'],
      ['cheap', 'h1'],
      ['cheap', 'h2'],
      ['cheap'],
      ['cheap'],
      ['cheap', 'h1'],
      ['cheap', 'h2'],
    ]);
    expect(exhausted.slice(0, 3)).toEqual([false, false, true]);
  });

  it('runs no harder passes on a featureless view (blank wall, lens cap, dark room)', async () => {
    const { provider } = fakeEngines(() => []);
    const s = new FrameStrategy(plan({ escalate: [spec('h1')] }), provider);
    for (let i = 0; i < 3; i++) {
      expect((await s.decodeFrame({ image: frame(64, 48, true) })).passes.map((p) => p.id)).toEqual(['cheap']);
    }
    // Detail appears: escalation resumes.
    expect((await s.decodeFrame({ image: frame(64, 48) })).passes.map((p) => p.id)).toEqual(['cheap', 'h1']);
  });

  it('starts escalation from the first hard pass again after a success', async () => {
    let found = false;
    const { provider } = fakeEngines(() => (found ? [qr('A')] : []));
    const s = new FrameStrategy(plan({ escalate: [spec('h1'), spec('h2')] }), provider);
    await s.decodeFrame({ image: frame() });
    await s.decodeFrame({ image: frame() }); // h1
    found = true;
    expect((await s.decodeFrame({ image: frame() })).barcode?.text).toBe('A');
    found = false;
    await s.decodeFrame({ image: frame() });
    expect((await s.decodeFrame({ image: frame() })).passes.map((p) => p.id)).toEqual(['cheap', 'h1']);
  });

  it('asks the engine only for the enabled formats', async () => {
    const { calls, provider } = fakeEngines(() => []);
    const s = new FrameStrategy(plan({}), provider);
    await s.decodeFrame({ image: frame(), formats: ['EAN_13', 'UPC_A'] });
    expect(calls[0]!.options.formats).toEqual(['EAN_13', 'UPC_A']);
  });

  it('decodes the guide box first, on its own pixels', async () => {
    const { calls, provider } = fakeEngines((c) => (c.width === 200 ? [qr('in box', square(10, 10))] : []));
    const s = new FrameStrategy(plan({ every: [spec('roi', { region: 'roi' }), spec('full')] }), provider);
    const out = await s.decodeFrame({ image: frame(), roi: { x: 100, y: 50, width: 200, height: 150 } });
    expect(calls.map((c) => [c.width, c.height])).toEqual([[200, 150]]);
    expect(out.barcode?.text).toBe('in box');
    // Points come back in frame coordinates.
    expect(out.barcode?.points?.[0]).toEqual({ x: 110, y: 60 });
  });

  it('prefers the code inside the guide box when the full frame shows several', async () => {
    const { provider } = fakeEngines((c) =>
      c.width === 640 ? [qr('near centre, outside box', square(300, 220)), qr('inside box', square(40, 40))] : [],
    );
    const s = new FrameStrategy(plan({ every: [spec('roi', { region: 'roi' }), spec('full')] }), provider);
    const out = await s.decodeFrame({ image: frame(), roi: { x: 20, y: 20, width: 100, height: 100 } });
    expect(out.barcode?.text).toBe('inside box');
  });

  it('without a guide box prefers the code nearest the frame centre', async () => {
    const { provider } = fakeEngines(() => [qr('corner', square(0, 0)), qr('centre', square(310, 230))]);
    const s = new FrameStrategy(plan({}), provider);
    expect((await s.decodeFrame({ image: frame() })).barcode?.text).toBe('centre');
  });

  it('does not report a weak 1D read that no second pass confirms', async () => {
    // A striped texture: one pass "reads" an EAN on two lines, nothing else agrees.
    const { provider } = fakeEngines((_c, i) =>
      i === 0 ? [{ text: '7034759003930', format: 'EAN_13', lineCount: 2 }] : [],
    );
    const s = new FrameStrategy(plan({ escalate: [spec('h1')] }), provider);
    const first = await s.decodeFrame({ image: frame() });
    expect(first.barcode).toBeNull();
    expect(first.passes.map((p) => p.id)).toEqual(['cheap', 'cheap+rescale', 'cheap+js']);
  });

  it('a still fed again is no second read; a new camera frame is', async () => {
    const { provider } = fakeEngines((c) =>
      c.engine === 'zxing-wasm' && c.width === 640 ? [{ text: '9780804816632', format: 'EAN_13', lineCount: 8 }] : [],
    );
    const s = new FrameStrategy(plan({}), provider);
    const still = frame();
    expect((await s.decodeFrame({ image: still })).barcode).toBeNull();
    expect((await s.decodeFrame({ image: { ...still, data: new Uint8ClampedArray(still.data) } })).barcode).toBeNull();
    const next = frame();
    next.data[0] = 31; // sensor noise: another frame of the same view
    const out = await s.decodeFrame({ image: next });
    expect(out.barcode?.text).toBe('9780804816632');
  });

  it('with two codes in view, waits for the centred one rather than report the confirmed corner one', async () => {
    const corner: EngineRead = { text: '1920081045006', format: 'EAN_13', lineCount: 4, points: square(0, 0, 240) };
    const centred: EngineRead = {
      text: '9784872348880',
      format: 'EAN_13',
      lineCount: 4,
      points: square(200, 120, 240),
    };
    const { provider } = fakeEngines((c, i) =>
      i === 0 ? [corner, centred] : c.engine === 'zxing-js' ? [centred] : [corner],
    );
    const s = new FrameStrategy(plan({}), provider);
    const out = await s.decodeFrame({ image: frame() });
    expect(out.barcode?.text).toBe('9784872348880');
    expect(out.barcode?.passId).toBe('cheap+js');
  });

  it('reports a weak 1D read once the confirmation pass reads the same text', async () => {
    const ean: EngineRead = { text: '9780804816632', format: 'EAN_13', lineCount: 3 };
    const { provider } = fakeEngines(() => [ean]);
    const s = new FrameStrategy(plan({}), provider);
    const out = await s.decodeFrame({ image: frame() });
    expect(out.barcode?.text).toBe('9780804816632');
    expect(out.barcode?.passId).toBe('cheap+rescale');
  });

  it('counts passes that give one engine the same pixels and threshold as one read', async () => {
    const ean: EngineRead = { text: '9780804816632', format: 'EAN_13', lineCount: 3 };
    // Only full-size zxing-wasm calls read it: the rescaled and zxing-js confirmations do not.
    const { provider } = fakeEngines((c) => (c.engine === 'zxing-wasm' && c.width === 640 ? [ean] : []));
    const harder = spec('harder', { options: { ...OPTS, tryHarder: true, tryRotate: true } });
    const same = new FrameStrategy(plan({ every: [spec('cheap'), harder] }), provider);
    expect((await same.decodeFrame({ image: frame() })).barcode).toBeNull();
    // The other threshold algorithm on the same pixels is a second opinion.
    const global = spec('global', { options: { ...OPTS, binarizer: 'global' } });
    const other = new FrameStrategy(plan({ every: [spec('cheap'), harder, global] }), provider);
    const out = await other.decodeFrame({ image: frame() });
    expect(out.barcode?.text).toBe('9780804816632');
    expect(out.barcode?.passId).toBe('global');
  });

  it('counts filtered pixels once, whatever engine or threshold reads them', async () => {
    // A sharpening halo turns bars into other valid digits: every engine reads the filtered
    // pixels alike, so the other engine's confirmation on them is no second opinion.
    const misread: EngineRead = { text: '6278022263817', format: 'EAN_13', lineCount: 3 };
    const sharpened = (c: Call) => c.width === 640;
    const { provider } = fakeEngines((c) => (sharpened(c) ? [misread] : []));
    const sharpen = spec('sharpen', { transforms: [{ kind: 'sharpen', amount: 2 }] });
    const soft = spec('soft', {
      transforms: [{ kind: 'sharpen', amount: 1 }],
      options: { ...OPTS, binarizer: 'global' },
    });
    const s = new FrameStrategy(plan({ every: [sharpen, soft] }), provider);
    expect((await s.decodeFrame({ image: frame() })).barcode).toBeNull();
    // Another filter on the same pixels is another opinion.
    const flatten = spec('flatten', { transforms: [{ kind: 'flatten' }] });
    const other = new FrameStrategy(plan({ every: [sharpen, flatten] }), provider);
    expect((await other.decodeFrame({ image: frame() })).barcode?.passId).toBe('flatten');
  });

  it('never reports an implausible linear read, however strong', async () => {
    const { provider } = fakeEngines(() => [{ text: '9780804816633', format: 'EAN_13', lineCount: 50 }]);
    const s = new FrameStrategy(plan({}), provider);
    expect((await s.decodeFrame({ image: frame() })).barcode).toBeNull();
  });

  it('raw baseline plans report what the engine says', async () => {
    const { provider } = fakeEngines(() => [{ text: '12', format: 'CODABAR' as BarcodeFormatName, lineCount: 1 }]);
    const s = new FrameStrategy(plan({ guard: false }), provider);
    expect((await s.decodeFrame({ image: frame() })).barcode?.text).toBe('12');
  });
});

/** Another camera frame of the same view: the same scene with a little sensor noise. */
function nextFrame(n: number): RgbaImage {
  const f = frame();
  f.data[0] = 200 - n;
  return f;
}

describe('FrameStrategy in stream mode (live camera: the second opinion is the next frame)', () => {
  const ean: EngineRead = { text: '9780804816632', format: 'EAN_13', lineCount: 8 };

  it('returns a weak read as tentative after one pass, running no same-frame confirmation', async () => {
    const { calls, provider } = fakeEngines(() => [ean]);
    const s = new FrameStrategy(plan({ every: [spec('cheap'), spec('full')] }), provider);
    const out = await s.decodeFrame({ image: nextFrame(0), stream: true });
    expect(out.barcode).toBeNull();
    expect(out.tentative?.text).toBe('9780804816632');
    expect(out.passes.map((p) => p.id)).toEqual(['cheap']);
    expect(calls).toHaveLength(1);
  });

  it('accepts the read when a different camera frame gives the same text', async () => {
    const { provider } = fakeEngines(() => [ean]);
    const s = new FrameStrategy(plan({}), provider);
    await s.decodeFrame({ image: nextFrame(0), stream: true });
    const out = await s.decodeFrame({ image: nextFrame(1), stream: true });
    expect(out.barcode?.text).toBe('9780804816632');
    expect(out.barcode?.passId).toBe('cheap');
    expect(out.tentative ?? null).toBeNull();
  });

  it('the same pixels again stay tentative', async () => {
    const { provider } = fakeEngines(() => [ean]);
    const s = new FrameStrategy(plan({}), provider);
    const still = nextFrame(0);
    await s.decodeFrame({ image: still, stream: true });
    const again = await s.decodeFrame({ image: { ...still, data: new Uint8ClampedArray(still.data) }, stream: true });
    expect(again.barcode).toBeNull();
    expect(again.tentative?.text).toBe('9780804816632');
  });

  it('a contradicting read on the second frame accepts neither', async () => {
    const other: EngineRead = { text: '9780804816649', format: 'EAN_13', lineCount: 8 };
    const { provider } = fakeEngines((_c, i) => (i === 0 ? [ean] : [other]));
    const s = new FrameStrategy(plan({}), provider);
    await s.decodeFrame({ image: nextFrame(0), stream: true });
    const out = await s.decodeFrame({ image: nextFrame(1), stream: true });
    expect(out.barcode).toBeNull();
    expect(out.tentative?.text).toBe('9780804816649');
  });

  it('reports a strong code on its first frame', async () => {
    const { provider } = fakeEngines(() => [qr('{"stockitem": 12}')]);
    const s = new FrameStrategy(plan({}), provider);
    expect((await s.decodeFrame({ image: nextFrame(0), stream: true })).barcode?.text).toBe('{"stockitem": 12}');
  });

  it('a piece of a longer code, still pending on later frames, does not keep the longer code from being read', async () => {
    // Glare over an ITF-14: in the guide box only its last 10 digits read; the full frame reads it whole.
    const full: EngineRead = { text: '15400141288763', format: 'ITF', lineCount: 4 };
    const piece: EngineRead = { text: '0141288763', format: 'ITF', lineCount: 4 };
    const { provider } = fakeEngines((c, i) => (i === 0 ? [] : c.width === 200 ? [piece] : [full]));
    const s = new FrameStrategy(plan({ every: [spec('roi', { region: 'roi' }), spec('full')] }), provider);
    const roi = { x: 100, y: 50, width: 200, height: 150 };
    const texts: (string | null)[] = [];
    for (let i = 0; i < 16; i++)
      texts.push((await s.decodeFrame({ image: nextFrame(i), roi, stream: true })).barcode?.text ?? null);
    expect(texts).not.toContain('0141288763');
    expect(texts).toContain('15400141288763');
  });

  it('gives the harder pass that read a code the next frame too, once', async () => {
    // Only h2 reads the code (say, a blurred label that needs deblurring).
    const { provider } = fakeEngines((c) => (c.options.tryHarder ? [ean] : []));
    const h2 = spec('h2', { options: { ...OPTS, tryHarder: true } });
    const s = new FrameStrategy(plan({ escalate: [spec('h1'), h2, spec('h3')] }), provider);
    const outs = [];
    for (let i = 0; i < 4; i++) outs.push(await s.decodeFrame({ image: nextFrame(i), stream: true }));
    expect(outs.map((o) => o.passes.map((p) => p.id))).toEqual([
      ['cheap'],
      ['cheap', 'h1'],
      ['cheap', 'h2'],
      ['cheap', 'h2'],
    ]);
    expect(outs[2]!.tentative?.text).toBe('9780804816632');
    expect(outs[3]!.barcode?.text).toBe('9780804816632');
  });
});

describe('pass plans', () => {
  it('the adaptive plan has unique pass ids, uses the other engine and rotation only when escalating', () => {
    const all = [...ADAPTIVE_PLAN.every, ...ADAPTIVE_PLAN.escalate];
    const ids = [...all, ...all.flatMap((p) => confirmationPasses(p))].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ADAPTIVE_PLAN.every.every((p) => p.engine === 'zxing-wasm' && !p.options.tryHarder && !p.options.tryRotate),
    ).toBe(true);
    expect(ADAPTIVE_PLAN.escalate.some((p) => p.engine === 'zxing-js')).toBe(true);
    expect(ADAPTIVE_PLAN.escalate.some((p) => p.options.tryRotate && p.options.tryInvert)).toBe(true);
  });

  it('confirmation passes resample under the other threshold, then ask the other engine', () => {
    const [rescaled, other] = confirmationPasses(spec('a'));
    if (!rescaled || !other) throw new Error('expected two confirmation passes');
    expect(rescaled.transforms).toEqual([{ kind: 'scale', factor: 1.5 }]);
    expect(rescaled.options.binarizer).toBe('global');
    expect(other.engine).toBe('zxing-js');
    const up = spec('b', { transforms: [{ kind: 'scale', factor: 2 }] });
    expect(confirmationPasses(up)[0]!.transforms).toEqual([
      { kind: 'scale', factor: 2 },
      { kind: 'scale', factor: 0.6 },
    ]);
    expect(confirmationPasses(spec('c', { engine: 'zxing-js' })).map((p) => p.engine)).toEqual(['zxing-js']);
  });

  it('confirms wide bars on a smaller image, thin ones on a larger one', () => {
    expect(confirmationPasses(spec('a'), 3)[0]!.transforms).toEqual([{ kind: 'scale', factor: 0.75 }]);
    expect(confirmationPasses(spec('a'), 2.8)[0]!.transforms).toEqual([{ kind: 'scale', factor: 0.8 }]);
    expect(confirmationPasses(spec('a'), 2.7)[0]!.transforms).toEqual([{ kind: 'scale', factor: 1.5 }]);
    expect(confirmationPasses(spec('a'), 9)[0]!.transforms).toEqual([{ kind: 'scale', factor: 0.5 }]);
    expect(confirmationPasses(spec('a'), 2)[0]!.transforms).toEqual([{ kind: 'scale', factor: 1.5 }]);
    expect(confirmationPasses(spec('a'), null)[0]!.transforms).toEqual([{ kind: 'scale', factor: 1.5 }]);
  });

  it('pickBest ranks guide box, then strength, then distance', () => {
    const r = (name: string, inRoi: boolean, strong: boolean, distance: number) => ({ name, inRoi, strong, distance });
    expect(pickBest([r('a', false, true, 1), r('b', true, false, 99)])?.name).toBe('b');
    expect(pickBest([r('a', false, false, 1), r('b', false, true, 99)])?.name).toBe('b');
    expect(pickBest([r('a', false, true, 50), r('b', false, true, 5)])?.name).toBe('b');
    expect(pickBest([])).toBeNull();
  });
});
