import type { BarcodeFormatName, Roi } from '../decoderTypes.ts';
import type { DecodeEngine, EngineName, PassEngineName } from '../engines/decodeEngine.ts';
import { ALL_FORMATS, isLinear, needsAgreement } from '../engines/formatNames.ts';
import { edgeDensity, frameFingerprint, type RgbaImage } from '../imageOps.ts';
import { FramePixels, normaliseRoi, preparePassImage, type Point } from './passImage.ts';
import type { PassPlan, PassSpec } from './passPlans.ts';
import { barsPlausible, measureBars, MIN_CHECKED_MODULE_PX } from './barShape.ts';
import { ReadGuard } from './readGuard.ts';
import { centre, pickBest, spotOf } from './readPlace.ts';
import { passReads } from './passReads.ts';

import { confirmationPasses, independenceKey } from './secondOpinions.ts';
import { MODEL_CHECK_ID, modelCheck, modelOpinion, type ModelOpinion } from './modelCheck.ts';

// Re-exported for the tests and the bench.
export { pickBest, spotOf } from './readPlace.ts';
export { confirmationPasses, DOWNSCALE_CONFIRM_MODULE_PX, independenceKey } from './secondOpinions.ts';

export type EngineProvider = (name: EngineName) => Promise<DecodeEngine>;

export interface FrameInput {
  image: RgbaImage;
  roi?: Roi;
  formats?: readonly BarcodeFormatName[];
  /**
   * Frames of a live camera: a weak read waiting for agreement is returned as `tentative` at
   * once, for the next camera frame to confirm, instead of being confirmed on these pixels.
   */
  stream?: boolean;
}

export interface FrameRead {
  text: string;
  format: BarcodeFormatName;
  points: Point[];
  engine: PassEngineName;
  passId: string;
}

