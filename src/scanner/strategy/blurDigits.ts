import { candOf, pairCosts, type CostTables, type Geometry } from './blurModel.ts';

/**
 * The digits of a blurred EAN-13 / UPC-A profile from its pair costs (blurModel.ts): dynamic
 * programming over the 12 encoded digits per first digit, with the check sum in the state.
 */

export interface FitResult {
  /** The 13 digits of the best path whose check digit is right ('' when none). */
  digits: string;
  /** Its squared error (darkness units) and the best other valid digit string's. */
  cost: number;
  second: number;
  /** Best cost without the check digit (a valid fit far above it is not the code). */
  free: number;
  /** Samples the costs are summed over. */
  samples: number;
}

const nOf = (k: number) => (k < 6 ? 20 : 10);
/** Check-digit weight of token k (token k is the EAN-13's digit k+1). */
const weightOf = (k: number) => (k % 2 === 0 ? 3 : 1);

/** Best cost over all digit strings, check digit ignored (cheap: for the geometry search). */
export function freeCost(y: Float64Array, g: Geometry): number {
  return freeOf(pairCosts(y, g));
}

function freeOf({ first, last, pairs }: CostTables): number {
  let best = Infinity;
  const f = new Float64Array(10);
  const nf = new Float64Array(10);
  for (let d0 = 0; d0 < 10; d0++) {
    for (let d = 0; d < 10; d++) f[d] = first[candOf(0, d, d0)]!;
    for (let k = 1; k < 12; k++) {
      const pc = pairs[k]!;
      const nb = nOf(k);
      for (let b = 0; b < 10; b++) {
        let m = Infinity;
        const cb = candOf(k, b, d0);
        for (let a = 0; a < 10; a++) m = Math.min(m, f[a]! + pc[candOf(k - 1, a, d0) * nb + cb]!);
        nf[b] = m;
      }
      f.set(nf);
    }
    for (let d = 0; d < 10; d++) best = Math.min(best, f[d]! + last[d]!);
  }
  return best;
}

/**
 * The best digit string with a right check digit, and the best one that differs from it in any
 * digit (min-marginals of a forward-backward pass with the running check sum in the state).
 */
export function fitDigits(y: Float64Array, g: Geometry): FitResult {
  return fitTables(pairCosts(y, g));
}

/**
 * Several scan lines of one code as one: their costs add (each line under its own geometry and
 * lighting), so the digits are chosen on all their pixels and the margin is the lines' sum.
 */
export function sumTables(all: CostTables[]): CostTables {
  const add = (xs: Float64Array[]) => {
    const out = new Float64Array(xs[0]!.length);
    for (const x of xs) for (let i = 0; i < out.length; i++) out[i]! += x[i]!;
    return out;
  };
  return {
    first: add(all.map((t) => t.first)),
    last: add(all.map((t) => t.last)),
    pairs: all[0]!.pairs.map((_, k) => add(all.map((t) => t.pairs[k]!))),
    samples: all.reduce((n, t) => n + t.samples, 0),
  };
}

export function fitTables(tables: CostTables): FitResult {
  const { first, last, pairs, samples } = tables;
  const S = 100; // state = digit * 10 + check sum so far (mod 10)
  let best = Infinity;
  let bestD0 = -1;
  let bestPath: number[] = [];
  const runs: { d0: number; total: number; fwd: Float64Array[]; bwd: Float64Array[] }[] = [];
  for (let d0 = 0; d0 < 10; d0++) {
    const fwd: Float64Array[] = [];
    const back: Int16Array[] = [];
    let f = new Float64Array(S).fill(Infinity);
    for (let d = 0; d < 10; d++) f[d * 10 + ((d0 + weightOf(0) * d) % 10)] = first[candOf(0, d, d0)]!;
    fwd.push(f);
    back.push(new Int16Array(S).fill(-1));
    for (let k = 1; k < 12; k++) {
      const pc = pairs[k]!;
      const nb = nOf(k);
      const nf = new Float64Array(S).fill(Infinity);
      const bk = new Int16Array(S).fill(-1);
      for (let a = 0; a < 10; a++) {
        const ca = candOf(k - 1, a, d0);
        for (let s = 0; s < 10; s++) {
          const v = f[a * 10 + s]!;
          if (v === Infinity) continue;
          for (let b = 0; b < 10; b++) {
            const c = v + pc[ca * nb + candOf(k, b, d0)]!;
            const st = b * 10 + ((s + weightOf(k) * b) % 10);
            if (c < nf[st]!) {
              nf[st] = c;
              bk[st] = a * 10 + s;
            }
          }
        }
      }
      f = nf;
      fwd.push(f);
      back.push(bk);
    }
    // Backward: the cost of tokens after k given the state at k, ending with check sum 0.
    const bwd: Float64Array[] = new Array<Float64Array>(12);
    let b = new Float64Array(S).fill(Infinity);
    for (let d = 0; d < 10; d++) b[d * 10] = last[d]!;
    bwd[11] = b;
    for (let k = 11; k >= 1; k--) {
      const pc = pairs[k]!;
      const nb = nOf(k);
      const pb = new Float64Array(S).fill(Infinity);
      for (let a = 0; a < 10; a++) {
        const ca = candOf(k - 1, a, d0);
        for (let s = 0; s < 10; s++) {
          let m = Infinity;
          for (let d = 0; d < 10; d++) {
            const v = b[d * 10 + ((s + weightOf(k) * d) % 10)]!;
            if (v !== Infinity) m = Math.min(m, v + pc[ca * nb + candOf(k, d, d0)]!);
          }
          pb[a * 10 + s] = m;
        }
      }
      b = pb;
      bwd[k - 1] = b;
    }
    let total = Infinity;
    let end = -1;
    for (let d = 0; d < 10; d++) {
      const c = f[d * 10]! + last[d]!;
      if (c < total) {
        total = c;
        end = d * 10;
      }
    }
    runs.push({ d0, total, fwd, bwd });
    if (total < best && end >= 0) {
      best = total;
      bestD0 = d0;
      const path: number[] = [];
      let st = end;
      for (let k = 11; k >= 0; k--) {
        path.unshift(Math.floor(st / 10));
        st = back[k]![st]!;
      }
      bestPath = path;
    }
  }
  if (bestD0 < 0) return { digits: '', cost: Infinity, second: Infinity, free: Infinity, samples };
  let second = Infinity;
  for (const run of runs) {
    if (run.d0 !== bestD0) {
      second = Math.min(second, run.total);
      continue;
    }
    for (let k = 0; k < 12; k++)
      for (let d = 0; d < 10; d++) {
        if (d === bestPath[k]) continue;
        for (let s = 0; s < 10; s++) second = Math.min(second, run.fwd[k]![d * 10 + s]! + run.bwd[k]![d * 10 + s]!);
      }
  }
  return { digits: `${bestD0}${bestPath.join('')}`, cost: best, second, free: freeOf(tables), samples };
}

/** Standard EAN-13 check: weights 1,3,1,... over all 13 digits sum to a multiple of 10. */
export function checksumOk(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let s = 0;
  for (let i = 0; i < 13; i++) s += Number(digits[i]) * (i % 2 === 1 ? 3 : 1);
  return s % 10 === 0;
}
