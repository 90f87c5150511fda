import { bilinear, type GrayImage } from '../imageOps.ts';

type Point = { x: number; y: number };

/** A patch of parallel edges: bars, possibly blurred. Axes: u across the bars, v along them. */
export interface BarRegion {
  cx: number;
  cy: number;
  /** Unit vector across the bars. */
  ux: number;
  uy: number;
  /** Extent across (u) and along (v) the bars, from the centre, in pixels. */
  halfU: number;
  halfV: number;
  /** Gradient energy summed over the region's cells (for ranking). */
  energy: number;
}

const CELL = 8;
/** Edge strength (mean squared central difference) below which a cell is flat. */
const MIN_CELL_ENERGY = 12;
/** Share of a cell's gradient energy along one direction: bars are near 1, text and noise lower. */
const MIN_COHERENCE = 0.6;
/** Neighbouring cells join when their bar directions differ by less than this (radians). */
const MAX_ANGLE_STEP = 0.3;
const MIN_CELLS = 6;

/**
 * Regions of strong, one-directional gradients (the structure tensor per 8×8 cell), grown over
 * neighbouring cells of about the same direction, largest energy first. Blurred bars still have
 * coherent gradients; text, wood and noise have them in all directions.
 */
export function findBarRegions(g: GrayImage): BarRegion[] {
  const cw = Math.floor(g.width / CELL);
  const ch = Math.floor(g.height / CELL);
  const n = cw * ch;
  const sxx = new Float64Array(n);
  const syy = new Float64Array(n);
  const sxy = new Float64Array(n);
  const d = g.data;
  const W = g.width;
  for (let y = 1; y < ch * CELL - 1; y++) {
    const row = Math.floor(y / CELL) * cw;
    for (let x = 1; x < cw * CELL - 1; x++) {
      const i = y * W + x;
      const gx = d[i + 1]! - d[i - 1]!;
      const gy = d[i + W]! - d[i - W]!;
      const c = row + Math.floor(x / CELL);
      sxx[c]! += gx * gx;
      syy[c]! += gy * gy;
      sxy[c]! += gx * gy;
    }
  }
  const angle = new Float64Array(n);
  const good = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const e = sxx[c]! + syy[c]!;
    const coh = Math.hypot(sxx[c]! - syy[c]!, 2 * sxy[c]!) / (e || 1);
    angle[c] = 0.5 * Math.atan2(2 * sxy[c]!, sxx[c]! - syy[c]!);
    good[c] = e / (CELL * CELL) >= MIN_CELL_ENERGY && coh >= MIN_COHERENCE ? 1 : 0;
  }
  const seen = new Uint8Array(n);
  const regions: BarRegion[] = [];
  for (let s = 0; s < n; s++) {
    if (!good[s] || seen[s]) continue;
    const cells: number[] = [];
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      cells.push(c);
      const cx = c % cw;
      const cy = Math.floor(c / cw);
      for (const [dx, dy] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ] as const) {
        const nx = cx + dx;
        const ny = cy + dy;
        if (nx < 0 || ny < 0 || nx >= cw || ny >= ch) continue;
        const o = ny * cw + nx;
        if (!good[o] || seen[o]) continue;
        // Angles are modulo π.
        let da = Math.abs(angle[o]! - angle[c]!);
        da = Math.min(da, Math.PI - da);
        if (da > MAX_ANGLE_STEP) continue;
        seen[o] = 1;
        stack.push(o);
      }
    }
    if (cells.length < MIN_CELLS) continue;
    let txx = 0;
    let tyy = 0;
    let txy = 0;
    let mx = 0;
    let my = 0;
    let energy = 0;
    for (const c of cells) {
      txx += sxx[c]!;
      tyy += syy[c]!;
      txy += sxy[c]!;
      mx += (c % cw) + 0.5;
      my += Math.floor(c / cw) + 0.5;
      energy += sxx[c]! + syy[c]!;
    }
    const a = 0.5 * Math.atan2(2 * txy, txx - tyy);
    const ux = Math.cos(a);
    const uy = Math.sin(a);
    mx = (mx / cells.length) * CELL;
    my = (my / cells.length) * CELL;
    let u0 = Infinity;
    let u1 = -Infinity;
    let v0 = Infinity;
    let v1 = -Infinity;
    for (const c of cells) {
      const px = ((c % cw) + 0.5) * CELL - mx;
      const py = (Math.floor(c / cw) + 0.5) * CELL - my;
      const u = px * ux + py * uy;
      const v = -px * uy + py * ux;
      u0 = Math.min(u0, u);
      u1 = Math.max(u1, u);
      v0 = Math.min(v0, v);
      v1 = Math.max(v1, v);
    }
    // Recentre on the cells' bounding box, half a cell beyond the outer centres.
    const cu = (u0 + u1) / 2;
    const cv = (v0 + v1) / 2;
    regions.push({
      cx: mx + cu * ux - cv * uy,
      cy: my + cu * uy + cv * ux,
      ux,
      uy,
      halfU: (u1 - u0) / 2 + CELL / 2,
      halfV: (v1 - v0) / 2 + CELL / 2,
      energy,
    });
  }
  // Bars are longer across than a cell or two; a region narrower across than along is no code.
  return mergeHalves(regions.sort((a, b) => b.energy - a.energy)).filter((r) => r.halfU >= 3 * CELL);
}

