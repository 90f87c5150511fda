/**
 * The latency bench's camera videos: blank, then one code, as a 4:2:0 y4m written in Node (bwip-js),
 * so the bench needs nothing but the README's set-up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import bwipjs from 'bwip-js';
import { prng } from './gen/raster.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(path.resolve(here, '../..'), 'e2e/.out/latency');
export const CASES = {
  qr: { label: 'QR code {"stockitem": 12}', bcid: 'qrcode', text: '{"stockitem": 12}' },
  ean13: { label: 'EAN-13 9780804816632 (two agreeing reads)', bcid: 'ean13', text: '9780804816632' },
};
export const W = 640;
export const H = 480;
/** A phone camera's rate; `--fps 15` keeps the older, slower bench measurable. */
export const DEFAULT_FPS = 30;
export const BLANK_SECONDS = 2.5;
export const CODE_SECONDS = 4;

/** Dark/light modules of the code, as a function of (column, row) in modules, and its size. */
function codeMatrix(c) {
  const [sym] = bwipjs.raw(c.bcid, c.text, {});
  if (sym.pixs) return { w: sym.pixx, h: sym.pixy, quiet: 4, dark: (x, y) => sym.pixs[y * sym.pixx + x] === 1 };
  // 1D: bar/space widths in modules, starting with a bar; 11 modules of quiet zone (EAN-13).
  const bars = [];
  sym.sbs.forEach((width, i) => {
    for (let k = 0; k < width; k++) bars.push(i % 2 === 0);
  });
  return { w: bars.length, h: 60, quiet: 11, dark: (x) => bars[x] };
}

/**
 * blank (light grey) → the code on the same background, as a 4:2:0 y4m written here in Node
 * (bwip-js encodes the symbol; no ImageMagick or ffmpeg needed). Grey levels are in video
 * (limited) range, as an RGB → YUV conversion would give them.
 */
export async function makeVideo(name, fps = DEFAULT_FPS) {
  fs.mkdirSync(outDir, { recursive: true });
  const y4m = path.join(outDir, `blank-then-${name}-${fps}fps-v3.y4m`);
  if (fs.existsSync(y4m)) return y4m;
  const luma = (rgb) => Math.round(16 + (219 * rgb) / 255);
  const bg = luma(0xd8);
  const blank = Buffer.alloc(W * H, bg);
  const code = Buffer.from(blank);
  const m = codeMatrix(CASES[name]);
  const MODULE = m.h === 60 ? 3 : 7;
  const sw = (m.w + 2 * m.quiet) * MODULE;
  const sh = (m.h + 2 * (m.h === 60 ? 4 : m.quiet)) * MODULE;
  const x0 = Math.round((W - sw) / 2);
  const y0 = Math.round((H - sh) / 2);
  const padY = (sh / MODULE - m.h) / 2;
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const mx = Math.floor(x / MODULE) - m.quiet;
      const my = Math.floor(y / MODULE) - padY;
      const dark = mx >= 0 && my >= 0 && mx < m.w && my < m.h && m.dark(mx, my);
      code[(y0 + y) * W + x0 + x] = dark ? luma(0) : luma(255);
    }
  }
  const random = prng(15).next;
  // ±3 grey levels of sensor noise: frames differ (the scanner tells a still from a stream by that).
  const noisy = (src) => {
    const out = Buffer.from(src);
    for (let i = 0; i < out.length; i++) out[i] = Math.min(235, Math.max(16, out[i] + Math.round(random() * 6 - 3)));
    return out;
  };
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = (y) => Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const parts = [Buffer.from(`YUV4MPEG2 W${W} H${H} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (let i = 0; i < Math.round(BLANK_SECONDS * fps); i++) parts.push(frame(blank));
  for (let i = 0; i < Math.round(CODE_SECONDS * fps); i++) parts.push(frame(noisy(code)));
  fs.writeFileSync(y4m, Buffer.concat(parts));
  return y4m;
}
