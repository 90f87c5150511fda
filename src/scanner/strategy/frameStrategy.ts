import type { BarcodeFormatName, Roi } from '../decoderTypes.ts';
import type { DecodeEngine, EngineName } from '../engines/decodeEngine.ts';
import { ALL_FORMATS, isLinear, needsAgreement } from '../engines/formatNames.ts';
import { edgeDensity, frameFingerprint, type RgbaImage } from '../imageOps.ts';
import { FramePixels, normaliseRoi, preparePassImage, type Point } from './passImage.ts';
import type { PassPlan, PassSpec } from './passPlans.ts';
import { barsPlausible, measureBars } from './barShape.ts';
import { ReadGuard, type ReadSpot } from './readGuard.ts';
import { decodeBlurred } from './blurDecode.ts';

export type EngineProvider = (name: EngineName) => Promise<DecodeEngine>;

export interface FrameInput {
  image: RgbaImage;
  roi?: Roi;
  formats?: readonly BarcodeFormatName[];
}

export interface FrameRead {
  text: string;
  format: BarcodeFormatName;
  points: Point[];
  engine: EngineName;
  passId: string;
}

export interface FrameOutcome {
  barcode: FrameRead | null;
  /** Passes run on this frame, in order, with their time. */
  passes: PassTiming[];
  /** True once every pass of the plan has been tried since the last success (or reset). */
  exhausted: boolean;
}

export interface PassTiming {
  id: string;
  ms: number;
}

interface Accepted extends FrameRead {
  inRoi: boolean;
  distance: number;
  strong: boolean;
  /** Module size of a linear read in the pass image's pixels (null when unknown). */
  passModulePx: number | null;
}

function centre(points: Point[]): Point | null {
  if (points.length === 0) return null;
  const x = points.reduce((s, p) => s + p.x, 0) / points.length;
  const y = points.reduce((s, p) => s + p.y, 0) / points.length;
  return { x, y };
}

/** Centre and longest extent of a read, for telling reads of one place from reads of another. */
export function spotOf(points: Point[]): ReadSpot | null {
  const c = centre(points);
  if (!c) return null;
  let size = 0;
  for (const a of points) for (const b of points) size = Math.max(size, Math.hypot(a.x - b.x, a.y - b.y));
  return { x: c.x, y: c.y, size };
}

/** Below this share of edge pixels (see edgeDensity) there is nothing a harder pass could read. */
export const MIN_EDGE_DENSITY = 0.002;

/**
 * Harder passes only pay off where there is detail: on a blank or dark view they would only
 * keep the worker busy, so a code coming into view would wait for them to finish.
 */
function hasDetail(frame: FramePixels, roi: Roi | null): boolean {
  // Pixels 4 apart: a defocused label's edges are ramps over several pixels, and it is exactly
  // the view that needs the harder passes (deblur), so it must not pass for a blank one.
  return edgeDensity(frame.gray, roi ?? undefined, 32, 4) >= MIN_EDGE_DENSITY;
}

/**
 * Several codes in view: the one in the guide box wins, then a code that needed no
 * confirmation, then the one nearest the guide box (or frame) centre.
 */
export function pickBest<T extends { inRoi: boolean; strong: boolean; distance: number }>(reads: T[]): T | null {
  let best: T | null = null;
  for (const r of reads) {
    if (!best) {
      best = r;
      continue;
    }
    if (r.inRoi !== best.inRoi) {
      if (r.inRoi) best = r;
      continue;
    }
    if (r.strong !== best.strong) {
      if (r.strong) best = r;
      continue;
    }
    if (r.distance < best.distance) best = r;
  }
  return best;
}

/**
 * Runs a pass plan over a stream of frames: the plan's cheap passes on every frame and, while
 * they keep failing, one harder pass per frame in turn. Pure TypeScript over injected engines,
 * so the worker, the benchmark page and the unit tests all run this same code.
 */
export class FrameStrategy {
  private frame = 0;
  private frameKey = '';
  private failStreak = 0;
  private escalatedSlots = 0;
  private readonly guard = new ReadGuard();

  constructor(
    private readonly plan: PassPlan,
    private readonly engines: EngineProvider,
  ) {}

  /** Engines the plan uses, so a caller can load them ahead of the first frame. */
  engineNames(): EngineName[] {
    return [...new Set([...this.plan.every, ...this.plan.escalate].map((p) => p.engine))].filter((e) => e !== 'blur-model');
  }

  reset(): void {
    this.failStreak = 0;
    this.escalatedSlots = 0;
    this.guard.clear();
  }

