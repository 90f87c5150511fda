// Places a label raster in a 640×480 "camera frame": background clutter, rotation, perspective
// tilt, a cylinder (curved label), uneven lighting and glare, then the camera's blur and noise.
import { addNoise, drawText, fillRect, gaussianBlur, gray, sample } from './raster.mjs';

export const FRAME_W = 640;
export const FRAME_H = 480;

/** A cluttered background: lighting gradient, blobs, boxes and a little text. */
export function background(rng) {
  const img = gray(FRAME_W, FRAME_H);
  const base = rng.range(70, 190);
  const gx = rng.range(-0.12, 0.12);
  const gy = rng.range(-0.12, 0.12);
  const blobs = Array.from({ length: 5 }, () => ({
    x: rng.range(0, FRAME_W),
    y: rng.range(0, FRAME_H),
    s: rng.range(40, 200),
    a: rng.range(-50, 50),
  }));
  for (let y = 0; y < FRAME_H; y++) {
    for (let x = 0; x < FRAME_W; x++) {
      let v = base * (1 + gx * (x / FRAME_W - 0.5) * 2 + gy * (y / FRAME_H - 0.5) * 2);
      for (const b of blobs) v += b.a * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (2 * b.s * b.s));
      img.data[y * FRAME_W + x] = v;
    }
  }
  for (let i = 0; i < 3; i++) {
    fillRect(
      img,
      rng.range(-50, FRAME_W),
      rng.range(-50, FRAME_H),
      rng.range(30, 200),
      rng.range(20, 150),
      rng.range(30, 230),
    );
  }
  if (rng.next() < 0.5) {
    drawText(
      img,
      rng.pick(['QTY 100', 'REEL 4000', 'ESD', 'MADE IN EU', 'LOT 2024-11']),
      rng.range(0, 400),
      rng.range(0, 440),
      rng.int(2, 3),
      rng.range(10, 60),
    );
  }
  return img;
}

/**
 * Draw `label` (a raster from renderLabel) into `frame` with 2×2 supersampling.
 * g: { cx, cy: centre in the frame; scale: frame px per label px; angle: radians;
 *      tiltX, tiltY: perspective (1/px); radius: cylinder radius in frame px or 0 }.
 */
export function placeLabel(frame, label, g) {
  const { cx, cy, scale, angle, tiltX = 0, tiltY = 0, radius = 0 } = g;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const lcx = label.width / 2;
  const lcy = label.height / 2;
  const SS = 2;
  for (let Y = 0; Y < frame.height; Y++) {
    for (let X = 0; X < frame.width; X++) {
      let acc = 0;
      let hits = 0;
      for (let j = 0; j < SS; j++) {
        for (let i = 0; i < SS; i++) {
          const px = X + (i + 0.5) / SS - 0.5 - cx;
          const py = Y + (j + 0.5) / SS - 0.5 - cy;
          // Perspective (inverse of x' = x / (1 + tiltX x + tiltY y)).
          const d = 1 - tiltX * px - tiltY * py;
          if (d <= 0.05) continue;
          const x = px / d;
          const y = py / d;
          let xr = x * cos + y * sin;
          const yr = -x * sin + y * cos;
          let shade = 1;
          if (radius > 0) {
            // A label wrapped round a cylinder whose axis runs along the bars.
            if (Math.abs(xr) >= radius * 0.995) continue;
            const s = xr / radius;
            shade = 0.55 + 0.45 * Math.sqrt(1 - s * s);
            xr = radius * Math.asin(s);
          }
          const u = xr / scale + lcx;
          const v = yr / scale + lcy;
          if (u < 0 || v < 0 || u > label.width - 1 || v > label.height - 1) continue;
          acc += sample(label, u, v) * shade;
          hits++;
        }
      }
      if (hits === 0) continue;
      const k = hits / (SS * SS);
      const idx = Y * frame.width + X;
      frame.data[idx] = frame.data[idx] * (1 - k) + (acc / hits) * k;
    }
  }
  return frame;
}

/** Uneven light over the whole frame (multiplicative gradient) and an optional glare spot. */
export function lighting(frame, rng, glare = null) {
  const ax = rng.range(-0.15, 0.15);
  const ay = rng.range(-0.15, 0.15);
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      const i = y * frame.width + x;
      let v = frame.data[i] * (1 + ax * (x / frame.width - 0.5) * 2 + ay * (y / frame.height - 0.5) * 2);
      if (glare) {
        const r2 = ((x - glare.x) / glare.sx) ** 2 + ((y - glare.y) / glare.sy) ** 2;
        v += glare.amount * Math.exp(-r2 / 2);
      }
      frame.data[i] = Math.min(255, v);
    }
  }
  return frame;
}

/** The camera: optics blur, then sensor noise. */
export function camera(frame, rng, { blur = 0.5, noise = 3 } = {}) {
  const out = gaussianBlur(frame, blur);
  return addNoise(out, noise, rng);
}
