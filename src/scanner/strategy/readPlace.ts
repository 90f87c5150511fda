import type { Point } from './passImage.ts';
import type { ReadSpot } from './readGuard.ts';

export function centre(points: Point[]): Point | null {
  if (points.length === 0) return null;
  const x = points.reduce((s, p) => s + p.x, 0) / points.length;
  const y = points.reduce((s, p) => s + p.y, 0) / points.length;
  return { x, y };
}

/** Centre and longest extent of a read, for telling reads of one place from reads of another. */
export function spotOf(points: Point[]): ReadSpot | null {
  const c = centre(points);
  if (!c) return null;
  let size = 0;
  for (const a of points) for (const b of points) size = Math.max(size, Math.hypot(a.x - b.x, a.y - b.y));
  return { x: c.x, y: c.y, size };
}

/**
 * Several codes in view: the one in the guide box wins, then a code that needed no
 * confirmation, then the one nearest the guide box (or frame) centre.
 */
export function pickBest<T extends { inRoi: boolean; strong: boolean; distance: number }>(reads: T[]): T | null {
  let best: T | null = null;
  for (const r of reads) {
    if (!best) {
      best = r;
      continue;
    }
    if (r.inRoi !== best.inRoi) {
      if (r.inRoi) best = r;
      continue;
    }
    if (r.strong !== best.strong) {
      if (r.strong) best = r;
      continue;
    }
    if (r.distance < best.distance) best = r;
  }
  return best;
}
