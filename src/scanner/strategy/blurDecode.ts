import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { EngineRead } from '../engines/decodeEngine.ts';
import { isRgba, toGray, type GrayImage, type RgbaImage } from '../imageOps.ts';
import { fitDigits, freeCost, REACH, render, SYMBOL_MODULES, type FitResult, type Geometry } from './blurModel.ts';
import { findBarRegions, sampleProfile, type BarRegion } from './barRegions.ts';

/**
 * Acceptance of one scan line's fit (darkness units: 0 white, 1 full bar contrast). The residual
 * must look like noise; the best digit string of all must itself have a right check digit (a
 * misfit passes the check one time in ten, and then the check-digit fit sits above the free
 * one: seen on ZXing's upca-6/17, a wrong code on three lines); and every other valid digit
 * string must fit clearly worse: a margin in units of the residual's own variance (right reads
 * measure 40-60, that wrong one 10), with a floor for very clean profiles.
 */
export const MAX_RMS = 0.1;
export const MAX_FREE_GAP = 0.02;
export const MIN_MARGIN_NOISE = 20;
export const MIN_MARGIN_ABS = 0.1;
const MIN_HALF_WIDTH_PX = 40;
/** Lines per region; at least two must read the same digits and none another code. */
const LINES = [0.5, 0.3, 0.7, 0.15, 0.85];

export interface LineRead {
  digits: string;
  fit: FitResult;
  geometry: Geometry;
  /** Profile positions of the symbol's ends. */
  from: number;
  to: number;
  accepted: boolean;
}

/** Profile in darkness units between the white and dark levels, each a straight line over x. */
export function normalise(p: Float64Array, white: [number, number], dark: [number, number]): Float64Array {
  const y = new Float64Array(p.length);
  for (let x = 0; x < p.length; x++) {
    const w = white[0] + white[1] * x;
    const d = dark[0] + dark[1] * x;
    y[x] = (w - p[x]!) / Math.max(1, w - d);
  }
  return y;
}

function percentile(p: Float64Array, from: number, to: number, q: number): number {
  const v = Array.from(p.subarray(Math.max(0, Math.floor(from)), Math.min(p.length, Math.ceil(to)))).sort(
    (a, b) => a - b,
  );
  return v[Math.min(v.length - 1, Math.floor(v.length * q))] ?? 0;
}

/** Least squares p ≈ W(x) - (W(x) - D(x))·r(x) with W, D straight lines: the lighting under the fit. */
export function refitLevels(
  p: Float64Array,
  r: Float64Array,
  from: number,
  to: number,
): { white: [number, number]; dark: [number, number] } | null {
  // p = a0 + a1 x + (b0 + b1 x) r, with W = a, D = a + b.
  const m = [0, 0, 0, 0].map(() => [0, 0, 0, 0, 0]);
  for (let x = Math.max(0, Math.floor(from)); x < Math.min(p.length, Math.ceil(to)); x++) {
    const f = [1, x, r[x]!, x * r[x]!];
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) m[i]![j]! += f[i]! * f[j]!;
      m[i]![4]! += f[i]! * p[x]!;
    }
  }
  // Gauss-Jordan on the 4x5 normal equations.
  for (let c = 0; c < 4; c++) {
    let piv = c;
    for (let i = c + 1; i < 4; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[piv]![c]!)) piv = i;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const d = m[c]![c]!;
    if (Math.abs(d) < 1e-9) return null;
    for (let j = c; j < 5; j++) m[c]![j]! /= d;
    for (let i = 0; i < 4; i++) {
      if (i === c) continue;
      const f = m[i]![c]!;
      for (let j = c; j < 5; j++) m[i]![j]! -= f * m[c]![j]!;
    }
  }
  const a0 = m[0]![4]!;
  const a1 = m[1]![4]!;
  const b0 = m[2]![4]!;
  const b1 = m[3]![4]!;
  return { white: [a0, a1], dark: [a0 + b0, a1 + b1] };
}

