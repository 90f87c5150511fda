import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { GrayImage } from '../imageOps.ts';

type Point = { x: number; y: number };

/**
 * Fewest modules a linear code of this text can have (narrow:wide 1:2, the thinnest print the
 * specs allow), so width / modules is an upper bound on the printed module size.
 */
export function minModules(format: BarcodeFormatName, text: string): number | null {
  const n = text.length;
  switch (format) {
    case 'EAN_13': case 'UPC_A': return 95;
    case 'EAN_8': return 67;
    case 'UPC_E': return 51;
    case 'ITF': return 7 * n + 8;
    case 'CODE_39': return 13 * (n + 2) - 1;
    case 'CODE_93': return 9 * (n + 4) + 1;
    case 'CODABAR': return 10 * n;
    case 'CODE_128': return 11 * n + 35;
    default: return null;
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
 * Above this ratio of brightness change along the bars to change across them, the region is a
 * texture (noise, fabric, wood, print), not bars: real bars barely change along their length.
 */
export const MAX_ALONG_ACROSS = 0.55;

/**
 * Codes of variable length are misread as a shorter code when part of them is washed out
 * (glare) or cut off: the read then ends among bars. Above this ratio of edge activity just
 * outside an end (5 modules) to the activity inside, the read is no whole code.
 */
export const MAX_QUIET_ACTIVITY = 0.25;

export interface BarShape { retail: boolean; variableLength: boolean; modulePx: number; alongAcross: number; quietActivity: number }

function at(g: GrayImage, x: number, y: number): number {
  const xi = Math.min(g.width - 1, Math.max(0, Math.round(x)));
  const yi = Math.min(g.height - 1, Math.max(0, Math.round(y)));
  return g.data[yi * g.width + xi];
}

/**
 * Measure a linear read on the frame: module size (the read's length over the fewest modules
 * its text needs) and how bar-like the pixels around its scan lines are. Points: the engine's
 * corners, top-left, top-right, bottom-right, bottom-left, in frame pixels.
 */
export function measureBars(g: GrayImage, points: Point[], format: BarcodeFormatName, text: string): BarShape | null {
  const modules = minModules(format, text);
  if (!modules || points.length < 4) return null;
  const [tl, tr, br, bl] = points;
  const left = { x: (tl.x + bl.x) / 2, y: (tl.y + bl.y) / 2 };
  const right = { x: (tr.x + br.x) / 2, y: (tr.y + br.y) / 2 };
  const length = Math.hypot(right.x - left.x, right.y - left.y);
  const retail = format === 'EAN_13' || format === 'UPC_A' || format === 'EAN_8' || format === 'UPC_E';
  const variableLength = format === 'ITF' || format === 'CODE_39' || format === 'CODABAR' || format === 'CODE_93';
  if (length < 1) return { retail, variableLength, modulePx: 0, alongAcross: Infinity, quietActivity: Infinity };
  const modulePx = length / modules;
  const ux = (right.x - left.x) / length;
  const uy = (right.y - left.y) / length;
  // Perpendicular to the scan line = along the bars.
  const vx = -uy;
  const vy = ux;
  const span = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  const half = Math.max(span / 2, 2 * modulePx, 2);
  const steps = Math.min(300, Math.max(20, Math.round(length)));
  const rows = 7;
  const d = Math.max(1, modulePx / 2);
  let across = 0;
  let along = 0;
  // Edge activity across the bars over the stretch [from, to] of the scan line (frame px; may lie outside the code).
  const activity = (from: number, to: number, n: number, withAlong: boolean) => {
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      const off = -half + (2 * half * r) / (rows - 1);
      for (let i = 0; i < n; i++) {
        const t = from + ((to - from) * (i + 0.5)) / n;
        const x = left.x + ux * t + vx * off;
        const y = left.y + uy * t + vy * off;
        const v = at(g, x, y);
        sum += Math.abs(at(g, x + ux * d, y + uy * d) - v);
        if (withAlong) along += Math.abs(at(g, x + vx * d, y + vy * d) - v);
      }
    }
    return sum / (rows * n);
  };
  const inside = activity(0, length, steps, true);
  across = inside * rows * steps;
  const edge = Math.max(1, 5 * modulePx);
  const n = Math.max(4, Math.round(edge));
  const outside = Math.max(activity(-edge - d, -d, n, false), activity(length + d, length + edge + d, n, false));
  return {
    retail, variableLength, modulePx,
    alongAcross: across > 0 ? along / across : Infinity,
    quietActivity: inside > 0 ? outside / inside : Infinity,
  };
}

/** True when a linear read's region looks like printed bars of a size a camera can resolve. */
export function barsPlausible(shape: BarShape | null): boolean {
  if (!shape) return true;
  const minModule = shape.retail ? MIN_RETAIL_MODULE_PX : MIN_MODULE_PX;
  return shape.modulePx >= minModule && shape.alongAcross <= MAX_ALONG_ACROSS
    && (!shape.variableLength || shape.quietActivity <= MAX_QUIET_ACTIVITY);
}
