/**
 * Model fit of an EAN-13 / UPC-A scan-line profile whose bars are blurred together (defocus):
 * the printed module pattern convolved with a defocus disk is compared with the profile by least
 * squares, and the 12 encoded digits are chosen by dynamic programming with the check digit in
 * the state (blurDigits.ts). Thresholding decoders need sharp edges; this needs only the bars' shape.
 */

/** Bar (1) / space (0) patterns of the L code; R is its complement, G the reversed R. */
const L_CODES = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const pattern = (s: string) => [...s].map((c) => (c === '1' ? 1 : 0));
const L = L_CODES.map(pattern);
const R = L.map((p) => p.map((b) => 1 - b));
const G = R.map((p) => [...p].reverse());
/** Candidates of a left digit: 0-9 L (odd parity), 10-19 G (even); a right digit: 0-9 R. */
const LEFT_CANDIDATES = [...L, ...G];
/** Parity (0 = L, 1 = G) of the six left digits for each first digit. */
const FIRST_DIGIT_PARITY = [
  '000000',
  '001011',
  '001101',
  '001110',
  '010011',
  '011001',
  '011100',
  '010101',
  '010110',
  '011010',
].map((s) => [...s].map(Number));

export const SYMBOL_MODULES = 95;
/** First module of digit token k (0-5 left, 6-11 right). */
const tokenStart = (k: number) => (k < 6 ? 3 + 7 * k : 50 + 7 * (k - 6));
/** Guard modules: 1 = bar; digits are -1 here. */
const FIXED: number[] = (() => {
  const m = new Array<number>(SYMBOL_MODULES).fill(-1);
  const set = (at: number, bits: string) => [...bits].forEach((b, i) => (m[at + i] = Number(b)));
  set(0, '101');
  set(45, '01010');
  set(92, '101');
  return m;
})();
/** White modules assumed beside the guards (the quiet zone is 7-11 modules; photos crop it). */
export const QUIET_MODULES = 3;
/** The blur's reach, in modules: half a digit, so a pixel sees at most two digits. */
export const REACH = 3.5;

/**
 * Edge response of a defocus blur: the 1D projection of a pillbox of radius 1 (a semicircle),
 * integrated. Defocus is a disk, not a Gaussian: its response keeps some contrast of the thin
 * bars (with a sign flip) that a Gaussian model would explain away, and its support is finite,
 * so a blur of up to REACH modules is modelled exactly by the two-digit pair costs below.
 */
function exactEdge(x: number): number {
  if (x <= -1) return 0;
  if (x >= 1) return 1;
  return 0.5 + (Math.asin(x) + x * Math.sqrt(1 - x * x)) / Math.PI;
}
/** The edge response tabulated (linear interpolation; error ~1e-6): the search calls it millions of times. */
const EDGE_STEPS = 1024;
const EDGE_TABLE = Float64Array.from({ length: EDGE_STEPS + 2 }, (_, i) => exactEdge((2 * i) / EDGE_STEPS - 1));
function edge(x: number): number {
  if (x <= -1) return 0;
  if (x >= 1) return 1;
  const t = (x + 1) * (EDGE_STEPS / 2);
  const i = t | 0;
  const f = t - i;
  return EDGE_TABLE[i]! + f * (EDGE_TABLE[i + 1]! - EDGE_TABLE[i]!);
}

export interface Geometry {
  /** Profile position of the left edge of module 0 (samples). */
  start: number;
  /** Samples per module. */
  module: number;
  /** Radius of the defocus disk, samples (at most REACH modules). */
  radius: number;
}

/** A profile's digit costs under one geometry (see pairCosts); lines of one code add up. */
export interface CostTables {
  first: Float64Array;
  last: Float64Array;
  pairs: Float64Array[];
  samples: number;
}

/**
 * Pair costs: C[k][a*nb + b] for tokens k-1 (candidate a) and k (candidate b), k = 1..11; the
 * ends as unary costs of token 0 and token 11. `y` is the profile as darkness (0 white, 1 bar).
 */