  async decodeFrame(input: FrameInput): Promise<FrameOutcome> {
    this.frame++;
    this.guard.prune(this.frame);
    const formats = input.formats && input.formats.length > 0 ? input.formats : ALL_FORMATS;
    const frame = new FramePixels(input.image);
    this.frameKey = frameFingerprint(input.image);
    const roi = normaliseRoi(input.roi, input.image.width, input.image.height);
    const passes: PassTiming[] = [];

    const run = (spec: PassSpec) => this.runConfirmed(spec, frame, roi, formats, passes);
    for (const spec of this.plan.every) {
      const found = await run(spec);
      if (found) return this.succeed(found, passes);
    }
    const { escalate, escalateAfter, cooldownFrames } = this.plan;
    const detail = escalate.length > 0 && hasDetail(frame, roi);
    if (detail && this.failStreak >= escalateAfter) {
      // One harder pass per frame, in turn; after a full round without a code, a few frames of
      // cheap passes only, so an idle camera does not keep the worker busy with slow passes.
      const roundLength = escalate.length + cooldownFrames;
      const slot = this.escalatedSlots % roundLength;
      this.escalatedSlots++;
      if (slot < escalate.length) {
        const found = await run(escalate[slot]!);
        if (found) return this.succeed(found, passes);
      }
    }
    this.failStreak++;
    return {
      barcode: null,
      passes,
      // A featureless view gets nothing harder, so nothing more will be tried on it.
      exhausted: this.escalatedSlots >= escalate.length || !detail,
    };
  }

  /**
   * Run a pass; when it sees weak linear reads that nothing has confirmed yet, get second
   * opinions in the same frame (see confirmationPasses) instead of waiting for later frames.
   * With two codes in view, a confirmed code is reported only if no better placed one is still
   * waiting (a book's price code must not win over the ISBN in the middle).
   */
  private async runConfirmed(
    spec: PassSpec,
    frame: FramePixels,
    roi: Roi | null,
    formats: readonly BarcodeFormatName[],
    passes: PassTiming[],
  ): Promise<FrameRead | null> {
    const first = await this.runPass(spec, frame, roi, formats, passes);
    if (first.best || first.pending.length === 0 || !this.plan.guard) return first.best;
    const waiting = pickBest(first.pending);
    const confirmed: Accepted[] = [];
    for (const second of confirmationPasses(spec, waiting?.passModulePx ?? null)) {
      const again = await this.runPass(second, frame, roi, formats, passes);
      if (again.best) confirmed.push(again.best);
      const best = pickBest(confirmed);
      if (best && (!waiting || pickBest([best, waiting]) === best || sameRead(best, waiting))) return best;
    }
    return pickBest(confirmed);
  }

  private succeed(found: FrameRead, passes: PassTiming[]): FrameOutcome {
    this.failStreak = 0;
    this.escalatedSlots = 0;
    const { text, format, points, engine, passId } = found;
    return { barcode: { text, format, points, engine, passId }, passes, exhausted: false };
  }

  private async runPass(
    spec: PassSpec,
    frame: FramePixels,
    roi: Roi | null,
    formats: readonly BarcodeFormatName[],
    passes: PassTiming[],
  ): Promise<{ best: Accepted | null; pending: Accepted[] }> {
    const t0 = performance.now();
    const prepared = preparePassImage(frame, roi, spec);
    if (!prepared) return { best: null, pending: [] };
    const reads =
      spec.engine === 'blur-model'
        ? decodeBlurred(prepared.image, formats)
        : await (await this.engines(spec.engine)).decode(prepared.image, { ...spec.options, formats });
    passes.push({ id: spec.id, ms: performance.now() - t0 });
    const target = roi
      ? { x: roi.x + roi.width / 2, y: roi.y + roi.height / 2 }
      : { x: frame.width / 2, y: frame.height / 2 };
    const accepted: Accepted[] = [];
    const pending: Accepted[] = [];
    const framed = reads.map((r) => ({ r, points: (r.points ?? []).map((p) => prepared.toFrame(p)) }));
    // Frame pixels per pass-image pixel (the pass may have cropped, scaled, rotated).
    const o = prepared.toFrame({ x: 0, y: 0 });
    const u = prepared.toFrame({ x: 1, y: 0 });
    const framePerPass = Math.hypot(u.x - o.x, u.y - o.y) || 1;
    if (this.plan.guard)
      for (const { r, points } of framed)
        this.guard.observe({ text: r.text, format: r.format, spot: spotOf(points) }, this.frame);
    for (const { r, points } of framed) {
      const c = centre(points);
      // Phantom 1D reads come from textures and from regions too small to hold the bars.
      const shape = this.plan.guard && isLinear(r.format) ? measureBars(frame.gray, points, r.format, r.text) : null;
      if (this.plan.guard && isLinear(r.format) && !barsPlausible(shape)) continue;
      const inRoi =
        roi !== null &&
        c !== null &&
        c.x >= roi.x &&
        c.x <= roi.x + roi.width &&
        c.y >= roi.y &&
        c.y <= roi.y + roi.height;
      const read: Accepted = {
        text: r.text,
        format: r.format,
        points,
        engine: spec.engine,
        passId: spec.id,
        inRoi: inRoi || (spec.region !== 'full' && roi !== null),
        strong: !this.plan.guard || !needsAgreement(r.format),
        distance: c ? Math.hypot(c.x - target.x, c.y - target.y) : Number.MAX_VALUE,
        passModulePx: shape ? shape.modulePx / framePerPass : null,
      };
      if (this.plan.guard) {
        // The blur model reports a code only when separate scan lines each fit it clearly
        // better than any other digits: each such line is its own look at the pixels.
        const looks = spec.engine === 'blur-model' ? Math.min(2, r.lineCount) : 1;
        let verdict: ReturnType<ReadGuard['judge']> = 'reject';
        for (let look = 0; look < looks; look++)
          verdict = this.guard.judge(
            {
              text: r.text,
              format: r.format,
              passId: independenceKey(spec, roi, prepared.image) + (look > 0 ? `|line${look}` : ''),
              frameKey: this.frameKey,
              spot: spotOf(points),
            },
            this.frame,
          );
        if (verdict === 'pending') pending.push(read);
        if (verdict !== 'accept') continue;
      }
      accepted.push(read);
    }
    return { best: pickBest(accepted), pending };
  }
}