/** The stretch of strong edges in a profile: where the bars probably are. */
export function activeSpan(p: Float64Array): { from: number; to: number } | null {
  const n = p.length;
  const act = new Float64Array(n);
  for (let x = 1; x < n - 1; x++) act[x] = Math.abs(p[x + 1]! - p[x - 1]!);
  const sm = new Float64Array(n);
  const r = 3;
  for (let x = 0; x < n; x++) {
    let s = 0;
    for (let i = Math.max(0, x - r); i <= Math.min(n - 1, x + r); i++) s += act[i]!;
    sm[x] = s;
  }
  let max = 0;
  for (let x = Math.floor(n * 0.3); x < Math.ceil(n * 0.7); x++) max = Math.max(max, sm[x]!);
  if (max <= 0) return null;
  const mid = Math.floor(n / 2);
  let from = mid;
  let to = mid;
  // Walk out from the middle until the activity stays low for a while (the quiet zones).
  // Above sensor noise: a few times the activity of the quietest tenth (the margins' paper).
  const sorted = Array.from(sm).sort((a, b) => a - b);
  const low = Math.max(max * 0.06, 3 * sorted[Math.floor(n * 0.1)]!);
  // About five modules (profiles are ~150 modules long): wider than a blurred-out stretch inside
  // the code (the middle guard at a module of blur), narrower than a quiet zone.
  const gap = Math.max(4, Math.round(n / 28));
  let quiet = 0;
  for (let x = mid; x >= 0; x--) {
    if (sm[x]! > low) {
      from = x;
      quiet = 0;
    } else if (++quiet > gap) break;
  }
  quiet = 0;
  for (let x = mid; x < n; x++) {
    if (sm[x]! > low) {
      to = x;
      quiet = 0;
    } else if (++quiet > gap) break;
  }
  return to - from > 20 ? { from: from + r, to: to - r } : null;
}

/** Blur radii (modules) the wide search starts from; the fine search moves between them. */
const RADII = [0.9, 1.7, 2.5];
/** Modules either way of the active stretch's edges that the first line's search tries. */
const COARSE_REACH = 8;

/**
 * Fit one profile read left to right: the geometry (ends and blur) on the cheap check-free
 * cost, then the digits with their margin. Without `prior` the ends are searched up to eight
 * modules from the edges of the active stretch (a blurred guard bar barely shows); with one
 * (the geometry of another line of the same region) only a module around it.
 */
export function readProfile(p: Float64Array, prior?: Geometry): LineRead | null {
  const span = prior ? { from: prior.start, to: prior.start + prior.module * SYMBOL_MODULES } : activeSpan(p);
  if (!span) return null;
  const { from, to } = span;
  const white = percentile(p, from, to, 0.95);
  const dark = percentile(p, from, to, 0.05);
  if (white - dark < 8) return null;
  let y = normalise(p, [white, 0], [dark, 0]);
  const w0 = (to - from) / SYMBOL_MODULES;
  if (w0 < 1) return null;
  let best: Geometry = { start: from, module: w0, radius: w0 };
  let bestCost = Infinity;
  const tried: { g: Geometry; c: number }[] = [];
  const tryGeometry = (s: number, e: number, k: number) => {
    const module = (e - s) / SYMBOL_MODULES;
    if (module < 1 || k > REACH || k < 0.3) return;
    const g = { start: s, module, radius: k * module };
    const c = freeCost(y, g);
    tried.push({ g, c });
    if (c < bestCost) {
      bestCost = c;
      best = g;
    }
  };
  const end = () => best.start + best.module * SYMBOL_MODULES;
  // Each of start, end and blur a step either way while that improves the fit.
  const fine = (step: number, spread: number, rounds: number) => {
    for (let round = 0; round < rounds; round++) {
      const before = bestCost;
      const s0 = best.start;
      const e0 = end();
      const k0 = best.radius / best.module;
      tryGeometry(s0 - step, e0, k0);
      tryGeometry(s0 + step, e0, k0);
      tryGeometry(best.start, e0 - step, k0);
      tryGeometry(best.start, e0 + step, k0);
      const s1 = best.start;
      const e1 = end();
      tryGeometry(s1, e1, k0 * (1 - spread));
      tryGeometry(s1, e1, k0 * (1 + spread));
      if (bestCost >= before) break;
    }
  };
  const starts: Geometry[] = [];
  if (prior) {
    tryGeometry(from, to, prior.radius / prior.module);
    fine(w0 * 0.5, 0.2, 2);
    starts.push(best);
  } else {
    // Each end in turn at every module, per blur; the few best distinct geometries then
    // go on to the fine search and the full fit (the check-free optimum may be a wrong one).
    for (const k of RADII) {
      let s1 = from;
      let c1 = Infinity;
      for (let i = -COARSE_REACH; i <= COARSE_REACH; i++) {
        const before = tried.length;
        tryGeometry(from + i * w0, to, k);
        const t = tried[before];
        if (t && t.c < c1) [c1, s1] = [t.c, t.g.start];
      }
      for (let j = -COARSE_REACH; j <= COARSE_REACH; j++) if (j !== 0) tryGeometry(s1, to + j * w0, k);
    }
    tried.sort((a, b) => a.c - b.c);
    for (const t of tried) {
      const distinct = starts.every(
        (g) =>
          Math.abs(g.start - t.g.start) > g.module ||
          Math.abs(g.start + 95 * g.module - t.g.start - 95 * t.g.module) > g.module,
      );
      if (distinct) starts.push(t.g);
      if (starts.length >= 3) break;
    }
  }
  // The candidates a quarter module at a time (the check-free cost decides), then the best one
  // finer, under the lighting refitted to its digits.
  let chosen: Geometry | null = null;
  let chosenCost = Infinity;
  for (const g0 of starts) {
    best = g0;
    bestCost = freeCost(y, g0);
    fine(w0 * 0.25, 0.15, 3);
    if (bestCost < chosenCost) [chosen, chosenCost] = [best, bestCost];
  }
  if (!chosen) return null;
  best = chosen;
  bestCost = chosenCost;
  fine(w0 * 0.1, 0.07, 3);
  let fit = fitDigits(y, best);
  if (fit.digits) {
    const levels = refitLevels(
      p,
      render(fit.digits, best, p.length),
      best.start - 3 * best.module,
      end() + 3 * best.module,
    );
    // A refit that loses most of the contrast has fitted something else than bars.
    if (levels && levels.white[0] - levels.dark[0] > 0.3 * (white - dark)) {
      y = normalise(p, levels.white, levels.dark);
      bestCost = freeCost(y, best);
      fine(best.module * 0.1, 0.08, 2);
      fit = fitDigits(y, best);
    }
  }
  if (!fit.digits) return null;
  const rms2 = fit.cost / Math.max(1, fit.samples);
  const accepted =
    Math.sqrt(rms2) <= MAX_RMS &&
    fit.cost - fit.free <= MAX_FREE_GAP &&
    fit.second - fit.cost >= Math.max(MIN_MARGIN_ABS, MIN_MARGIN_NOISE * rms2);
  return { digits: fit.digits, fit, geometry: best, from: best.start, to: end(), accepted };
}

