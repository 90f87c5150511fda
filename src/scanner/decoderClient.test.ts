import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFrameDecoder } from './decoderClient.ts';
import type { WorkerRequest, WorkerResponse } from './decodeWorkerProtocol.ts';

/** Stands in for the decode worker: records what the client posts, answers on demand. */
class FakeWorker {
  static instances: FakeWorker[] = [];
  posted: { msg: WorkerRequest; transfer: Transferable[] }[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.instances.push(this);
  }
  postMessage(msg: WorkerRequest, transfer: Transferable[] = []) {
    this.posted.push({ msg, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  answer(res: WorkerResponse) {
    this.onmessage?.({ data: res } as MessageEvent<WorkerResponse>);
  }
}

function image(w = 4, h = 2) {
  return { data: new Uint8ClampedArray(w * h * 4), width: w, height: h, colorSpace: 'srgb' } as ImageData;
}

const realWorker = globalThis.Worker;
beforeEach(() => {
  FakeWorker.instances = [];
  (globalThis as { Worker: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  (globalThis as { Worker: unknown }).Worker = realWorker;
});

describe('createFrameDecoder', () => {
  it('starts no worker until it is warmed or used', () => {
    createFrameDecoder();
    expect(FakeWorker.instances).toHaveLength(0);
  });

  it('starts a module worker, configures the chosen strategy and warms once', async () => {
    const d = createFrameDecoder({ strategy: 'zxing-js' });
    const warming = d.warm();
    const again = d.warm();
    const w = FakeWorker.instances[0]!;
    expect(w.options.type).toBe('module');
    expect(w.url.pathname.endsWith('/decodeWorker.ts')).toBe(true);
    expect(w.posted.map((p) => p.msg.type)).toEqual(['configure', 'warm']);
    expect(w.posted[0]!.msg).toEqual({ type: 'configure', strategy: 'zxing-js' });
    const warm = w.posted[1]!.msg as Extract<WorkerRequest, { type: 'warm' }>;
    w.answer({ type: 'warmed', id: warm.id });
    await Promise.all([warming, again]);
  });

  it('transfers the frame buffer and resolves with the worker answer for that request id', async () => {
    const d = createFrameDecoder({ formats: ['QR_CODE'] });
    const frame = image();
    const pending = d.decode({ image: frame, roi: { x: 0, y: 0, width: 2, height: 2 } });
    const w = FakeWorker.instances[0]!;
    const sent = w.posted[0]!;
    const req = sent.msg as Extract<WorkerRequest, { type: 'decode' }>;
    expect(req.type).toBe('decode');
    expect(sent.transfer).toEqual([frame.data.buffer]);
    expect(req.formats).toEqual(['QR_CODE']);
    expect(req.roi).toEqual({ x: 0, y: 0, width: 2, height: 2 });
    // An answer for another id is ignored.
    w.answer({ type: 'decoded', id: req.id + 100, barcode: null, ms: 1, passes: [], exhausted: false });
    const barcode = { text: '{"stockitem": 12}', format: 'QR_CODE' as const, engine: 'zxing-wasm:full-cheap', ms: 3 };
    w.answer({ type: 'decoded', id: req.id, barcode, ms: 3, passes: [{ id: 'full-cheap', ms: 3 }], exhausted: false });
    expect(await pending).toEqual(barcode);
  });

  it('keeps one frame in flight and drops frames offered meanwhile', async () => {
    const d = createFrameDecoder();
    const first = d.decodeWithStats({ image: image() });
    expect(d.busy).toBe(true);
    const second = await d.decodeWithStats({ image: image() });
    expect(second.dropped).toBe(true);
    expect(second.barcode).toBeNull();
    const w = FakeWorker.instances[0]!;
    expect(w.posted).toHaveLength(1);
    const req = w.posted[0]!.msg as Extract<WorkerRequest, { type: 'decode' }>;
    w.answer({
      type: 'decoded',
      id: req.id,
      barcode: null,
      ms: 9,
      passes: [{ id: 'full-cheap', ms: 9 }],
      exhausted: false,
    });
    expect((await first).ms).toBe(9);
    expect(d.busy).toBe(false);
  });

  it('marks live camera frames, and passes on a weak read the worker holds for the next frame', async () => {
    const d = createFrameDecoder();
    const pending = d.decodeWithStats({ image: image(), stream: true });
    const w = FakeWorker.instances[0]!;
    const req = w.posted[0]!.msg as Extract<WorkerRequest, { type: 'decode' }>;
    expect(req.stream).toBe(true);
    const held = { text: '9780804816632', format: 'EAN_13' as const, points: [{ x: 1, y: 2 }] };
    w.answer({ type: 'decoded', id: req.id, barcode: null, ms: 7, passes: [], exhausted: false, held });
    const res = await pending;
    expect(res.barcode).toBeNull();
    expect(res.held).toEqual(held);
  });

  it('rejects a frame the worker failed on, and takes the next one', async () => {
    const d = createFrameDecoder();
    const p = d.decode({ image: image() });
    const w = FakeWorker.instances[0]!;
    const req = w.posted[0]!.msg as Extract<WorkerRequest, { type: 'decode' }>;
    w.answer({ type: 'error', id: req.id, message: 'wasm failed to load' });
    await expect(p).rejects.toThrow('wasm failed to load');
    void d.decode({ image: image() });
    expect(w.posted).toHaveLength(2);
  });

  it('dispose terminates the worker; a frame in flight resolves with nothing', async () => {
    const d = createFrameDecoder();
    const p = d.decode({ image: image() });
    d.dispose();
    expect(FakeWorker.instances[0]!.terminated).toBe(true);
    expect(await p).toBeNull();
    expect(await d.decode({ image: image() })).toBeNull();
  });
});
