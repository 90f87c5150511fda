// Pure-JS raster helpers for the generated benchmark images: a seeded PRNG, a grayscale
// image type, blur / noise / JPEG-style DCT quantisation, a tiny bitmap font and a PNG writer.
// No native tools (ImageMagick, ffmpeg) and no extra npm packages: node:zlib does the deflate.
import zlib from 'node:zlib';

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Standard normal (Box-Muller). */
    gauss: () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next()),
  };
}

/** Grayscale image with float samples 0..255. */
export function gray(width, height, fill = 0) {
  return { width, height, data: new Float32Array(width * height).fill(fill) };
}

function gaussKernel(sigma) {
  const r = Math.max(1, Math.ceil(sigma * 3));
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
    sum += k[i + r];
  }
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  return k;
}

/** Convolve rows (dx=1) or columns (dx=0) with a 1D kernel, edges clamped. */
function convolve1d(img, kernel, horizontal) {
  const { width: w, height: h, data } = img;
  const out = new Float32Array(w * h);
  const r = (kernel.length - 1) >> 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) {
        const xx = horizontal ? Math.min(w - 1, Math.max(0, x + i)) : x;
        const yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + i));
        s += kernel[i + r] * data[yy * w + xx];
      }
      out[y * w + x] = s;
    }
  }
  return { width: w, height: h, data: out };
}

export function gaussianBlur(img, sigma) {
  if (sigma <= 0.05) return img;
  const k = gaussKernel(sigma);
  return convolve1d(convolve1d(img, k, true), k, false);
}

/** Motion blur: average along a line of `length` px at `angle` radians (bilinear samples). */
export function motionBlur(img, length, angle) {
  const { width: w, height: h, data } = img;
  const out = new Float32Array(w * h);
  const steps = Math.max(2, Math.ceil(length));
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = 0; i < steps; i++) {
        const t = (i / (steps - 1) - 0.5) * length;
        s += sample(img, x + dx * t, y + dy * t);
      }
      out[y * w + x] = s / steps;
    }
  }
  void data;
  return { width: w, height: h, data: out };
}

/** Bilinear sample with clamped edges. */
export function sample(img, x, y) {
  const { width: w, height: h, data } = img;
  const cx = Math.min(w - 1.001, Math.max(0, x));
  const cy = Math.min(h - 1.001, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const fx = cx - x0;
  const fy = cy - y0;
  const i = y0 * w + x0;
  return (data[i] * (1 - fx) + data[i + 1] * fx) * (1 - fy) + (data[i + w] * (1 - fx) + data[i + w + 1] * fx) * fy;
}

/** Resample to a new size (box-filtered when shrinking, bilinear when growing). */
export function resize(img, width, height) {
  const fx = img.width / width;
  const fy = img.height / height;
  const out = gray(width, height);
  const n = Math.max(1, Math.ceil(Math.max(fx, fy)));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++) s += sample(img, (x + (i + 0.5) / n) * fx - 0.5, (y + (j + 0.5) / n) * fy - 0.5);
      out.data[y * width + x] = s / (n * n);
    }
  }
  return out;
}

export function addNoise(img, sigma, rng) {
  for (let i = 0; i < img.data.length; i++) img.data[i] += sigma * rng.gauss();
  return img;
}

const JPEG_LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];
const COS = Array.from({ length: 64 }, (_, k) => {
  const x = k >> 3;
  const u = k & 7;
  return Math.cos(((2 * x + 1) * u * Math.PI) / 16);
});
const C = (u) => (u === 0 ? Math.SQRT1_2 : 1);

/**
 * JPEG's lossy step on the luma plane: 8×8 DCT, quantisation with the standard table at
 * `quality` (1..100, libjpeg scaling), inverse DCT. Gives the same blocking and ringing as a
 * real JPEG encoder at that quality, without needing one.
 */
