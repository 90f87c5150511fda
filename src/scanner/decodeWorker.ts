/// <reference lib="webworker" />
// Decodes camera frames off the main thread. Engines are imported on first use, so the
// zxing-js code only loads when a strategy actually runs it.
import type { DecodeEngine, EngineName } from './engines/decodeEngine.ts';
import type { WorkerRequest, WorkerResponse } from './decodeWorkerProtocol.ts';
import { warmUp } from './decoderWarmUp.ts';
import { StreamAgreement } from './streamAgreement.ts';
import { judgeFrame } from './streamDecode.ts';
import { FrameStrategy } from './strategy/frameStrategy.ts';
import { DEFAULT_STRATEGY, planFor } from './strategy/strategies.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const engines = new Map<EngineName, Promise<DecodeEngine>>();

function engine(name: EngineName): Promise<DecodeEngine> {
  let e = engines.get(name);
  if (!e) {
    e = (
      name === 'zxing-wasm'
        ? import('./engines/zxingWasmEngine.ts').then((m) => m.createZxingWasmEngine())
        : import('./engines/zxingJsEngine.ts').then((m) => m.createZxingJsEngine())
    ).then(async (created) => {
      await created.load();
      return created;
    });
    engines.set(name, e);
  }
  return e;
}

let strategy = new FrameStrategy(planFor(DEFAULT_STRATEGY), engine);
const agreement = new StreamAgreement();

function post(msg: WorkerResponse): void {
  scope.postMessage(msg);
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'configure':
      strategy = new FrameStrategy(planFor(msg.strategy), engine);
      agreement.clear();
      return;
    case 'reset':
      strategy.reset();
      agreement.clear();
      return;
    case 'warm':
      try {
        // The first engine of the plan is the one every frame needs; load it now.
        const first = strategy.engineNames()[0];
        // A plan without passes needs no engine (it used to load ZXing JS for nothing).
        // Then it decodes a synthetic frame of codes, so the first label meets compiled code.
        if (first !== undefined) await warmUp(await engine(first));
        post({ type: 'warmed', id: msg.id });
      } catch (e) {
        post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
      }
      return;
    case 'decode': {
      const t0 = performance.now();
      try {
        const image = { data: new Uint8ClampedArray(msg.buffer), width: msg.width, height: msg.height };
        const stream = msg.stream === true;
        const outcome = await strategy.decodeFrame({ image, roi: msg.roi, formats: msg.formats, stream });
        // A live camera gives a weak-check code its second opinion from the next frame.
        const { barcode: b, held } = judgeFrame(outcome, stream, agreement);
        const ms = performance.now() - t0;
        post({
          type: 'decoded',
          id: msg.id,
          barcode: b
            ? { text: b.text, format: b.format, points: b.points, engine: `${b.engine}:${b.passId}`, ms }
            : null,
          ms,
          passes: outcome.passes,
          exhausted: outcome.exhausted,
          held,
        });
      } catch (e) {
        post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
  }
};
