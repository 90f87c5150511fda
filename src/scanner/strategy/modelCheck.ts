import type { BarcodeFormatName } from '../decoderTypes.ts';
import { bilinear, type GrayImage } from '../imageOps.ts';
import { splitAddOn } from '../engines/formatNames.ts';
import { readProfile, type LineRead, type Prior } from './blurLine.ts';
import { SYMBOL_MODULES, type Geometry } from './blurModel.ts';

type Point = { x: number; y: number };

/**
 * A second opinion on an EAN-13 / UPC-A read that comes from the frame's own pixels, not from
 * the pass image a filter made: scan lines across the read's place are lighting-normalised
 * along the line (each sample between the brightest and darkest of the few modules around it,
 * unlike flatten's 2D division by the local mean) and the blur model (blurModel.ts) picks the
 * digits that explain each line best. A line counts for the read only when its best digits are
 * the read's and every other valid digit string fits clearly worse; any such line with other
 * digits vetoes it. The model sees no engine's bars, so a filter's misread is not repeated.
 */

/** The guard's pass id of a model check's opinion: one per frame, whatever pass read the code. */
export const MODEL_CHECK_ID = 'model-check';
/** Lines across the bars, as a share of the symbol's length from the read's middle line. */
const OFFSETS = [0, -0.05, 0.05, -0.1, 0.1];
/** Samples per module along a line: the margins below are in these units. */
const SAMPLES_PER_MODULE = 3;
/** Half the window of the lighting envelope, in modules (a digit and a half: wide enough to hold a white space). */
const ENVELOPE_MODULES = 5;
/** Quiet modules sampled beyond each end of the read. */
const MARGIN_MODULES = 12;
/**
 * A line's fit is believed when its residual is noise-like, its best digits need no help from
 * the check digit, and the best other valid digits fit worse by this many times the residual's
 * variance (measured: right reads 35-220, confident-looking misfits below 20).
 */
export const CHECK_MAX_RMS = 0.2;
export const CHECK_MAX_FREE_GAP = 0.1;
export const CHECK_MIN_MARGIN_NOISE = 30;
/** Lines that must read the claimed digits. */
export const CHECK_MIN_LINES = 2;
/**
 * The model's own reading, when it contradicts the engine's: at least three lines, each a
 * separate look at the pixels, with a residual and margin no misfit reached on ZXing's photos
 * (misfits up to rms 0.2 / 80 on one line; right codes 0.08-0.16 / 55-450), and no confident
 * line reading anything else.
 */
export const READ_MAX_RMS = 0.17;
export const READ_MIN_MARGIN_NOISE = 50;
export const READ_MIN_LINES = 3;

export interface ModelCheck {
  /** Lines whose confident fit is the claimed code. */
  agree: number;
  /** Lines whose confident fit is another code. */
  other: number;
  /** The 13 digits the lines read on their own, and on how many lines (see READ_MIN_LINES). */
  reading: { digits: string; lines: number } | null;
  /** Per line: digits, rms, margin in noise units (diagnostics). */
  lines: { digits: string; rms: number; noise: number; gap: number }[];
}

/** Running max (or min) over ±half samples, then a box mean over the same window. */
function envelope(p: Float64Array, half: number, upper: boolean): Float64Array {
  const n = p.length;
  const ext = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = p[i]!;
    for (let j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++)
      v = upper ? Math.max(v, p[j]!) : Math.min(v, p[j]!);
    ext[i] = v;
  }
  const out = new Float64Array(n);
  let s = 0;
  let lo = 0;
  let hi = -1;
  for (let i = 0; i < n; i++) {
    while (hi < Math.min(n - 1, i + half)) s += ext[++hi]!;
    while (lo < i - half) s -= ext[lo++]!;
    out[i] = s / (hi - lo + 1);
  }
  return out;
}

/** Brightness across the bars at `offset` px from the read's line, SAMPLES_PER_MODULE a module. */
function lineProfile(g: GrayImage, a: Point, b: Point, offset: number, module: number): Float64Array {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  const ux = (b.x - a.x) / len;
  const uy = (b.y - a.y) / len;
  const step = module / SAMPLES_PER_MODULE;
  const margin = MARGIN_MODULES * module;
  const n = Math.floor((len + 2 * margin) / step);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = -margin + i * step;
    let s = 0;
    for (let k = -1; k <= 1; k++) {
      const o = offset + k;
      s += bilinear(g, a.x + ux * t - uy * o, a.y + uy * t + ux * o);
    }
    p[i] = s / 3;
  }
  return p;
}

/** `p` between white and dark levels per sample, on a 0 (bar) .. 200 (paper) scale. */
function toLevels(p: Float64Array, white: Float64Array, dark: Float64Array): Float64Array {
  const q = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) q[i] = 200 - (200 * (white[i]! - p[i]!)) / Math.max(4, white[i]! - dark[i]!);
  return q;
}

/** Lighting from the profile alone: the brightest and darkest samples a few modules around. */
function envelopeLevels(p: Float64Array): Float64Array {
  const half = ENVELOPE_MODULES * SAMPLES_PER_MODULE;
  return toLevels(p, envelope(p, half, true), envelope(p, half, false));
}