export interface FrameOutcome {
  barcode: FrameRead | null;
  /** Passes run on this frame, in order, with their time. */
  passes: PassTiming[];
  /** True once every pass of the plan has been tried since the last success (or reset). */
  exhausted: boolean;
  /**
   * Stream mode only: a weak-check code read on this frame that the read guard has not accepted
   * yet. Never to be reported as it is; the caller waits for another frame to agree.
   */
  tentative?: FrameRead | null;
  /** The frame's fingerprint (frameFingerprint): equal keys are the same still image. */
  frameKey: string;
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

/** The frame a decodeFrame call works on, as every pass of it sees it; `passes` collects their times. */
interface OneFrame {
  frame: FramePixels;
  roi: Roi | null;
  formats: readonly BarcodeFormatName[];
  passes: PassTiming[];
}

/** A pass's reportable read, or (stream mode) a weak read still waiting for agreement. */
interface PassResult {
  read: FrameRead;
  tentative: boolean;
}

function reportable(read: FrameRead | null): PassResult | null {
  return read ? { read, tentative: false } : null;
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
 * Runs a pass plan over a stream of frames: the plan's cheap passes on every frame and, while
 * they keep failing, one harder pass per frame in turn. Pure TypeScript over injected engines,
 * so the worker, the benchmark page and the unit tests all run this same code.
 */
export class FrameStrategy {
  private frame = 0;
  private frameKey = '';
  private failStreak = 0;
  private escalatedSlots = 0;
  /** The escalation slot given a second frame for its tentative read (see hold). */
  private retriedSlot: number | null = null;
  /** The last tentative read and its frame (see runTentative). */
  private lastTentative: { key: string; frameKey: string } | null = null;
  private readonly guard = new ReadGuard();
  /** The frame being decoded is a live camera's (see FrameInput.stream). */
  private streaming = false;

  constructor(
    private readonly plan: PassPlan,
    private readonly engines: EngineProvider,
  ) {}

  /** Engines the plan uses, so a caller can load them ahead of the first frame. */
  engineNames(): EngineName[] {
    return [...new Set([...this.plan.every, ...this.plan.escalate].map((p) => p.engine))].filter(
      (e) => e !== 'blur-model' && e !== 'qr-mesh',
    );
  }

  reset(): void {
    this.failStreak = 0;
    this.escalatedSlots = 0;
    this.retriedSlot = null;
    this.lastTentative = null;
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
    const on: OneFrame = { frame, roi, formats, passes };

    const stream = input.stream === true && this.plan.guard;
    this.streaming = stream;
    const run = (spec: PassSpec) => (stream ? this.runTentative(spec, on) : this.runConfirmed(spec, on));
    for (const spec of this.plan.every) {
      const found = await run(spec);
      if (found?.tentative) return this.hold(found.read, passes, null);
      if (found) return this.succeed(found.read, passes);
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
        if (found?.tentative) return this.hold(found.read, passes, slot);
        if (found) return this.succeed(found.read, passes);
      }
    }
    this.failStreak++;
    this.retriedSlot = null;
    this.lastTentative = null;
    return {
      barcode: null,
      passes,
      // A featureless view gets nothing harder, so nothing more will be tried on it.
      exhausted: this.escalatedSlots >= escalate.length || !detail,
      frameKey: this.frameKey,
    };
  }

  /**
   * Stream mode: a pass's weak read that the guard leaves pending ends the frame as a tentative
   * read, so the next camera frame (the second opinion the live rule needs anyway) comes sooner.
   * A read found by a harder pass gets that same pass once more on the next frame: the cheap
   * passes, or the next pass in turn, may not read it at all.
   */
  private hold(read: FrameRead, passes: PassTiming[], slot: number | null): FrameOutcome {
    if (slot !== null && this.retriedSlot !== slot) {
      this.escalatedSlots = slot;
      this.retriedSlot = slot;
    } else this.retriedSlot = null;
    const { text, format, points, engine, passId } = read;
    return {
      barcode: null,
      tentative: { text, format, points, engine, passId },
      passes,
      exhausted: false,
      frameKey: this.frameKey,
    };
  }

  /**
   * Stream mode's pass: no same-frame confirmation; a pending weak read comes back tentative.
   * One still pending on a later frame is not waiting for a second frame but blocked (a piece
   * of a longer code seen here, a contradicted read): the frame's other passes then run, as on
   * a miss, so the longer code keeps being seen.
   */
  private async runTentative(spec: PassSpec, on: OneFrame): Promise<PassResult | null> {
    const { best, pending } = await this.runPass(spec, on);
    if (best) return { read: best, tentative: false };
    const waiting = pickBest(pending);
    if (!waiting) return null;
    const key = `${waiting.format}\u0000${waiting.text}`;
    if (this.lastTentative?.key === key && this.lastTentative.frameKey !== this.frameKey) return null;
    this.lastTentative = { key, frameKey: this.frameKey };
    return { read: waiting, tentative: true };
  }

  /**
   * Run a pass; when it sees weak linear reads that nothing has confirmed yet, get second
   * opinions in the same frame (see confirmationPasses) instead of waiting for later frames.
   * With two codes in view, a confirmed code is reported only if no better placed one is still
   * waiting (a book's price code must not win over the ISBN in the middle).
   */
  private async runConfirmed(spec: PassSpec, on: OneFrame): Promise<PassResult | null> {
    const first = await this.runPass(spec, on);
    if (first.best || first.pending.length === 0 || !this.plan.guard) return reportable(first.best);
    const waiting = pickBest(first.pending);
    const confirmed: Accepted[] = [];
    for (const second of confirmationPasses(spec, waiting?.passModulePx ?? null)) {
      const again = await this.runPass(second, on);
      if (again.best) confirmed.push(again.best);
      const best = pickBest(confirmed);
      if (best && (!waiting || pickBest([best, waiting]) === best || sameRead(best, waiting))) return reportable(best);
    }
    if (confirmed.length === 0 && waiting) return reportable(this.modelOpinion(waiting, on));
    return reportable(pickBest(confirmed));
  }

  /** The blur model's look at the frame's own pixels as the second opinion (see modelCheck.ts). */
  private modelOpinion(read: Accepted, on: OneFrame): Accepted | null {
    const t0 = performance.now();
    const check = modelCheck(on.frame.gray, read.points, read.format, read.text);
    if (!check) return null;
    on.passes.push({ id: MODEL_CHECK_ID, ms: performance.now() - t0 });
    const opinion = modelOpinion(check, read, on.formats);
    if (!opinion) return null;
    const { text, format, looks } = opinion;
    let verdict = 'pending';
    for (const passId of looks)
      verdict = this.guard.judge(
        { text, format, passId, frameKey: this.frameKey, spot: spotOf(read.points) },
        this.frame,
      );
    if (verdict !== 'accept') return null;
    return text === read.text ? read : { ...read, text, format, engine: 'blur-model', passId: MODEL_CHECK_ID };
  }

  private succeed(found: FrameRead, passes: PassTiming[]): FrameOutcome {
    this.failStreak = 0;
    this.escalatedSlots = 0;
    this.retriedSlot = null;
    this.lastTentative = null;
    const { text, format, points, engine, passId } = found;
    return { barcode: { text, format, points, engine, passId }, passes, exhausted: false, frameKey: this.frameKey };
  }

  private async runPass(spec: PassSpec, on: OneFrame): Promise<{ best: Accepted | null; pending: Accepted[] }> {
    const { frame, roi, formats, passes } = on;
    const t0 = performance.now();
    const prepared = preparePassImage(frame, roi, spec);
    if (!prepared) return { best: null, pending: [] };
    const reads = await passReads(spec, prepared.image, formats, this.engines);
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
      // Finer retail bars only on a still, with the model's reading of the frame pixels as
      // their second opinion, or its own reading instead of a misread (a live camera's frames
      // confirm a code held closer instead).
      let opinion: ModelOpinion | null = null;
      if (this.plan.guard && isLinear(r.format) && !barsPlausible(shape)) {
        if (this.streaming || !barsPlausible(shape, MIN_CHECKED_MODULE_PX)) continue;
        const t1 = performance.now();
        const check = modelCheck(frame.gray, points, r.format, r.text);
        passes.push({ id: MODEL_CHECK_ID, ms: performance.now() - t1 });
        opinion = check && modelOpinion(check, r, formats);
        if (!opinion) continue;
      }
      const reread = opinion !== null && opinion.text !== r.text;
      const inRoi =
        roi !== null &&
        c !== null &&
        c.x >= roi.x &&
        c.x <= roi.x + roi.width &&
        c.y >= roi.y &&
        c.y <= roi.y + roi.height;
      const read: Accepted = {
        text: opinion?.text ?? r.text,
        format: opinion?.format ?? r.format,
        points,
        engine: reread ? 'blur-model' : spec.engine,
        passId: reread ? MODEL_CHECK_ID : spec.id,
        inRoi: inRoi || (spec.region !== 'full' && roi !== null),
        strong: !this.plan.guard || !needsAgreement(r.format),
        distance: c ? Math.hypot(c.x - target.x, c.y - target.y) : Number.MAX_VALUE,
        passModulePx: shape ? shape.modulePx / framePerPass : null,
      };
      if (this.plan.guard) {
        // The blur model reports a code only when separate scan lines each fit it clearly
        // better than any other digits: on a still each such line is its own look at the
        // pixels. A live frame is one look, so the read stays tentative and the same pass runs
        // again on the next frame (see hold), which the live rule needs anyway.
        const looks = spec.engine === 'blur-model' && !this.streaming ? Math.min(2, r.lineCount) : 1;
        const key = independenceKey(spec, roi, prepared.image);
        const ids = reread ? [] : Array.from({ length: looks }, (_, look) => key + (look > 0 ? `|line${look}` : ''));
        ids.push(...(opinion?.looks ?? []));
        let verdict: ReturnType<ReadGuard['judge']> = 'reject';
        for (const passId of ids)
          verdict = this.guard.judge(
            { text: read.text, format: read.format, passId, frameKey: this.frameKey, spot: spotOf(points) },
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

function sameRead(a: FrameRead, b: FrameRead): boolean {
  return a.format === b.format && a.text === b.text;
}
