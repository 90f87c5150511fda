import type { Roi } from './decoderTypes.ts';

/**
 * One byte of luminance per pixel; what every decoding pass works on. The `!` on pixel reads
 * below rest on data.length === width·height (×4 for RGBA) and loops bounded by those sizes.
 */
export interface GrayImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** ImageData without the DOM type, so the pure code runs in Node tests too. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** True for 4-byte RGBA pixels, false for one-byte grayscale. */
export function isRgba(img: GrayImage | RgbaImage): boolean {
  return img.data.length === img.width * img.height * 4;
}

/** ITU-R BT.601 luma, the weights ZXing-C++ uses itself. */
export function toGray(img: RgbaImage): GrayImage {
  const n = img.width * img.height;
  const src = img.data;
  const out = new Uint8ClampedArray(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    out[i] = (306 * src[j]! + 601 * src[j + 1]! + 117 * src[j + 2]! + 512) >> 10;
  }
  return { data: out, width: img.width, height: img.height };
}

/** Gray → opaque RGBA, for engines that only accept RGBA pixels. */
export function grayToRgba(g: GrayImage): RgbaImage {
  const n = g.width * g.height;
  const out = new Uint8ClampedArray(n * 4);
  const src = g.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = src[i]!;
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return { data: out, width: g.width, height: g.height };
}