export function pairCosts(y: Float64Array, g: Geometry): CostTables {
  const { start, module: w, radius } = g;
  const nCand = (k: number) => (k < 6 ? 20 : 10);
  const cands = (k: number) => (k < 6 ? LEFT_CANDIDATES : R);
  const first = new Float64Array(20);
  const last = new Float64Array(10);
  const pairs: Float64Array[] = [];
  const wa = new Float64Array(7);
  const wb = new Float64Array(7);
  let samples = 0;
  for (let seg = 0; seg <= 12; seg++) {
    const u0 = seg === 0 ? -QUIET_MODULES : tokenStart(seg - 1) + 3.5;
    const u1 = seg === 12 ? SYMBOL_MODULES + QUIET_MODULES : tokenStart(seg) + 3.5;
    const x0 = Math.max(0, Math.ceil(start + u0 * w));
    const x1 = Math.min(y.length, Math.ceil(start + u1 * w));
    const ka = seg - 1;
    const kb = seg;
    const na = ka >= 0 ? nCand(ka) : 1;
    const nb = kb <= 11 ? nCand(kb) : 1;
    const cost = new Float64Array(na * nb);
    const ca = ka >= 0 ? cands(ka) : null;
    const cb = kb <= 11 ? cands(kb) : null;
    // cost(a, b) = Σ (r - A·wa - B·wb)², expanded into sums over the segment's pixels so each
    // pair costs a few dot products instead of a pass over the pixels.
    let rr = 0;
    const ra = new Float64Array(7);
    const rb = new Float64Array(7);
    const aa = new Float64Array(49);
    const bb = new Float64Array(49);
    const ab = new Float64Array(49);
    for (let x = x0; x < x1; x++) {
      const u = (x - start) / w;
      let fixed = 0;
      wa.fill(0);
      wb.fill(0);
      const j0 = Math.max(0, Math.floor(u - REACH));
      let lo = edge((start + j0 * w - x) / radius);
      for (let j = j0; j <= Math.min(SYMBOL_MODULES - 1, Math.floor(u + REACH)); j++) {
        const hi = edge((start + (j + 1) * w - x) / radius);
        const wt = hi - lo;
        lo = hi;
        const f = FIXED[j]!;
        if (f >= 0) fixed += f * wt;
        else if (ka >= 0 && j >= tokenStart(ka) && j < tokenStart(ka) + 7) wa[j - tokenStart(ka)]! += wt;
        else if (kb <= 11 && j >= tokenStart(kb) && j < tokenStart(kb) + 7) wb[j - tokenStart(kb)]! += wt;
        else fixed += 0.5 * wt;
      }
      const r = y[x]! - fixed;
      rr += r * r;
      for (let m = 0; m < 7; m++) {
        const am = wa[m]!;
        const bm = wb[m]!;
        ra[m]! += r * am;
        rb[m]! += r * bm;
        if (am !== 0)
          for (let q = 0; q < 7; q++) {
            aa[m * 7 + q]! += am * wa[q]!;
            ab[m * 7 + q]! += am * wb[q]!;
          }
        if (bm !== 0) for (let q = 0; q < 7; q++) bb[m * 7 + q]! += bm * wb[q]!;
      }
      samples++;
    }
    const quad = (p: number[] | undefined, mat: Float64Array, lin: Float64Array) => {
      if (!p) return 0;
      let s = 0;
      for (let m = 0; m < 7; m++) {
        if (!p[m]) continue;
        s -= 2 * lin[m]!;
        for (let q = 0; q < 7; q++) if (p[q]) s += mat[m * 7 + q]!;
      }
      return s;
    };
    const ka2 = new Float64Array(na);
    const cross = new Float64Array(na * 7);
    for (let a = 0; a < na; a++) {
      const pa = ca?.[a];
      ka2[a] = quad(pa, aa, ra);
      if (pa)
        for (let q = 0; q < 7; q++) {
          let s = 0;
          for (let m = 0; m < 7; m++) if (pa[m]) s += ab[m * 7 + q]!;
          cross[a * 7 + q] = 2 * s;
        }
    }
    for (let b = 0; b < nb; b++) {
      const pb = cb?.[b];
      const kb2 = rr + quad(pb, bb, rb);
      for (let a = 0; a < na; a++) {
        let c = ka2[a]! + kb2;
        if (pb) for (let q = 0; q < 7; q++) if (pb[q]) c += cross[a * 7 + q]!;
        cost[a * nb + b] = c;
      }
    }
    if (seg === 0) first.set(cost);
    else if (seg === 12) last.set(cost);
    else pairs[seg] = cost;
  }
  return { first, last, pairs, samples };
}

/** Candidate index of `digit` at token k when the first digit is d0. */
export const candOf = (k: number, digit: number, d0: number) =>
  k < 6 ? digit + 10 * FIRST_DIGIT_PARITY[d0]![k]! : digit;
/** Darkness (0 white .. 1 bar) of the symbol `digits` under geometry g, at sample x. */
export function render(digits: string, g: Geometry, length: number): Float64Array {
  const mods = new Array<number>(SYMBOL_MODULES);
  for (let j = 0; j < SYMBOL_MODULES; j++) mods[j] = Math.max(0, FIXED[j]!);
  const d0 = Number(digits[0]);
  for (let k = 0; k < 12; k++) {
    const d = Number(digits[k + 1]);
    const p = k < 6 ? LEFT_CANDIDATES[candOf(k, d, d0)]! : R[d]!;
    for (let m = 0; m < 7; m++) mods[tokenStart(k) + m] = p[m]!;
  }
  const out = new Float64Array(length);
  for (let x = 0; x < length; x++) {
    const u = (x - g.start) / g.module;
    let v = 0;
    const reach = Math.ceil(g.radius / g.module) + 1;
    for (let j = Math.max(0, Math.floor(u) - reach); j <= Math.min(SYMBOL_MODULES - 1, Math.floor(u) + reach); j++)
      if (mods[j])
        v += edge((g.start + (j + 1) * g.module - x) / g.radius) - edge((g.start + j * g.module - x) / g.radius);
    out[x] = v;
  }
  return out;
}