export function jpegArtefacts(img, quality) {
  const q = quality < 50 ? 5000 / quality : 200 - quality * 2;
  const table = JPEG_LUMA.map((v) => Math.min(255, Math.max(1, Math.floor((v * q + 50) / 100))));
  const { width: w, height: h, data } = img;
  const block = new Float32Array(64);
  const coef = new Float32Array(64);
  for (let by = 0; by < h; by += 8) {
    for (let bx = 0; bx < w; bx += 8) {
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++) {
          block[y * 8 + x] = data[Math.min(h - 1, by + y) * w + Math.min(w - 1, bx + x)] - 128;
        }
      for (let v = 0; v < 8; v++)
        for (let u = 0; u < 8; u++) {
          let s = 0;
          for (let y = 0; y < 8; y++)
            for (let x = 0; x < 8; x++) s += block[y * 8 + x] * COS[x * 8 + u] * COS[y * 8 + v];
          const c = 0.25 * C(u) * C(v) * s;
          const qv = table[v * 8 + u];
          coef[v * 8 + u] = Math.round(c / qv) * qv;
        }
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++) {
          if (by + y >= h || bx + x >= w) continue;
          let s = 0;
          for (let v = 0; v < 8; v++)
            for (let u = 0; u < 8; u++) s += C(u) * C(v) * coef[v * 8 + u] * COS[x * 8 + u] * COS[y * 8 + v];
          data[(by + y) * w + bx + x] = Math.round(0.25 * s + 128);
        }
    }
  }
  return img;
}

// 5×7 bitmap font (rows top to bottom, 5 bits each, MSB left) for label-like text.
const FONT = {
  0: [14, 17, 19, 21, 25, 17, 14],
  1: [4, 12, 4, 4, 4, 4, 14],
  2: [14, 17, 1, 2, 4, 8, 31],
  3: [31, 2, 4, 2, 1, 17, 14],
  4: [2, 6, 10, 18, 31, 2, 2],
  5: [31, 16, 30, 1, 1, 17, 14],
  6: [6, 8, 16, 30, 17, 17, 14],
  7: [31, 1, 2, 4, 8, 8, 8],
  8: [14, 17, 17, 14, 17, 17, 14],
  9: [14, 17, 17, 15, 1, 2, 12],
  A: [14, 17, 17, 31, 17, 17, 17],
  B: [30, 17, 17, 30, 17, 17, 30],
  C: [14, 17, 16, 16, 16, 17, 14],
  D: [30, 17, 17, 17, 17, 17, 30],
  E: [31, 16, 16, 30, 16, 16, 31],
  F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15],
  H: [17, 17, 17, 31, 17, 17, 17],
  I: [14, 4, 4, 4, 4, 4, 14],
  K: [17, 18, 20, 24, 20, 18, 17],
  L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17],
  N: [17, 17, 25, 21, 19, 17, 17],
  O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16],
  Q: [14, 17, 17, 17, 21, 18, 13],
  R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30],
  T: [31, 4, 4, 4, 4, 4, 4],
  U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4],
  W: [17, 17, 17, 21, 21, 21, 10],
  X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 10, 4, 4, 4, 4],
  Z: [31, 1, 2, 4, 8, 16, 31],
  l: [12, 4, 4, 4, 4, 4, 14],
  '|': [4, 4, 4, 4, 4, 4, 4],
  '-': [0, 0, 0, 31, 0, 0, 0],
  '.': [0, 0, 0, 0, 0, 12, 12],
  ':': [0, 12, 12, 0, 12, 12, 0],
  '/': [1, 1, 2, 4, 8, 16, 16],
  '%': [24, 25, 2, 4, 8, 19, 3],
};

/** Draw `text` with its top-left at (x, y), `px` pixels per font dot, in `ink`. */
export function drawText(img, text, x, y, px, ink) {
  let cx = x;
  for (const ch of text) {
    const rows = FONT[ch] ?? FONT[ch.toUpperCase()];
    if (rows) {
      for (let r = 0; r < 7; r++)
        for (let c = 0; c < 5; c++) {
          if (!(rows[r] & (16 >> c))) continue;
          fillRect(img, cx + c * px, y + r * px, px, px, ink);
        }
    }
    cx += 6 * px;
  }
  return cx;
}

export function fillRect(img, x, y, w, h, value) {
  const x0 = Math.max(0, Math.round(x));
  const x1 = Math.min(img.width, Math.round(x + w));
  const y0 = Math.max(0, Math.round(y));
  const y1 = Math.min(img.height, Math.round(y + h));
  for (let yy = y0; yy < y1; yy++) img.data.fill(value, yy * img.width + x0, yy * img.width + x1);
}

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** 8-bit grayscale PNG (values clamped and rounded). */
export function encodePng(img) {
  const { width: w, height: h, data } = img;
  const raw = Buffer.alloc((w + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0;
    for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = Math.min(255, Math.max(0, Math.round(data[y * w + x])));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