export interface BlurDebug {
  region: BarRegion;
  lines: (LineRead | null)[];
}

/**
 * EAN-13 / UPC-A from defocused bars: each bar-like region is read along several scan lines,
 * both directions; a code is reported only when two lines read it and no line reads another.
 * `lineCount` is how many lines agreed (each a separate look at the pixels).
 */
export function decodeBlurred(
  image: GrayImage | RgbaImage,
  formats: readonly BarcodeFormatName[],
  debug?: BlurDebug[],
): EngineRead[] {
  const wantEan = formats.includes('EAN_13');
  const wantUpc = formats.includes('UPC_A');
  if (!wantEan && !wantUpc) return [];
  const g = isRgba(image) ? toGray(image) : image;
  const out: EngineRead[] = [];
  // An EAN/UPC at a pixel a module or more is ~95 px across; smaller regions are other things.
  const regions = findBarRegions(g).filter((r) => r.halfU >= MIN_HALF_WIDTH_PX);
  for (const region of regions.slice(0, 2)) {
    if (out.length > 0) break;
    const lines: (LineRead | null)[] = [];
    const reads = new Map<string, { n: number; ends: { x: number; y: number }[] }>();
    let reversed = false;
    let prior: Geometry | undefined;
    for (const at of LINES) {
      const prof = sampleProfile(g, region, at);
      const n = prof.values.length;
      const back = () => Float64Array.from(prof.values).reverse();
      let read: LineRead | null;
      if (!prior) {
        // The first line decides the direction (the better fit) and the geometry for the rest.
        const fwd = readProfile(prof.values);
        const rev = readProfile(back());
        reversed = !!rev && (!fwd || rev.fit.cost < fwd.fit.cost);
        read = reversed ? rev : fwd;
        lines.push(read);
        // Nothing like bars of an EAN here: the region is something else.
        if (!read || Math.sqrt(read.fit.cost / read.fit.samples) > 2 * MAX_RMS) break;
        prior = read.geometry;
      } else {
        read = readProfile(reversed ? back() : prof.values, prior);
        lines.push(read);
      }
      if (!read?.accepted) continue;
      const [a, b] = reversed ? [n - 1 - read.to, n - 1 - read.from] : [read.from, read.to];
      const r = reads.get(read.digits) ?? { n: 0, ends: [] };
      r.n++;
      r.ends.push(prof.point(a), prof.point(b));
      reads.set(read.digits, r);
    }
    debug?.push({ region, lines });
    if (reads.size !== 1) continue;
    const [digits, r] = [...reads.entries()][0]!;
    if (r.n < 2) continue;
    const upc = digits.startsWith('0') && wantUpc;
    if (!upc && !wantEan) continue;
    // Corners as ZXing gives a 1D read: first line's ends on top, last line's at the bottom.
    const [tl, tr] = [r.ends[0]!, r.ends[1]!];
    const [bl, br] = [r.ends[r.ends.length - 2]!, r.ends[r.ends.length - 1]!];
    out.push({
      text: upc ? digits.slice(1) : digits,
      format: upc ? 'UPC_A' : 'EAN_13',
      points: [tl, tr, br, bl],
      lineCount: r.n,
    });
  }
  return out;
}