function confident(read: LineRead | null): boolean {
  if (!read?.fit.digits) return false;
  const rms2 = read.fit.cost / Math.max(1, read.fit.samples);
  return (
    Math.sqrt(rms2) <= CHECK_MAX_RMS &&
    read.fit.cost - read.fit.free <= CHECK_MAX_FREE_GAP &&
    read.fit.second - read.fit.cost >= CHECK_MIN_MARGIN_NOISE * rms2
  );
}

/** The read's two ends (frame pixels) along its middle scan line, in reading order. */
function ends(points: Point[]): [Point, Point] | null {
  const [tl, tr, br, bl] = points;
  if (!tl || !tr) return null;
  if (!br || !bl) return [tl, tr];
  return [
    { x: (tl.x + bl.x) / 2, y: (tl.y + bl.y) / 2 },
    { x: (tr.x + br.x) / 2, y: (tr.y + br.y) / 2 },
  ];
}

/**
 * Fit the blur model to lines across an EAN-13 / UPC-A read on the frame's gray pixels. Null
 * when the read is of another kind (or has an add-on, whose corners span both symbols).
 */
export function modelCheck(g: GrayImage, points: Point[], format: BarcodeFormatName, text: string): ModelCheck | null {
  if (format !== 'EAN_13' && format !== 'UPC_A') return null;
  if (splitAddOn(format, text).addOn !== '') return null;
  const claim = format === 'UPC_A' ? `0${text}` : text;
  const e = ends(points);
  if (!e) return null;
  const [a, b] = e;
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  const module = len / SYMBOL_MODULES;
  if (module < 0.8) return null;
  const start = MARGIN_MODULES * SAMPLES_PER_MODULE;
  // ZXing-C++ gives the guards' outer edges, ZXing Java/JS their middles (1.5 modules in): the
  // first line tries both and the better fit sets the geometry of the others.
  const inner: Geometry = { start, module: SAMPLES_PER_MODULE, radius: 0.8 * SAMPLES_PER_MODULE };
  const wider = (SAMPLES_PER_MODULE * SYMBOL_MODULES) / (SYMBOL_MODULES - 3);
  const outer: Geometry = { start: start - 1.5 * wider, module: wider, radius: 0.8 * wider };
  const result: ModelCheck = { agree: 0, other: 0, reading: null, lines: [] };
  const seen = new Set<string>();
  let strong = 0;
  let prior: Prior | null = null;
  for (const share of OFFSETS) {
    const p = envelopeLevels(lineProfile(g, a, b, share * len, module));
    let read: LineRead | null;
    if (!prior) {
      // Lines run from the read's start to its end: read forwards only.
      const x = readProfile(p, { geometry: inner, reversed: false });
      const y = readProfile(p, { geometry: outer, reversed: false });
      read = x && (!y || x.fit.cost <= y.fit.cost) ? x : y;
      if (read) prior = { geometry: read.geometry, reversed: read.reversed };
    } else read = readProfile(p, prior);
    if (!read) continue;
    const rms2 = read.fit.cost / Math.max(1, read.fit.samples);
    result.lines.push({
      digits: read.fit.digits,
      rms: Math.sqrt(rms2),
      noise: (read.fit.second - read.fit.cost) / rms2,
      gap: read.fit.cost - read.fit.free,
    });
    if (!confident(read)) continue;
    seen.add(read.fit.digits);
    if (Math.sqrt(rms2) <= READ_MAX_RMS && read.fit.second - read.fit.cost >= READ_MIN_MARGIN_NOISE * rms2) strong++;
    if (read.fit.digits === claim) result.agree++;
    else result.other++;
  }
  const [only] = seen;
  if (seen.size === 1 && only && strong >= READ_MIN_LINES) result.reading = { digits: only, lines: strong };
  return result;
}

/** True when the model check reads the claimed code on enough lines and another code on none. */
export function modelConfirms(check: ModelCheck | null): boolean {
  return check !== null && check.agree >= CHECK_MIN_LINES && check.other === 0;
}

export interface ModelOpinion {
  text: string;
  format: BarcodeFormatName;
  /** The guard's pass ids of its looks: one that agrees with the read, or each line of its own reading. */
  looks: string[];
}

/**
 * What the check says to the read guard: the claimed code, once (the engine's read is the
 * other opinion); or, when its lines read another code on their own, that code with one look per
 * line, so it outweighs the one contradicting read as any code must (see ReadGuard).
 */
export function modelOpinion(
  check: ModelCheck,
  claim: { text: string; format: BarcodeFormatName },
  formats: readonly BarcodeFormatName[],
): ModelOpinion | null {
  if (modelConfirms(check)) return { text: claim.text, format: claim.format, looks: [MODEL_CHECK_ID] };
  const r = check.reading;
  if (!r || r.digits === (claim.format === 'UPC_A' ? `0${claim.text}` : claim.text)) return null;
  const upc = r.digits.startsWith('0') && formats.includes('UPC_A');
  if (!upc && !formats.includes('EAN_13')) return null;
  return {
    text: upc ? r.digits.slice(1) : r.digits,
    format: upc ? 'UPC_A' : 'EAN_13',
    looks: Array.from({ length: r.lines }, (_, i) => `${MODEL_CHECK_ID}|line${i}`),
  };
}
