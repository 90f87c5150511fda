import type { GrayImage } from '../imageOps.ts';
import type { MeshMap } from './qrMeshGrid.ts';
import type { Known } from './qrMeshLayout.ts';

/**
 * Dark (1) / light (0) per module: each module's sample against the mean of the samples around
 * it (a QR's masked data is about half dark, so the local mean sits between the two levels and
 * follows uneven light). `radius` is in modules.
 */
export function thresholdLocal(samples: Float32Array, n: number, radius: number): Uint8Array {
  const integral = new Float64Array((n + 1) * (n + 1));
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      integral[(y + 1) * (n + 1) + x + 1] =
        samples[y * n + x]! +
        integral[y * (n + 1) + x + 1]! +
        integral[(y + 1) * (n + 1) + x]! -
        integral[y * (n + 1) + x]!;
  const bits = new Uint8Array(n * n);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const x0 = Math.max(0, x - radius);
      const y0 = Math.max(0, y - radius);
      const x1 = Math.min(n, x + radius + 1);
      const y1 = Math.min(n, y + radius + 1);
      const sum =
        integral[y1 * (n + 1) + x1]! -
        integral[y0 * (n + 1) + x1]! -
        integral[y1 * (n + 1) + x0]! +
        integral[y0 * (n + 1) + x0]!;
      bits[y * n + x] = samples[y * n + x]! < sum / ((x1 - x0) * (y1 - y0)) ? 1 : 0;
    }
  return bits;
}

/** Dark / light by one threshold: the midpoint of the known dark and light modules' mean samples. */
export function thresholdKnown(samples: Float32Array, known: Known): Uint8Array {
  let dark = 0;
  let nd = 0;
  let light = 0;
  let nl = 0;
  for (let i = 0; i < known.length; i++) {
    if (known[i] === 1) {
      dark += samples[i]!;
      nd++;
    } else if (known[i] === 0) {
      light += samples[i]!;
      nl++;
    }
  }
  const t = (dark / Math.max(1, nd) + light / Math.max(1, nl)) / 2;
  return Uint8Array.from(samples, (s) => (s < t ? 1 : 0));
}

/**
 * Where in a module the fit compares the image with the module's expected value (module units
 * from its centre): a cross of 5 on a fine mesh, 2×2 on a coarse one, whose windows hold many
 * modules. Points off the centre see the module's edges move.
 */
const SUB_FINE: readonly (readonly [number, number])[] = [
  [0, 0],
  [-0.32, 0],
  [0.32, 0],
  [0, -0.32],
  [0, 0.32],
];
const SUB_COARSE: readonly (readonly [number, number])[] = [
  [-0.25, -0.25],
  [0.25, -0.25],
  [-0.25, 0.25],
  [0.25, 0.25],
];
const COARSE_SPACING = 6;

/**
 * Weight of a data module in the fit, against 1 for a fixed-pattern module: where the grid is
 * still off, many data modules are sampled wrong and their template pulls it towards a wrong
 * fit; the fixed patterns are right wherever they are sampled (measured on bent synthetic codes:
 * 0.1–0.25 follows bends of 1.1 modules that 0.5 does not).
 */
const DATA_WEIGHT = 0.25;

const DIRECTIONS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;

/** Share of the known modules the mapping samples right: how well it sits on the symbol. */
export function knownAgreement(samples: Float32Array, known: Known): number {
  const bits = thresholdKnown(samples, known);
  let ok = 0;
  let all = 0;
  for (let i = 0; i < known.length; i++)
    if (known[i]! >= 0) {
      all++;
      if (bits[i] === known[i]) ok++;
    }
  return all > 0 ? ok / all : 0;
}

/**
 * One round of the fit: with the modules' current dark/light values as a template, each mesh
 * node moves by the pixel shift that best correlates the template around it with the image
 * (pattern search up to `reach` modules). The fixed patterns weigh more (DATA_WEIGHT).
 */
