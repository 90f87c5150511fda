import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { GrayImage } from '../imageOps.ts';
import { splitAddOn } from '../engines/formatNames.ts';

type Point = { x: number; y: number };

/**
 * Fewest modules a linear code of this text can have (narrow:wide 1:2, the thinnest print the
 * specs allow), so width / modules is an upper bound on the printed module size.
 */
export function minModules(format: BarcodeFormatName, text: string): number | null {
  const n = text.length;
  switch (format) {
    case 'EAN_13':
    case 'UPC_A':
      return 95 + addOnModules(format, text);
    case 'EAN_8':
      return 67 + addOnModules(format, text);
    case 'UPC_E':
      return 51 + addOnModules(format, text);
    case 'ITF':
      return 7 * n + 8;
    case 'CODE_39':
      return 13 * (n + 2) - 1;
    case 'CODE_93':
      return 9 * (n + 4) + 1;
    case 'CODABAR':
      // The text leaves out the start and stop characters (see stripCodabarStartStop).
      return 10 * (n + 2);
    case 'CODE_128':
      return 11 * n + 35;
    default:
      return null;
  }
}

/**
 * Below this many frame pixels per module the bars are not resolved: the "code" is a tiny
 * texture, or a real code whose digits blur into other valid ones. EAN/UPC misreads that pass
 * the check digit appear from about 1.3 px per module (generated low-resolution set); the
 * smallest real EAN in the shared photos has 1.56.
 */
export const MIN_MODULE_PX = 0.9;
export const MIN_RETAIL_MODULE_PX = 1.4;
/**
 * EAN-13 / UPC-A bars down to this size are kept on a still when the blur model, fitted to the
 * frame's own pixels, reads the same digits (modelCheck.ts): it resolves them where thresholds
 * do not (ZXing's upca-2 photos, 1.2-1.4 px a module).
 */
export const MIN_CHECKED_MODULE_PX = 1.0;
/**
 * Above this ratio of brightness change along the bars to change across them, the region is a
 * texture (noise, fabric, wood, print), not bars: real bars barely change along their length.
 */
export const MAX_ALONG_ACROSS = 0.55;

/**
 * Codes of variable length are misread as a shorter code when part of them is washed out
 * (glare) or cut off: the read then ends among bars. Above this ratio of edge activity just
 * outside an end (5 modules) to the activity inside, the read is no whole code. Sensor noise on
 * paper stays below a tenth of the activity among bars.
 */
export const MAX_QUIET_ACTIVITY = 0.25;

/**
 * An EAN-2 (20 modules) or EAN-5 (47) add-on and the narrowest gap before it (7 modules): the
 * engine's corners of a read with an add-on span both symbols.
 */
function addOnModules(format: BarcodeFormatName, text: string): number {
  const { addOn } = splitAddOn(format, text);
  return addOn.length === 5 ? 54 : addOn.length === 2 ? 27 : 0;
}

/** Bars an EAN/UPC symbol has (guards included); a read spanning many more is a phantom inside other bars. */
const RETAIL_BARS: Partial<Record<BarcodeFormatName, number>> = { EAN_13: 30, UPC_A: 30, EAN_8: 22, UPC_E: 17 };
/** Bars of an EAN-2 / EAN-5 add-on (start guard, digits, separators). */
const ADD_ON_BARS: Record<number, number> = { 2: 7, 5: 16 };

export interface BarShape {
  retail: boolean;
  variableLength: boolean;
  modulePx: number;
  alongAcross: number;
  quietActivity: number;
  /** Dark bars counted along the middle scan row (retail codes only, else null). */
  bars: number | null;
  expectedBars: number | null;
}

function at(g: GrayImage, x: number, y: number): number {
  const xi = Math.min(g.width - 1, Math.max(0, Math.round(x)));
  const yi = Math.min(g.height - 1, Math.max(0, Math.round(y)));
  // Both coordinates are clamped into the image just above.
  return g.data[yi * g.width + xi]!;
}

/**
 * Measure a linear read on the frame: module size (the read's length over the fewest modules
 * its text needs) and how bar-like the pixels around its scan lines are. Points: the engine's
 * corners, top-left, top-right, bottom-right, bottom-left, in frame pixels.
 */
