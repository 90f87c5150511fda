import { describe, expect, it } from 'vitest';
import type { DecodeEngine, EngineName, EngineRead } from './engines/decodeEngine.ts';
import type { RgbaImage } from './imageOps.ts';
import { StreamAgreement } from './streamAgreement.ts';
import { judgeFrame } from './streamDecode.ts';
import { FrameStrategy } from './strategy/frameStrategy.ts';
import { ADAPTIVE_PLAN } from './strategy/passPlans.ts';

const EAN: EngineRead = { text: '9780804816632', format: 'EAN_13', lineCount: 8 };
const QR: EngineRead = { text: '{"stockitem": 12}', format: 'QR_CODE', lineCount: 0 };

/** The worker's decode step (decodeWorker.ts) over the adaptive plan, with scripted engines. */
function worker(reads: (call: number) => EngineRead[]) {
  let calls = 0;
  const engine = (name: EngineName): DecodeEngine => ({
    name,
    async load() {},
    async decode() {
      return reads(calls++);
    },
  });
  const engines = { 'zxing-wasm': engine('zxing-wasm'), 'zxing-js': engine('zxing-js') };
  const strategy = new FrameStrategy(ADAPTIVE_PLAN, async (n) => engines[n]);
  const agreement = new StreamAgreement();
  return {
    calls: () => calls,
    async decode(image: RgbaImage, stream = true) {
      const outcome = await strategy.decodeFrame({ image, stream });
      return { ...judgeFrame(outcome, stream, agreement), passes: outcome.passes.map((p) => p.id) };
    },
  };
}

/** Camera frame `n` of one view: a striped scene, each frame with its own sensor noise. */
function cameraFrame(n: number): RgbaImage {
  const width = 320;
  const height = 240;
  const data = new Uint8ClampedArray(width * height * 4).fill(200);
  for (let i = 0; i < data.length; i += 4) if (((i / 4) % width) % 8 < 4) data.fill(30, i, i + 3);
  data[0] = 200 - n;
  return { data, width, height };
}

describe('decode worker, live camera (issue #15: weak-check codes need two camera frames)', () => {
  it('one frame never reports an EAN-13, however many passes could read it; the next frame does', async () => {
    const w = worker(() => [EAN]);
    const first = await w.decode(cameraFrame(0));
    expect(first.barcode).toBeNull();
    expect(first.held?.text).toBe('9780804816632');
    // No same-frame confirmation passes: the next camera frame is the second opinion.
    expect(first.passes).toEqual(['full-cheap']);
    const second = await w.decode(cameraFrame(1));
    expect(second.barcode?.text).toBe('9780804816632');
    expect(second.held).toBeNull();
  });

  it('the same pixels again (a frozen stream) are not a second frame', async () => {
    const w = worker(() => [EAN]);
    await w.decode(cameraFrame(0));
    expect((await w.decode(cameraFrame(0))).barcode).toBeNull();
    expect((await w.decode(cameraFrame(0))).barcode).toBeNull();
    expect((await w.decode(cameraFrame(1))).barcode?.text).toBe('9780804816632');
  });

  it('a second frame that reads other digits reports nothing', async () => {
    const other: EngineRead = { ...EAN, text: '9780804816649' };
    const w = worker((call) => (call === 0 ? [EAN] : [other]));
    await w.decode(cameraFrame(0));
    const second = await w.decode(cameraFrame(1));
    expect(second.barcode).toBeNull();
    expect(second.held?.text).toBe('9780804816649');
    // Neither is believed on a third frame that reads the second one again: the first still counts against it.
    expect((await w.decode(cameraFrame(2))).barcode).toBeNull();
  });

  it('reports a QR code on its first frame', async () => {
    const w = worker(() => [QR]);
    expect((await w.decode(cameraFrame(0))).barcode?.text).toBe('{"stockitem": 12}');
  });

  it('a still (not a stream) is confirmed by other passes on the same pixels, as the decode bench measures', async () => {
    const w = worker(() => [EAN]);
    const out = await w.decode(cameraFrame(0), false);
    expect(out.barcode?.text).toBe('9780804816632');
    expect(out.passes).toEqual(['full-cheap', 'full-cheap+rescale']);
    expect(out.held).toBeNull();
  });
});