/**
 * What makes two reads of one still independent: passes that give the same engine the same
 * pixels under the same threshold algorithm repeat each other's misreads (tryHarder only adds
 * scan lines), so they count as one pass, whatever their ids. A filter (sharpen, deblur,
 * flatten) can itself turn bars into other valid digits, which every engine and threshold then
 * reads alike, at any strength: filtered pixels count once per filter kind and image size.
 */
export function independenceKey(spec: PassSpec, roi: Roi | null, image: { width: number; height: number }): string {
  const region = spec.region !== 'full' && roi ? `${roi.x},${roi.y}` : 'full';
  const filters = spec.transforms.filter((t) => t.kind !== 'scale');
  if (filters.some((t) => t.kind !== 'invert' && t.kind !== 'rotate90'))
    return `filtered|${region}|${image.width}x${image.height}|${filters.map((t) => t.kind).join('+')}`;
  return `${spec.engine}|${spec.options.binarizer}|${region}|${image.width}x${image.height}|${JSON.stringify(filters)}`;
}

function sameRead(a: FrameRead, b: FrameRead): boolean {
  return a.format === b.format && a.text === b.text;
}

/** At or above this module size (pass pixels) a read is confirmed on a smaller image, not a larger one. */
export const DOWNSCALE_CONFIRM_MODULE_PX = 2.8;
/**
 * Module size a downscaled confirmation keeps: EAN misreads begin near 1.3 px, and box
 * downscaling aliases bar widths, so a 3 px code shrunk to 1.8 px no longer reads (measured).
 */
const CONFIRM_MODULE_PX = 2.2;

/**
 * Second opinions on a weak read, tried in order until one agrees. Each must fail differently
 * from the first pass, or a misread repeats itself: the same pixels resampled to another scale
 * under the other threshold algorithm (bar edges land on other pixels), then the other engine
 * (another decoder altogether) on the same region. Wide bars are resampled smaller (to 2.2 px a
 * module, at most 0.8: two thirds of the pixels or fewer to decode instead of 2.25 times, so a
 * label held close is reported sooner); thinner ones larger (1.5), unless the pass had upscaled.
 */
export function confirmationPasses(spec: PassSpec, passModulePx: number | null = null): PassSpec[] {
  const upscaled = spec.transforms.some((t) => t.kind === 'scale' && t.factor > 1);
  const wide = passModulePx !== null && passModulePx >= DOWNSCALE_CONFIRM_MODULE_PX;
  const down = wide ? Math.max(0.5, Math.min(0.8, Math.round((CONFIRM_MODULE_PX / passModulePx) * 20) / 20)) : 0.6;
  const otherBinarizer = spec.options.binarizer === 'global' ? 'local' : 'global';
  const passes: PassSpec[] = [
    {
      ...spec,
      id: `${spec.id}+rescale`,
      transforms: [...spec.transforms, { kind: 'scale', factor: wide ? down : upscaled ? 0.6 : 1.5 }],
      maxSide: spec.maxSide,
      options: { ...spec.options, binarizer: otherBinarizer },
    },
  ];
  if (spec.engine !== 'zxing-js') {
    passes.push({
      ...spec,
      id: `${spec.id}+js`,
      engine: 'zxing-js',
      maxSide: Math.min(spec.maxSide ?? 640, 640),
      options: { ...spec.options, tryHarder: true, tryRotate: false, binarizer: 'local' },
    });
  }
  return passes;
}