/** Clamp a region to the image and round it to whole pixels; null when nothing is left. */
export function clampRoi(roi: Roi, width: number, height: number): Roi | null {
  const x0 = Math.max(0, Math.floor(roi.x));
  const y0 = Math.max(0, Math.floor(roi.y));
  const x1 = Math.min(width, Math.ceil(roi.x + roi.width));
  const y1 = Math.min(height, Math.ceil(roi.y + roi.height));
  if (x1 - x0 < 8 || y1 - y0 < 8) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function crop(g: GrayImage, roi: Roi): GrayImage {
  const { x, y, width, height } = roi;
  const out = new Uint8ClampedArray(width * height);
  for (let r = 0; r < height; r++) {
    const start = (y + r) * g.width + x;
    out.set(g.data.subarray(start, start + width), r * width);
  }
  return { data: out, width, height };
}

export function invert(g: GrayImage): GrayImage {
  const out = new Uint8ClampedArray(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 255 - g.data[i]!;
  return { data: out, width: g.width, height: g.height };
}

/** Rotate 90° clockwise. */
export function rotate90(g: GrayImage): GrayImage {
  const { width: w, height: h, data } = g;
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = data[row + x]!;
  }
  return { data: out, width: h, height: w };
}

/** Bilinear resize to `factor` times the size (below 1 averages, which also smooths noise). */
export function scale(g: GrayImage, factor: number): GrayImage {
  const w = Math.max(1, Math.round(g.width * factor));
  const h = Math.max(1, Math.round(g.height * factor));
  if (factor < 1) return boxDownscale(g, w, h);
  const out = new Uint8ClampedArray(w * h);
  const sx = (g.width - 1) / Math.max(1, w - 1);
  const sy = (g.height - 1) / Math.max(1, h - 1);
  const src = g.data;
  const gw = g.width;
  for (let y = 0; y < h; y++) {
    const fy = y * sy;
    const y0 = Math.floor(fy);
    const y1 = Math.min(g.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = x * sx;
      const x0 = Math.floor(fx);
      const x1 = Math.min(gw - 1, x0 + 1);
      const wx = fx - x0;
      const top = src[y0 * gw + x0]! * (1 - wx) + src[y0 * gw + x1]! * wx;
      const bottom = src[y1 * gw + x0]! * (1 - wx) + src[y1 * gw + x1]! * wx;
      out[y * w + x] = top * (1 - wy) + bottom * wy;
    }
  }
  return { data: out, width: w, height: h };
}

function boxDownscale(g: GrayImage, w: number, h: number): GrayImage {
  const out = new Uint8ClampedArray(w * h);
  const fx = g.width / w;
  const fy = g.height / h;
  for (let y = 0; y < h; y++) {
    const ya = Math.floor(y * fy);
    const yb = Math.max(ya + 1, Math.floor((y + 1) * fy));
    for (let x = 0; x < w; x++) {
      const xa = Math.floor(x * fx);
      const xb = Math.max(xa + 1, Math.floor((x + 1) * fx));
      let sum = 0;
      for (let yy = ya; yy < yb; yy++) {
        const row = yy * g.width;
        for (let xx = xa; xx < xb; xx++) sum += g.data[row + xx]!;
      }
      out[y * w + x] = sum / ((yb - ya) * (xb - xa));
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * Unsharp mask (box blur of (2·radius+1)², weight `amount`): restores bar edges in blurred
 * photos, as from fixed-focus webcams; a larger radius undoes a wider blur.
 */
export function sharpen(g: GrayImage, amount = 1, radius = 1): GrayImage {
  const blur = boxBlur(g, radius);
  const out = new Uint8ClampedArray(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = g.data[i]! + amount * (g.data[i]! - blur[i]!);
  return { data: out, width: g.width, height: g.height };
}

/** Mean over a (2·radius+1)² box (clipped at the edges), via an integral image. */
function boxBlur(g: GrayImage, radius: number): Float32Array {
  const { width: w, height: h, data } = g;
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let rowSum = 0;
    for (let x = 0; x < w; x++) {
      rowSum += data[y * w + x]!;
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1]! + rowSum;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(w, x + radius + 1);
      const sum =
        integral[y1 * (w + 1) + x1]! -
        integral[y0 * (w + 1) + x1]! -
        integral[y1 * (w + 1) + x0]! +
        integral[y0 * (w + 1) + x0]!;
      out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

/**
 * Divide by the local mean (box of `radius`): flattens glare, shadows and uneven lighting so
 * one threshold fits the whole code.
 */
export function flattenLighting(g: GrayImage, radius: number): GrayImage {
  const mean = boxBlur(g, radius);
  const out = new Uint8ClampedArray(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (128 * g.data[i]!) / Math.max(8, mean[i]!);
  return { data: out, width: g.width, height: g.height };
}

/**
 * Running max (or min, on negated values) over ±r along a line of `n` values `step` apart from
 * `at`, van Herk's way: O(n) whatever r. `fwd` / `bwd` are scratch arrays of at least n.
 */
function runningMax(
  src: Float32Array,
  dst: Float32Array,
  at: number,
  step: number,
  n: number,
  r: number,
  fwd: Float32Array,
  bwd: Float32Array,
): void {
  const k = 2 * r + 1;
  for (let i = 0, j = at; i < n; i++, j += step) {
    const v = src[j]!;
    fwd[i] = i % k === 0 || v > fwd[i - 1]! ? v : fwd[i - 1]!;
  }
  for (let i = n - 1, j = at + (n - 1) * step; i >= 0; i--, j -= step) {
    const v = src[j]!;
    bwd[i] = i === n - 1 || (i + 1) % k === 0 || v > bwd[i + 1]! ? v : bwd[i + 1]!;
  }
  for (let i = 0, j = at; i < n; i++, j += step) {
    const a = bwd[Math.max(0, i - r)]!;
    const b = fwd[Math.min(n - 1, i + r)]!;
    dst[j] = a > b ? a : b;
  }
}

/** Max over a square of ±r around each pixel (min when `upper` is false). */
function extremeMap(g: GrayImage, r: number, upper: boolean): GrayImage {
  const { width: w, height: h } = g;
  const sign = upper ? 1 : -1;
  const src = new Float32Array(w * h);
  for (let i = 0; i < src.length; i++) src[i] = sign * g.data[i]!;
  const mid = new Float32Array(w * h);
  const fwd = new Float32Array(Math.max(w, h));
  const bwd = new Float32Array(Math.max(w, h));
  for (let y = 0; y < h; y++) runningMax(src, mid, y * w, 1, w, r, fwd, bwd);
  // Down the columns a whole row at a time (the same van Herk passes, in memory order).
  const k = 2 * r + 1;
  const down = new Float32Array(w * h);
  const up = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const o = y * w;
    if (y % k === 0) down.set(mid.subarray(o, o + w), o);
    else for (let x = 0; x < w; x++) down[o + x] = Math.max(down[o - w + x]!, mid[o + x]!);
  }
  for (let y = h - 1; y >= 0; y--) {
    const o = y * w;
    if (y === h - 1 || (y + 1) % k === 0) up.set(mid.subarray(o, o + w), o);
    else for (let x = 0; x < w; x++) up[o + x] = Math.max(up[o + w + x]!, mid[o + x]!);
  }
  for (let y = 0; y < h; y++) {
    const a = Math.max(0, y - r) * w;
    const b = Math.min(h - 1, y + r) * w;
    const o = y * w;
    for (let x = 0; x < w; x++) src[o + x] = Math.max(up[a + x]!, down[b + x]!);
  }
  const out = new Uint8ClampedArray(w * h);
  for (let i = 0; i < out.length; i++) out[i] = sign * src[i]!;
  return { data: out, width: w, height: h };
}

/**
 * Stretch each pixel between the darkest and brightest pixels around it (a square of
 * `radius`, smoothed): unlike flattenLighting, which divides by the local mean, a shadow or glare
 * keeps the full range of its bars, and the ink level is measured rather than assumed black.
 */
export function stretchLevels(g: GrayImage, radius: number): GrayImage {
  const hi = boxBlur(extremeMap(g, radius, true), radius);
  const lo = boxBlur(extremeMap(g, radius, false), radius);
  const out = new Uint8ClampedArray(g.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (255 * (g.data[i]! - lo[i]!)) / Math.max(16, hi[i]! - lo[i]!);
  return { data: out, width: g.width, height: g.height };
}

/**
 * Share of sampled pixel pairs (every 2nd row, horizontal and vertical neighbours `gap` px apart)
 * whose luminance differs by more than `step`: ~0 for a blank wall, a lens cap or a dark room,
 * clearly above 0 wherever a code could be. A wider gap still sees edges that defocus has
 * spread over several pixels.
 */
export function edgeDensity(
  g: GrayImage,
  region?: { x: number; y: number; width: number; height: number },
  step = 32,
  gap = 2,
): number {
  const r = region ?? { x: 0, y: 0, width: g.width, height: g.height };
  const { width: w, data } = g;
  let edges = 0;
  let samples = 0;
  for (let y = r.y; y < r.y + r.height - gap; y += 2) {
    const row = y * w;
    for (let x = r.x; x < r.x + r.width - gap; x += 2) {
      const v = data[row + x]!;
      if (Math.abs(v - data[row + x + gap]!) > step || Math.abs(v - data[row + gap * w + x]!) > step) edges++;
      samples++;
    }
  }
  return samples ? edges / samples : 0;
}

/**
 * A cheap key of an RGBA frame's pixels (FNV-1a over a sparse sample): equal for the same still
 * fed twice, different for two camera frames (sensor noise alone changes the sampled bytes).
 */
export function frameFingerprint(img: RgbaImage): string {
  const d = img.data;
  let h = 0x811c9dc5;
  // A prime stride walks over all four channels and all columns.
  for (let i = 0; i < d.length; i += 61) {
    h ^= d[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return `${img.width}x${img.height}:${(h >>> 0).toString(36)}`;
}

/**
 * Symmetric FIR kernel of a Wiener deconvolution of a Gaussian blur of `sigma` px:
 * W(f) = H(f) / (H(f)² + noise), H the Gaussian's spectrum, sampled on 64 frequencies and
 * truncated to ±(3σ + 2) taps. `noise` bounds the gain (about 1 / (2·√noise) at most), so sensor
 * noise and JPEG blocks are not blown up into phantom edges.
 */
export function wienerKernel(sigma: number, noise: number): Float32Array {
  const n = 64;
  const radius = Math.min(n / 2 - 1, Math.ceil(3 * sigma) + 2);
  const gain = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    const fr = Math.min(f, n - f) / n;
    const h = Math.exp(-2 * Math.PI * Math.PI * sigma * sigma * fr * fr);
    gain[f] = h / (h * h + noise);
  }
  const taps = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) {
    let v = 0;
    for (let f = 0; f < n; f++) v += gain[f]! * Math.cos((2 * Math.PI * f * k) / n);
    // A Hann taper keeps the truncated kernel from ringing.
    const taper = 0.5 + 0.5 * Math.cos((Math.PI * k) / (radius + 1));
    taps[k + radius] = (v / n) * taper;
    sum += taps[k + radius]!;
  }
  // Unit sum: flat areas keep their brightness.
  for (let i = 0; i < taps.length; i++) taps[i] = taps[i]! / sum;
  return taps;
}

/** Convolve rows (`dx` = 1) or columns (`dx` = width) with a symmetric kernel, edges clamped. */
function convolve1d(src: Float32Array, w: number, h: number, taps: Float32Array, alongX: boolean): Float32Array {
  const out = new Float32Array(src.length);
  const r = (taps.length - 1) >> 1;
  const len = alongX ? w : h;
  const lines = alongX ? h : w;
  const step = alongX ? 1 : w;
  for (let line = 0; line < lines; line++) {
    const base = alongX ? line * w : line;
    for (let i = 0; i < len; i++) {
      let acc = 0;
      for (let k = -r; k <= r; k++) {
        const j = Math.min(len - 1, Math.max(0, i + k));
        acc += taps[k + r]! * src[base + j * step]!;
      }
      out[base + i * step] = acc;
    }
  }
  return out;
}

/**
 * Undo a defocus blur of about `sigma` px (Gaussian model, Wiener filter, separable along both
 * axes so codes at any 90° turn gain alike): bars that a defocused phone camera merged into
 * grey ramps get their edges back, where an unsharp mask only steepens what is left of them.
 */
export function deblur(g: GrayImage, sigma: number, noise = 0.01): GrayImage {
  const taps = wienerKernel(sigma, noise);
  const src = Float32Array.from(g.data);
  const rows = convolve1d(src, g.width, g.height, taps, true);
  const both = convolve1d(rows, g.width, g.height, taps, false);
  return { data: Uint8ClampedArray.from(both), width: g.width, height: g.height };
}

/** The grey level at a sub-pixel point (bilinear; points outside take the nearest edge's). */
export function bilinear(g: GrayImage, x: number, y: number): number {
  const x0 = Math.max(0, Math.min(g.width - 2, Math.floor(x)));
  const y0 = Math.max(0, Math.min(g.height - 2, Math.floor(y)));
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const i = y0 * g.width + x0;
  const d = g.data;
  return (d[i]! * (1 - fx) + d[i + 1]! * fx) * (1 - fy) + (d[i + g.width]! * (1 - fx) + d[i + g.width + 1]! * fx) * fy;
}
