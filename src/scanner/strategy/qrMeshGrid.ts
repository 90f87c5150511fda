import type { GrayImage } from '../imageOps.ts';
import type { Point } from './passImage.ts';

/** The unit square → a quadrilateral (p0 at (0,0), p1 (1,0), p2 (1,1), p3 (0,1)); ZXing's formula. */
export function squareToQuad(q: readonly Point[]): (u: number, v: number) => Point {
  const [p0, p1, p2, p3] = q as [Point, Point, Point, Point];
  const dx3 = p0.x - p1.x + p2.x - p3.x;
  const dy3 = p0.y - p1.y + p2.y - p3.y;
  let a13 = 0;
  let a23 = 0;
  if (Math.abs(dx3) > 1e-9 || Math.abs(dy3) > 1e-9) {
    const dx1 = p1.x - p2.x;
    const dx2 = p3.x - p2.x;
    const dy1 = p1.y - p2.y;
    const dy2 = p3.y - p2.y;
    const denom = dx1 * dy2 - dx2 * dy1 || 1e-9;
    a13 = (dx3 * dy2 - dx2 * dy3) / denom;
    a23 = (dx1 * dy3 - dx3 * dy1) / denom;
  }
  const a11 = p1.x - p0.x + a13 * p1.x;
  const a21 = p3.x - p0.x + a23 * p3.x;
  const a12 = p1.y - p0.y + a13 * p1.y;
  const a22 = p3.y - p0.y + a23 * p3.y;
  return (u, v) => {
    const w = a13 * u + a23 * v + 1;
    return { x: (a11 * u + a21 * v + p0.x) / w, y: (a12 * u + a22 * v + p0.y) / w };
  };
}

/**
 * Module coordinates (u, v in 0..n, module centres at i + 0.5) → image pixels: one perspective
 * transform plus a displacement field on a (k+1)² mesh, bilinear between its nodes. The field is
 * what bends the grid with the cloth or the curved can a homography cannot follow.
 */
export class MeshMap {
  dx: Float64Array;
  dy: Float64Array;
  constructor(
    readonly n: number,
    private readonly base: (u: number, v: number) => Point,
    public k: number,
  ) {
    this.dx = new Float64Array((k + 1) * (k + 1));
    this.dy = new Float64Array((k + 1) * (k + 1));
  }

  static fromCorners(n: number, corners: readonly Point[], k: number): MeshMap {
    const h = squareToQuad(corners);
    return new MeshMap(n, (u, v) => h(u / n, v / n), k);
  }

  /** Node spacing in modules. */
  get spacing(): number {
    return this.n / this.k;
  }

  nodeUV(a: number, b: number): Point {
    return { x: a * this.spacing, y: b * this.spacing };
  }

  /** Displacement at (u, v): bilinear between the mesh nodes. */
  private offset(u: number, v: number): Point {
    const k = this.k;
    const fu = Math.min(Math.max(u / this.spacing, 0), k);
    const fv = Math.min(Math.max(v / this.spacing, 0), k);
    const a = Math.min(Math.floor(fu), k - 1);
    const b = Math.min(Math.floor(fv), k - 1);
    const s = fu - a;
    const t = fv - b;
    const i = b * (k + 1) + a;
    const j = i + k + 1;
    const w00 = (1 - s) * (1 - t);
    const w10 = s * (1 - t);
    const w01 = (1 - s) * t;
    const w11 = s * t;
    return {
      x: w00 * this.dx[i]! + w10 * this.dx[i + 1]! + w01 * this.dx[j]! + w11 * this.dx[j + 1]!,
      y: w00 * this.dy[i]! + w10 * this.dy[i + 1]! + w01 * this.dy[j]! + w11 * this.dy[j + 1]!,
    };
  }

  map(u: number, v: number): Point {
    const p = this.base(u, v);
    const d = this.offset(u, v);
    return { x: p.x + d.x, y: p.y + d.y };
  }

  /** The same mapping on a finer mesh of k + 1 nodes a side (a coarse fit seeds a finer one). */
  refined(k: number): MeshMap {
    const m = new MeshMap(this.n, this.base, k);
    for (let b = 0; b <= k; b++)
      for (let a = 0; a <= k; a++) {
        const d = this.offset((a * this.n) / k, (b * this.n) / k);
        m.dx[b * (k + 1) + a] = d.x;
        m.dy[b * (k + 1) + a] = d.y;
      }
    return m;
  }

  /** Pixels per module near (u, v). */
  modulePx(u: number, v: number): number {
    const p = this.map(u, v);
    const px = this.map(u + 1, v);
    const py = this.map(u, v + 1);
    return Math.sqrt(Math.hypot(px.x - p.x, px.y - p.y) * Math.hypot(py.x - p.x, py.y - p.y));
  }
}

/** Bilinear luminance at (x, y) in ZXing's pixel coordinates (pixel i covers [i, i+1)). */
export function sampleAt(g: GrayImage, x: number, y: number): number {
  const fx = Math.min(Math.max(x - 0.5, 0), g.width - 1.001);
  const fy = Math.min(Math.max(y - 0.5, 0), g.height - 1.001);
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  const s = fx - ix;
  const t = fy - iy;
  const i = iy * g.width + ix;
  const d = g.data;
  return (1 - t) * ((1 - s) * d[i]! + s * d[i + 1]!) + t * ((1 - s) * d[i + g.width]! + s * d[i + g.width + 1]!);
}

/** Luminance at each module's centre (a small cross of 5 samples, against noise), row by row. */
export function sampleModules(g: GrayImage, map: MeshMap): Float32Array {
  const n = map.n;
  const out = new Float32Array(n * n);
  const r = 0.15;
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      let sum = 0;
      for (const [du, dv] of [
        [0, 0],
        [-r, 0],
        [r, 0],
        [0, -r],
        [0, r],
      ] as const) {
        const p = map.map(x + 0.5 + du, y + 0.5 + dv);
        sum += sampleAt(g, p.x, p.y);
      }
      out[y * n + x] = sum / 5;
    }
  return out;
}
