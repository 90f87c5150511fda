import type { Roi } from '../decoderTypes.ts';
import {
  clampRoi,
  crop,
  deblur,
  flattenLighting,
  invert,
  rotate90,
  scale,
  sharpen,
  stretchLevels,
  toGray,
  type GrayImage,
  type RgbaImage,
} from '../imageOps.ts';
import type { PassSpec } from './passPlans.ts';

export type Point = { x: number; y: number };

/** One camera frame; its grayscale version is computed once, and only if a pass needs it. */
export class FramePixels {
  private grayCache: GrayImage | null = null;
  constructor(readonly rgba: RgbaImage) {}
  get width(): number {
    return this.rgba.width;
  }
  get height(): number {
    return this.rgba.height;
  }
  get gray(): GrayImage {
    this.grayCache ??= toGray(this.rgba);
    return this.grayCache;
  }
}

export interface PassImage {
  /** Grayscale, or the untouched RGBA frame when the pass changes nothing (saves two copies). */
  image: GrayImage | RgbaImage;
  /** Maps a point in `image` back to frame coordinates. */
  toFrame(p: Point): Point;
}

/**
 * Cut out and transform the pixels one pass works on. Returns null when the pass needs a guide
 * box and the frame has none.
 */
export function preparePassImage(frame: FramePixels, roi: Roi | null, spec: PassSpec): PassImage | null {
  const region = spec.region === 'full' ? null : roi;
  if (spec.region === 'roi' && !region) return null;
  const untouched =
    !region && spec.transforms.length === 0 && (!spec.maxSide || Math.max(frame.width, frame.height) <= spec.maxSide);
  if (untouched) return { image: frame.rgba, toFrame: (p) => p };
  let image = region ? crop(frame.gray, region) : frame.gray;
  const ox = region?.x ?? 0;
  const oy = region?.y ?? 0;
  // Each step pushes its inverse; applied in reverse order to come back to the frame.
  const inverses: ((p: Point) => Point)[] = [];
  const pushScale = (f: number) => inverses.push((p) => ({ x: p.x / f, y: p.y / f }));

  if (spec.maxSide) {
    const longest = Math.max(image.width, image.height);
    if (longest > spec.maxSide) {
      const f = spec.maxSide / longest;
      image = scale(image, f);
      pushScale(f);
    }
  }
  for (const t of spec.transforms) {
    switch (t.kind) {
      case 'scale':
        image = scale(image, t.factor);
        pushScale(t.factor);
        break;
      case 'sharpen':
        image = sharpen(image, t.amount, t.radius ?? 1);
        break;
      case 'deblur':
        image = deblur(image, t.sigma, t.noise);
        break;
      case 'flatten':
        image = flattenLighting(
          image,
          Math.max(4, Math.round(Math.min(image.width, image.height) * (t.radius ?? 0.1))),
        );
        break;
      case 'stretch':
        image = stretchLevels(image, Math.max(3, Math.round(Math.min(image.width, image.height) * (t.radius ?? 0.05))));
        break;
      case 'invert':
        image = invert(image);
        break;
      case 'rotate90': {
        // Clockwise: (x, y) in the source → (h - 1 - y, x); inverse uses the source height h.
        const h = image.height;
        image = rotate90(image);
        inverses.push((p) => ({ x: p.y, y: h - 1 - p.x }));
        break;
      }
    }
  }
  return {
    image,
    toFrame(p) {
      let q = p;
      for (let i = inverses.length - 1; i >= 0; i--) q = inverses[i]!(q);
      return { x: q.x + ox, y: q.y + oy };
    },
  };
}

export function normaliseRoi(roi: Roi | undefined, width: number, height: number): Roi | null {
  if (!roi) return null;
  const r = clampRoi(roi, width, height);
  // A guide box covering (nearly) the whole frame is the full frame: no separate pass for it.
  if (!r || r.width * r.height > 0.9 * width * height) return null;
  return r;
}
