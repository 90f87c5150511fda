import { fitDigits, freeCost, type FitResult } from './blurDigits.ts';
import {
  pairCosts,
  QUIET_MODULES,
  REACH,
  render,
  SYMBOL_MODULES,
  type CostTables,
  type Geometry,
} from './blurModel.ts';

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
export const MIN_MARGIN_NOISE = 30;
export const MIN_MARGIN_ABS = 0.03;

export interface LineRead {
  digits: string;
  fit: FitResult;
  geometry: Geometry;
  /** Profile positions of the symbol's ends. */
  from: number;
  to: number;
  accepted: boolean;
  /** Read right to left (geometry and ends in that direction's sample positions). */
  reversed: boolean;
  /** Residual per sample in grey levels² (compares fits under other lighting or direction). */
  score: number;
  /** The line's digit costs under its geometry and lighting (for the joint fit of the lines). */
  tables: CostTables;
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

/** Blur radii (modules) the wide search sweeps with; the fine search moves between them. */
const RADII = [0.9, 1.7, 2.5, 3.2];
/**
 * Blurs of the wide sweeps: a module (the bars still show; their edges place the ends) and
 * heavy defocus, where a sweep at a small blur finds its best fit somewhere else.
 */
const WIDE_RADII = [0.9, 2.5];
/**
 * How far the wide search moves each end of the active stretch, in its modules: outwards a few
 * (a blurred guard bar barely shows), inwards far (heavy blur spreads the bars' activity and the
 * stretch takes in printed digits or a neighbour's edges: on ZXing's ean13-5 photos the code's
 * ends sit 10-16 modules inside it).
 */
const OUTWARD = 4;
const INWARD = 20;
/** Modules either way of the wide search's ends that each blur tries. */
const LOCAL = 3;
/** The symbol covers at least this share of the active stretch. */
const MIN_SPAN_SHARE = 0.6;
/** Candidate geometries of the wide search that go on to the full fit. */
const CANDIDATES = 3;
/** Residual of the best coarse geometry (share of the contrast) above which the line stops. */
const MAX_COARSE_RMS = 0.22;
/** Of those, both directions each, how many get the digits fitted. */
const FITTED = 2;
/** Rounds of lighting refit and digits per candidate. */
const REFITS = 3;

interface Candidate {
  g: Geometry;
  /** Check-free cost per sample in grey levels², so fits under other lighting compare. */
  c: number;
}

/** A geometry found on another line of the region, in the coordinates of the direction read. */
export interface Prior {
  geometry: Geometry;
  reversed: boolean;
}

/**
 * Fit one profile, in whichever direction fits: the geometry (ends and blur) on the cheap
 * check-free cost, then the digits with their margin, under lighting refitted to them. Without
 * `prior` the ends are searched widely (sweeps of each end in whole modules), and the best few
 * distinct geometries each get the full fit; with one (another line of the same region) only a
 * module around it, in its direction.
 */
export function readProfile(p: Float64Array, prior?: Prior): LineRead | null {
  const n = p.length;
  const end = (g: Geometry) => g.start + g.module * SYMBOL_MODULES;
  // Sample x read backwards is sample n-1-x.
  const mirror = (g: Geometry): Geometry => ({ ...g, start: n - 1 - end(g) });
  const known = prior && (prior.reversed ? mirror(prior.geometry) : prior.geometry);
  const span = known ? { from: known.start, to: end(known) } : activeSpan(p);
  if (!span) return null;
  const { from, to } = span;
  const white = percentile(p, from, to, 0.95);
  const dark = percentile(p, from, to, 0.05);
  if (white - dark < 8) return null;
  const w0 = (to - from) / SYMBOL_MODULES;
  if (w0 < 1) return null;
  const back = Float64Array.from(p).reverse();
  const y0 = normalise(p, [white, 0], [dark, 0]);
  const y0Back = Float64Array.from(y0).reverse();
  // Costs compare per sample (a shorter symbol has fewer samples to misfit) in grey levels.
  const perSample = (cost: number, g: Geometry, contrast: number) => {
    const a = Math.max(0, Math.ceil(g.start - QUIET_MODULES * g.module));
    const b = Math.min(n, Math.ceil(g.start + (SYMBOL_MODULES + QUIET_MODULES) * g.module));
    return (cost * contrast * contrast) / Math.max(1, b - a);
  };
  const geometry = (s: number, e: number, k: number): Geometry | null => {
    const module = (e - s) / SYMBOL_MODULES;
    if (module < 1 || k > REACH || k < 0.3) return null;
    return { start: s, module, radius: k * module };
  };
  /** Coordinate descent of start, end and blur from g0 on profile y (darkness of `contrast`). */
  const refine = (y: Float64Array, contrast: number, g0: Geometry, step: number, spread: number, rounds: number) => {
    let best = g0;
    let bestCost = perSample(freeCost(y, g0), g0, contrast);
    const tryG = (s: number, e: number, k: number) => {
      const g = geometry(s, e, k);
      if (!g) return;
      const c = perSample(freeCost(y, g), g, contrast);
      if (c < bestCost) [best, bestCost] = [g, c];
    };
    for (let round = 0; round < rounds; round++) {
      const before = bestCost;
      const k0 = best.radius / best.module;
      const e0 = end(best);
      tryG(best.start - step, e0, k0);
      tryG(best.start + step, e0, k0);
      tryG(best.start, e0 - step, k0);
      tryG(best.start, e0 + step, k0);
      tryG(best.start, end(best), k0 * (1 - spread));
      tryG(best.start, end(best), k0 * (1 + spread));
      if (bestCost >= before) break;
    }
    return { g: best, c: bestCost };
  };
  const starts: { g: Geometry; reversed: boolean; c: number }[] = [];
  if (known && prior) {
    const g = geometry(from, to, prior.geometry.radius / prior.geometry.module);
    const r = prior.reversed;
    if (g) starts.push({ ...refine(r ? y0Back : y0, white - dark, r ? mirror(g) : g, w0 * 0.5, 0.2, 2), reversed: r });
  } else {
    const tried: Candidate[] = [];
    const at = (s: number, e: number, k: number) => {
      const g = geometry(s, e, k);
      if (!g || e - s < MIN_SPAN_SHARE * (to - from)) return Infinity;
      const c = perSample(freeCost(y0, g), g, white - dark);
      tried.push({ g, c });
      return c;
    };
    // `s` swept against `e` fixed, then `e`; ends relative to (s0, e0) in modules.
    const sweep = (k: number, s: number, e: number, s0: number, e0: number, out: number, inn: number) => {
      let bc = Infinity;
      let bs = s;
      for (let i = -out; i <= inn; i++) {
        const c = at(s0 + i * w0, e, k);
        if (c < bc) [bc, bs] = [c, s0 + i * w0];
      }
      bc = Infinity;
      let be = e;
      for (let j = -out; j <= inn; j++) {
        const c = at(bs, e0 - j * w0, k);
        if (c < bc) [bc, be] = [c, e0 - j * w0];
      }
      return [bs, be] as const;
    };
    // Read forwards only: the basin is where the code is, whichever way it reads. Wide at each
    // of two blurs (twice: each end's best depends on the other's), then the others around that.
    for (const wide of WIDE_RADII) {
      let [s, e] = sweep(wide, from, to, from, to, OUTWARD, INWARD);
      [s, e] = sweep(wide, s, e, from, to, OUTWARD, INWARD);
      for (const k of RADII) if (k !== wide) sweep(k, s, e, s, e, LOCAL, LOCAL);
    }
    tried.sort((a, b) => a.c - b.c);
    // No geometry explains the profile even roughly: no code here (bars measure 0.09-0.19 of
    // their contrast, textures and stripes 0.21-0.38); the digits would cost most of the time.
    if (!tried[0] || Math.sqrt(tried[0].c) / (white - dark) > MAX_COARSE_RMS) return null;
    const coarse: Geometry[] = [];
    for (const t of tried) {
      const distinct = coarse.every(
        (g) => Math.abs(g.start - t.g.start) > 1.5 * w0 || Math.abs(end(g) - end(t.g)) > 1.5 * w0,
      );
      if (distinct) coarse.push(t.g);
      if (coarse.length >= CANDIDATES) break;
    }
    // Each a quarter module at a time, both ways; the best few go on to the digits.
    for (const g of coarse) {
      starts.push({ ...refine(y0, white - dark, g, w0 * 0.25, 0.15, 2), reversed: false });
      starts.push({ ...refine(y0Back, white - dark, mirror(g), w0 * 0.25, 0.15, 2), reversed: true });
    }
    starts.sort((a, b) => a.c - b.c).splice(FITTED);
  }
  // Each candidate: the digits, the lighting refitted to them (a straight line each for paper
  // and ink: defocus and uneven light), finer, the digits again. The candidate whose fit leaves
  // the least residual in grey levels wins.
  let chosen: LineRead | null = null;
  for (const start of starts) {
    const pp = start.reversed ? back : p;
    let g = start.g;
    let y = start.reversed ? y0Back : y0;
    let contrast = white - dark;
    let fit = fitDigits(y, g);
    // Lighting and digits in turn (each fits better given the other) until the digits settle.
    for (let iter = 0; iter < REFITS && fit.digits; iter++) {
      const levels = refitLevels(pp, render(fit.digits, g, n), g.start - 3 * g.module, end(g) + 3 * g.module);
      if (!levels) break;
      const mid = (g.start + end(g)) / 2;
      const c = levels.white[0] - levels.dark[0] + (levels.white[1] - levels.dark[1]) * mid;
      // A refit that loses most of the contrast has fitted something else than bars.
      if (c <= 0.3 * (white - dark)) break;
      y = normalise(pp, levels.white, levels.dark);
      contrast = c;
      g = refine(y, contrast, g, g.module * 0.1, 0.08, 2).g;
      const before = fit.digits;
      fit = fitDigits(y, g);
      if (fit.digits === before) break;
    }
    if (!fit.digits) continue;
    const score = perSample(fit.cost, g, contrast);
    if (chosen && score >= chosen.score) continue;
    const rms2 = fit.cost / Math.max(1, fit.samples);
    const accepted =
      Math.sqrt(rms2) <= MAX_RMS &&
      fit.cost - fit.free <= MAX_FREE_GAP &&
      fit.second - fit.cost >= Math.max(MIN_MARGIN_ABS, MIN_MARGIN_NOISE * rms2);
    const tables = pairCosts(y, g);
    const { reversed } = start;
    chosen = { digits: fit.digits, fit, geometry: g, from: g.start, to: end(g), accepted, tables, score, reversed };
  }
  return chosen;
}
