/// <reference types="vite/client" />
// The decode benchmark page: decodes images through the app's own decoder client, Web Worker
// and strategies (src/scanner), exactly as the camera loop does, one still image as a stream
// of identical frames.
import { createFrameDecoder, type FrameDecoderClient } from '../../src/scanner/decoderClient.ts';
import type { DecodeStrategyName } from '../../src/scanner/decoderTypes.ts';
import { DECODE_STRATEGIES, DEFAULT_STRATEGY } from '../../src/scanner/strategy/strategies.ts';
import { FramePixels, preparePassImage } from '../../src/scanner/strategy/passImage.ts';
import { ADAPTIVE_PLAN, type PassSpec } from '../../src/scanner/strategy/passPlans.ts';
import { confirmationPasses } from '../../src/scanner/strategy/frameStrategy.ts';
import { ALL_FORMATS } from '../../src/scanner/engines/formatNames.ts';
import { measureBars } from '../../src/scanner/strategy/barShape.ts';
import { modelCheck } from '../../src/scanner/strategy/modelCheck.ts';

async function loadImageData(url: string): Promise<ImageData> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const bmp = await createImageBitmap(await res.blob());
  const canvas = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2d context');
  // A transparent PNG (a rendered code, no background) is a label on white, as ZXing's own
  // test reader takes it; read as-is its clear pixels would be black and the quiet zone gone.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bmp, 0, 0);
  bmp.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

const decoders = new Map<DecodeStrategyName, FrameDecoderClient>();

async function decoderFor(strategy: DecodeStrategyName): Promise<FrameDecoderClient> {
  let d = decoders.get(strategy);
  if (!d) {
    d = createFrameDecoder({ strategy });
    await d.warm();
    decoders.set(strategy, d);
  }
  return d;
}

export interface BenchImageResult {
  text: string | null;
  format: string | null;
  engine: string | null;
  /** Worker time summed over all frames spent on this image. */
  ms: number;
  frames: number;
  passes: { id: string; ms: number }[];
}

/**
 * Feed one image as frames until the strategy reports a code or has tried every pass
 * (at most `maxFrames`). Each frame is a fresh copy because its buffer is transferred.
 */
async function decodeImage(url: string, strategy: DecodeStrategyName, maxFrames = 16): Promise<BenchImageResult> {
  const source = await loadImageData(url);
  const decoder = await decoderFor(strategy);
  decoder.reset();
  let ms = 0;
  const passes: { id: string; ms: number }[] = [];
  for (let frame = 1; frame <= maxFrames; frame++) {
    const image = new ImageData(new Uint8ClampedArray(source.data), source.width, source.height);
    const stats = await decoder.decodeWithStats({ image });
    ms += stats.ms;
    passes.push(...stats.passes);
    if (stats.barcode) {
      return {
        text: stats.barcode.text,
        format: stats.barcode.format,
        engine: stats.barcode.engine,
        ms,
        frames: frame,
        passes,
      };
    }
    if (stats.exhausted) return { text: null, format: null, engine: null, ms, frames: frame, passes };
  }
  return { text: null, format: null, engine: null, ms, frames: maxFrames, passes };
}

/**
 * Diagnostics for tuning: run one pass spec on the page's main thread and return every raw
 * engine read (before the guard), with its line count.
 */
async function inspectPass(url: string, spec: PassSpec) {
  const source = await loadImageData(url);
  const prepared = preparePassImage(new FramePixels(source), null, spec);
  if (!prepared) return [];
  const { passReads } = await import('../../src/scanner/strategy/passReads.ts');
  const reads = await passReads(spec, prepared.image, ALL_FORMATS, async (name) => {
    const engine =
      name === 'zxing-wasm'
        ? (await import('../../src/scanner/engines/zxingWasmEngine.ts')).createZxingWasmEngine()
        : (await import('../../src/scanner/engines/zxingJsEngine.ts')).createZxingJsEngine();
    await engine.load();
    return engine;
  });
  const frame = new FramePixels(source);
  return reads.map((r) => {
    const points = (r.points ?? []).map((p) => prepared.toFrame(p));
    return {
      text: r.text,
      format: r.format,
      lineCount: r.lineCount,
      points,
      shape: measureBars(frame.gray, points, r.format, r.text),
      // The model check's lines (EAN-13 / UPC-A only): the second opinion from the frame pixels.
      check: modelCheck(frame.gray, points, r.format, r.text),
    };
  });
}

/** inspectPass over the adaptive plan's passes and their confirmation passes (or only `ids`). */
async function inspectAll(url: string, ids: string[]) {
  const specs = [...ADAPTIVE_PLAN.every, ...ADAPTIVE_PLAN.escalate].flatMap((s) => [
    s,
    ...confirmationPasses(s),
    // The confirmation a read with wide bars gets instead of the 1.5× one.
    ...confirmationPasses(s, 9)
      .slice(0, 1)
      .map((p) => ({ ...p, id: `${p.id}(wide)` })),
  ]);
  const rows = [];
  for (const spec of specs) {
    if (ids.length > 0 && !ids.includes(spec.id)) continue;
    // 'roi' passes have no guide box on a still.
    if (spec.region === 'roi') continue;
    rows.push({ pass: spec.id, reads: await inspectPass(url, spec) });
  }
  return rows;
}

Object.assign(window, {
  stockscanBench: {
    decodeImage,
    inspectPass,
    inspectAll,
    strategies: DECODE_STRATEGIES.map((s) => s.id),
    defaultStrategy: DEFAULT_STRATEGY,
  },
});
document.getElementById('status')!.textContent = 'ready';