/**
 * Join regions that are two parts of one code: the same direction, side by side across the
 * bars, a short gap between. A module of blur washes out an EAN's thin middle guard and
 * its neighbours, which splits the code's cells in two.
 */
function mergeHalves(regions: BarRegion[]): BarRegion[] {
  const out: BarRegion[] = [];
  for (const r of regions) {
    const host = out.find((o) => {
      const dot = Math.abs(o.ux * r.ux + o.uy * r.uy);
      if (dot < Math.cos(0.15)) return false;
      const dx = r.cx - o.cx;
      const dy = r.cy - o.cy;
      const du = Math.abs(dx * o.ux + dy * o.uy);
      const dv = Math.abs(-dx * o.uy + dy * o.ux);
      return dv < 0.5 * Math.max(o.halfV, r.halfV) && du - o.halfU - r.halfU < 3 * CELL;
    });
    if (!host) {
      out.push({ ...r });
      continue;
    }
    // The union of both boxes in the host's axes.
    const ext = (q: BarRegion) => {
      const dx = q.cx - host.cx;
      const dy = q.cy - host.cy;
      const u = dx * host.ux + dy * host.uy;
      const v = -dx * host.uy + dy * host.ux;
      return [u - q.halfU, u + q.halfU, v - q.halfV, v + q.halfV] as const;
    };
    const a = ext(host);
    const b = ext(r);
    const u0 = Math.min(a[0], b[0]);
    const u1 = Math.max(a[1], b[1]);
    const v0 = Math.max(a[2], b[2]);
    const v1 = Math.min(a[3], b[3]);
    const cu = (u0 + u1) / 2;
    const cv = (v0 + v1) / 2;
    host.cx += cu * host.ux - cv * host.uy;
    host.cy += cu * host.uy + cv * host.ux;
    host.halfU = (u1 - u0) / 2;
    // The bars' common height: where both halves have them.
    host.halfV = Math.max(CELL, (v1 - v0) / 2);
    host.energy += r.energy;
  }
  return out;
}

export interface Profile {
  values: Float64Array;
  /** Frame point of profile sample i. */
  point(i: number): Point;
}

/**
 * Brightness across the bars at `at` (0..1 of the region's length along them): each sample the
 * mean of a few pixels along the bars, from one quiet zone's worth beyond each end of the region.
 * Samples are at most one pixel apart and at least about a third of a module.
 */
export function sampleProfile(g: GrayImage, r: BarRegion, at: number): Profile {
  const margin = Math.max(2 * CELL, r.halfU * 0.3);
  const len = 2 * (r.halfU + margin);
  const step = Math.max(1, r.halfU / 100);
  const n = Math.floor(len / step);
  const v = (at - 0.5) * 2 * r.halfV * 0.9;
  const vx = -r.uy;
  const vy = r.ux;
  const ox = r.cx - r.ux * (len / 2) + vx * v;
  const oy = r.cy - r.uy * (len / 2) + vy * v;
  const band = Math.max(1.5, Math.min(4, r.halfV * 0.06));
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = ox + r.ux * i * step;
    const y = oy + r.uy * i * step;
    let s = 0;
    let k = 0;
    for (let t = -band; t <= band; t += 1) {
      s += bilinear(g, x + vx * t, y + vy * t);
      k++;
    }
    values[i] = s / k;
  }
  return { values, point: (i) => ({ x: ox + r.ux * i * step, y: oy + r.uy * i * step }) };
}