export function measureBars(g: GrayImage, points: Point[], format: BarcodeFormatName, text: string): BarShape | null {
  const modules = minModules(format, text);
  const [tl, tr, br, bl] = points;
  if (!modules || !tl || !tr || !br || !bl) return null;
  const left = { x: (tl.x + bl.x) / 2, y: (tl.y + bl.y) / 2 };
  const right = { x: (tr.x + br.x) / 2, y: (tr.y + br.y) / 2 };
  const length = Math.hypot(right.x - left.x, right.y - left.y);
  const retail = format === 'EAN_13' || format === 'UPC_A' || format === 'EAN_8' || format === 'UPC_E';
  const variableLength = format === 'ITF' || format === 'CODE_39' || format === 'CODABAR' || format === 'CODE_93';
  if (length < 1)
    return {
      retail,
      variableLength,
      modulePx: 0,
      alongAcross: Infinity,
      quietActivity: Infinity,
      bars: null,
      expectedBars: null,
    };
  const modulePx = length / modules;
  // ZXing-C++ gives the first and last scan line's ends: rows run from the top edge (tl→tr) to
  // the bottom edge (bl→br), and the bars run along the side edges, whatever the rotation.
  const span = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  const ux = (right.x - left.x) / length;
  const uy = (right.y - left.y) / length;
  let wx = -uy;
  let wy = ux;
  if (span >= 2) {
    const sx = (bl.x - tl.x + br.x - tr.x) / 2;
    const sy = (bl.y - tl.y + br.y - tr.y) / 2;
    const n = Math.hypot(sx, sy);
    wx = sx / n;
    wy = sy / n;
  }
  // A single-line read gets a band of ±2 modules along the bars.
  const band = Math.max(2 * modulePx, 2);
  const rowEnds = (s: number) =>
    span >= 2
      ? {
          a: { x: tl.x + (bl.x - tl.x) * s, y: tl.y + (bl.y - tl.y) * s },
          b: { x: tr.x + (br.x - tr.x) * s, y: tr.y + (br.y - tr.y) * s },
        }
      : {
          a: { x: left.x + wx * band * (2 * s - 1), y: left.y + wy * band * (2 * s - 1) },
          b: { x: right.x + wx * band * (2 * s - 1), y: right.y + wy * band * (2 * s - 1) },
        };
  const steps = Math.min(300, Math.max(20, Math.round(length)));
  const rows = 7;
  const d = Math.max(1, modulePx / 2);
  let along = 0;
  // Edge activity across the bars over the stretch [from, to] of each row, in px from the row's
  // start (`fromEnd`: from its end); the stretch may lie outside the code.
  const activity = (from: number, to: number, n: number, fromEnd: boolean, withAlong: boolean) => {
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      const { a, b } = rowEnds(r / (rows - 1));
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const rx = (b.x - a.x) / len;
      const ry = (b.y - a.y) / len;
      const base = fromEnd ? len : 0;
      const lo = from === 0 && to < 0 ? 0 : from;
      const hi = from === 0 && to < 0 ? len : to;
      for (let i = 0; i < n; i++) {
        const t = base + lo + ((hi - lo) * (i + 0.5)) / n;
        const x = a.x + rx * t;
        const y = a.y + ry * t;
        const v = at(g, x, y);
        sum += Math.abs(at(g, x + rx * d, y + ry * d) - v);
        if (withAlong) along += Math.abs(at(g, x + wx * d, y + wy * d) - v);
      }
    }
    return sum / (rows * n);
  };
  // (0, -1): the whole row, whatever its length.
  const inside = activity(0, -1, steps, false, true);
  const across = inside * rows * steps;
  const edge = Math.max(1, 5 * modulePx);
  const n = Math.max(4, Math.round(edge));
  const outside = Math.max(activity(-edge - d, -d, n, false, false), activity(d, edge + d, n, true, false));
  return {
    retail,
    variableLength,
    modulePx,
    bars: retail ? countBars(g, rowEnds(0.5), modulePx) : null,
    expectedBars: retail
      ? (RETAIL_BARS[format] ?? 0) + (ADD_ON_BARS[splitAddOn(format, text).addOn.length] ?? 0)
      : null,
    alongAcross: across > 0 ? along / across : Infinity,
    quietActivity: inside > 0 ? outside / inside : Infinity,
  };
}

/** Dark runs along one row, thresholded halfway between its 10th and 90th percentile, with hysteresis. */
function countBars(g: GrayImage, row: { a: Point; b: Point }, modulePx: number): number {
  const len = Math.hypot(row.b.x - row.a.x, row.b.y - row.a.y);
  const n = Math.max(16, Math.round((len / Math.max(modulePx, 0.5)) * 3));
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = (i + 0.5) / n;
    values.push(at(g, row.a.x + (row.b.x - row.a.x) * t, row.a.y + (row.b.y - row.a.y) * t));
  }
  const sorted = [...values].sort((p, q) => p - q);
  // n >= 16 samples, so both percentile indices are inside `sorted`.
  const lo = sorted[Math.floor(n * 0.1)]!;
  const hi = sorted[Math.floor(n * 0.9)]!;
  const mid = (lo + hi) / 2;
  const hyst = (hi - lo) * 0.1;
  let dark = false;
  let bars = 0;
  for (const v of values) {
    if (!dark && v < mid - hyst) {
      dark = true;
      bars++;
    } else if (dark && v > mid + hyst) dark = false;
  }
  return bars;
}

/** True when a linear read's region looks like printed bars of a size a camera can resolve. */
export function barsPlausible(shape: BarShape | null, minRetailModulePx = MIN_RETAIL_MODULE_PX): boolean {
  if (!shape) return true;
  const minModule = shape.retail ? minRetailModulePx : MIN_MODULE_PX;
  if (
    shape.bars !== null &&
    shape.expectedBars !== null &&
    shape.bars > shape.expectedBars + Math.max(3, shape.expectedBars * 0.2)
  )
    return false;
  return (
    shape.modulePx >= minModule &&
    shape.alongAcross <= MAX_ALONG_ACROSS &&
    (!shape.variableLength || shape.quietActivity <= MAX_QUIET_ACTIVITY)
  );
}