export function fitRound(g: GrayImage, map: MeshMap, bits: Uint8Array, known: Known, reach: number): void {
  const n = map.n;
  const k = map.k;
  const s = map.spacing;
  const SUB = s >= COARSE_SPACING ? SUB_COARSE : SUB_FINE;
  // Sub-sample positions, once per round.
  const per = SUB.length;
  const px = new Float32Array(n * n * per);
  const py = new Float32Array(n * n * per);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      for (let q = 0; q < per; q++) {
        const [du, dv] = SUB[q]!;
        const p = map.map(x + 0.5 + du, y + 0.5 + dv);
        px[(y * n + x) * per + q] = p.x;
        py[(y * n + x) * per + q] = p.y;
      }
  const ndx = new Float64Array(map.dx.length);
  const ndy = new Float64Array(map.dy.length);
  const { data, width, height } = g;
  const maxX = width - 1.001;
  const maxY = height - 1.001;
  for (let b = 0; b <= k; b++)
    for (let a = 0; a <= k; a++) {
      const node = map.nodeUV(a, b);
      // The node's window as flat arrays: sub-sample positions, weights, template (±1).
      const xs: number[] = [];
      const ys: number[] = [];
      const ws: number[] = [];
      const ts: number[] = [];
      // How far each point moves with the node: its bilinear weight (1 at the node, 0 a spacing away).
      const ms: number[] = [];
      for (let y = Math.max(0, Math.floor(node.y - s)); y < Math.min(n, Math.ceil(node.y + s)); y++)
        for (let x = Math.max(0, Math.floor(node.x - s)); x < Math.min(n, Math.ceil(node.x + s)); x++) {
          const w = (1 - Math.abs(x + 0.5 - node.x) / s) * (1 - Math.abs(y + 0.5 - node.y) / s);
          if (w <= 0) continue;
          const m = y * n + x;
          const t = (known[m]! >= 0 ? known[m]! : bits[m]!) === 1 ? -1 : 1;
          for (let q = 0; q < per; q++) {
            xs.push(px[m * per + q]! - 0.5);
            ys.push(py[m * per + q]! - 0.5);
            ms.push(w);
            ws.push(known[m]! >= 0 ? 1 : DATA_WEIGHT);
            ts.push(t);
          }
        }
      const count = xs.length;
      let sw = 0;
      let st = 0;
      let stt = 0;
      for (let i = 0; i < count; i++) {
        sw += ws[i]!;
        st += ws[i]! * ts[i]!;
        stt += ws[i]! * ts[i]! * ts[i]!;
      }
      const vt = stt / sw - (st / sw) ** 2;
      // Normalised correlation of the template with the image shifted by (ox, oy) pixels.
      const score = (ox: number, oy: number): number => {
        let sg = 0;
        let sgg = 0;
        let stg = 0;
        for (let i = 0; i < count; i++) {
          const fx = Math.min(Math.max(xs[i]! + ms[i]! * ox, 0), maxX);
          const fy = Math.min(Math.max(ys[i]! + ms[i]! * oy, 0), maxY);
          const ix = fx | 0;
          const iy = fy | 0;
          const u = fx - ix;
          const v = fy - iy;
          const o = iy * width + ix;
          const val =
            (1 - v) * ((1 - u) * data[o]! + u * data[o + 1]!) +
            v * ((1 - u) * data[o + width]! + u * data[o + width + 1]!);
          const w = ws[i]!;
          sg += w * val;
          sgg += w * val * val;
          stg += w * ts[i]! * val;
        }
        const cov = stg / sw - (st / sw) * (sg / sw);
        const vg = sgg / sw - (sg / sw) ** 2;
        return vt > 1e-9 && vg > 1e-9 ? cov / Math.sqrt(vt * vg) : -2;
      };
      const mp = map.modulePx(Math.min(node.x, n - 1), Math.min(node.y, n - 1));
      const limit = reach * mp;
      let bx = 0;
      let by = 0;
      let best = count > 0 ? score(0, 0) : -2;
      for (let step = limit / 2; count > 0 && step >= mp / 10; step /= 2) {
        let moved = true;
        while (moved) {
          moved = false;
          for (const [sx, sy] of DIRECTIONS) {
            const cx = bx + sx * step;
            const cy = by + sy * step;
            if (Math.hypot(cx, cy) > limit) continue;
            const v = score(cx, cy);
            if (v > best + 1e-6) {
              best = v;
              bx = cx;
              by = cy;
              moved = true;
            }
          }
        }
      }
      const i = b * (k + 1) + a;
      ndx[i] = map.dx[i]! + bx;
      ndy[i] = map.dy[i]! + by;
    }
  map.dx = ndx;
  map.dy = ndy;
}
