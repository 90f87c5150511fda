// 1D labels for the generated benchmark set: bars from bwip-js (its `raw` encoder, so the bar
// widths are exactly what a label printer would print), laid out with each symbology's quiet
// zones and human-readable text on a paper-coloured label raster.
import bwipjs from 'bwip-js';
import { drawText, fillRect, gray } from './raster.mjs';

/** GS1 mod-10 check digit for a digit string without its check digit. */
export function gs1Check(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** UPC-E number system + 6 digits → the 11 digits of its UPC-A expansion (no check digit). */
function expandUpcEBody(ns, d) {
  const last = d[5];
  if (last <= '2') return ns + d.slice(0, 2) + last + '0000' + d.slice(2, 5);
  if (last === '3') return ns + d.slice(0, 3) + '00000' + d.slice(3, 5);
  if (last === '4') return ns + d.slice(0, 4) + '00000' + d[4];
  return ns + d.slice(0, 5) + '0000' + last;
}

const digits = (rng, n) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

/**
 * Symbologies of the set: the app's format name, bwip-js encoder, quiet zones (modules, from
 * the symbology specs), and a text generator returning [text given to bwip-js, text the app
 * must report].
 */
export const SYMBOLOGIES = {
  EAN_13: {
    bcid: 'ean13',
    quiet: [11, 7],
    text(rng) {
      // Never a leading 0: that is a UPC-A, and the app reports it as one.
      const body =
        rng.next() < 0.4 ? rng.pick(['978', '979']) + digits(rng, 9) : String(rng.int(1, 9)) + digits(rng, 11);
      const full = body + gs1Check(body);
      return [full, full];
    },
  },
  EAN_8: {
    bcid: 'ean8',
    quiet: [7, 7],
    text(rng) {
      const body = digits(rng, 7);
      const full = body + gs1Check(body);
      return [full, full];
    },
  },
  UPC_A: {
    bcid: 'upca',
    quiet: [9, 9],
    text(rng) {
      const body = String(rng.int(0, 9)) + digits(rng, 10);
      const full = body + gs1Check(body);
      return [full, full];
    },
  },
  UPC_E: {
    bcid: 'upce',
    quiet: [9, 7],
    text(rng) {
      const ns = rng.next() < 0.8 ? '0' : '1';
      const d = digits(rng, 6);
      const check = gs1Check(expandUpcEBody(ns, d));
      return [ns + d + check, ns + d + check];
    },
  },
  ITF: {
    bcid: 'interleaved2of5',
    quiet: [10, 10],
    text(rng) {
      // ITF-14 (GS1 check digit) most of the time, sometimes a shorter internal number.
      if (rng.next() < 0.7) {
        const body = digits(rng, 13);
        const full = body + gs1Check(body);
        return [full, full];
      }
      const n = rng.pick([6, 8, 10, 12]);
      const t = digits(rng, n);
      return [t, t];
    },
  },
  CODE_39: {
    bcid: 'code39',
    quiet: [10, 10],
    text(rng) {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-';
      const n = rng.int(4, 10);
      let t = rng.pick(['', '', 'PN-', 'LOT', 'SN']);
      while (t.length < n) t += alphabet[rng.int(0, alphabet.length - 1)];
      if (t.endsWith('-')) t = t.slice(0, -1) + 'X';
      return [t, t];
    },
  },
};

/** Module widths (bar first) of a code as printed. */
export function barWidths(bcid, text) {
  const [sym] = bwipjs.raw(bcid, text, { includetext: false });
  return sym.sbs;
}

export const LABEL_PX_PER_MODULE = 6;

/**
 * A label raster at LABEL_PX_PER_MODULE: paper, the bars with their quiet zones, the text
 * printed below them. Returns the raster plus the bar area in raster pixels (for placement).
 */
export function renderLabel(format, printText, opts) {
  const { paper = 240, ink = 25, heightModules, extraText = null } = opts;
  const sym = SYMBOLOGIES[format];
  const sbs = barWidths(sym.bcid, printText);
  const modules = sbs.reduce((a, b) => a + b, 0);
  const px = LABEL_PX_PER_MODULE;
  const [ql, qr] = sym.quiet;
  const barH = Math.round((heightModules ?? Math.max(30, modules * 0.55)) * px);
  const textPx = Math.max(2, Math.round(px * 1.2));
  const margin = 3 * px;
  const width = (ql + modules + qr) * px;
  const height = margin + barH + textPx * 10 + (extraText ? textPx * 9 : 0) + margin;
  const img = gray(width, height, paper);
  let x = ql * px;
  for (let i = 0; i < sbs.length; i++) {
    const w = sbs[i] * px;
    if (i % 2 === 0) fillRect(img, x, margin, w, barH, ink);
    x += w;
  }
  // Human-readable text, centred below the bars (as on a label; it is not part of the code).
  const tw = printText.length * 6 * textPx;
  drawText(img, printText, Math.max(0, (width - tw) / 2), margin + barH + textPx * 2, textPx, ink);
  if (extraText) drawText(img, extraText, px, margin + barH + textPx * 11, textPx, ink);
  return { img, bars: { x: ql * px, y: margin, width: modules * px, height: barH }, modules };
}
