import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { Point } from './passImage.ts';
import type { EngineRead } from '../engines/decodeEngine.ts';
import { isRgba, toGray, type GrayImage, type RgbaImage } from '../imageOps.ts';
import { fitTables, sumTables } from './blurDigits.ts';
import type { Geometry } from './blurModel.ts';
import { MAX_FREE_GAP, MAX_RMS, MIN_MARGIN_NOISE, readProfile, type LineRead } from './blurLine.ts';
import { findBarRegions, sampleProfile, type BarRegion } from './barRegions.ts';

const MIN_HALF_WIDTH_PX = 40;
const MIN_JOINT_MARGIN = 0.1;
const CLOSE_RMS = 0.06;
/** Lines per region; at least two must read the same digits and none another code. */
const LINES = [0.5, 0.3, 0.7, 0.15, 0.85];
/**
 * Scan lines per call over all regions (a line costs 20-30 ms of CPU on this machine): the pass
 * runs on live frames, so a second bar-like region gets what the first left (two lines at the
 * least when the first was read in full, enough for two clear reads).
 */
const LINE_BUDGET = 7;

/**
 * The agreeing lines fitted as one (their pixels together): the same digits must come out, with
 * the margin a single line needs at the least (MIN_JOINT_MARGIN, the lines' margins add up) and
 * in units of the joint residual's variance. Each line's margin may be thin under heavy blur
 * (0.05 on ZXing's ean13-5 photos); a code that is right fits every line, so the sum is not.
 */
function jointlyClear(digits: string, used: LineRead[]): boolean {
  const fit = fitTables(sumTables(used.map((l) => l.tables)));
  const rms2 = fit.cost / Math.max(1, fit.samples);
  return (
    fit.digits === digits &&
    // Each line may sit up to MAX_FREE_GAP above its own check-free optimum.
    fit.cost - fit.free <= MAX_FREE_GAP * used.length &&
    fit.second - fit.cost >= Math.max(MIN_JOINT_MARGIN, MIN_MARGIN_NOISE * rms2)
  );
}

const rmsOf = (l: LineRead) => Math.sqrt(l.fit.cost / Math.max(1, l.fit.samples));

/**
 * The code the lines read, if any: two lines that each read it clearly (accepted), or under
 * heavy blur, where each line's margin is thin, three lines whose best fit is it and close
 * (CLOSE_RMS; the wrong codes seen fit at 0.08-0.1); in both cases no accepted line, and no
 * close one, reads another code, and the lines together read it clearly.
 */
function decide(lines: LineRead[]): { digits: string; used: LineRead[] } | null {
  const votes = lines.filter((l) => l.accepted);
  const close = lines.filter((l) => rmsOf(l) <= CLOSE_RMS && l.fit.cost - l.fit.free <= MAX_FREE_GAP);
  const codes = new Set([...votes, ...close].map((l) => l.digits));
  if (codes.size !== 1) return null;
  const [digits] = [...codes] as [string];
  if (votes.length >= 2 && jointlyClear(digits, votes)) return { digits, used: votes };
  if (close.length >= 3 && jointlyClear(digits, close)) return { digits, used: close };
  return null;
}

export interface BlurDebug {
  region: BarRegion;
  lines: (LineRead | null)[];
}

/**
 * EAN-13 / UPC-A from defocused bars: each bar-like region is read along several scan lines,
 * both directions; a code is reported only when two lines read it and no line reads another.
 * `lineCount` is how many lines agreed (each a separate look at the pixels).
 */
export function decodeBlurred(
  image: GrayImage | RgbaImage,
  formats: readonly BarcodeFormatName[],
  debug?: BlurDebug[],
): EngineRead[] {
  const wantEan = formats.includes('EAN_13');
  const wantUpc = formats.includes('UPC_A');
  if (!wantEan && !wantUpc) return [];
  const g = isRgba(image) ? toGray(image) : image;
  const out: EngineRead[] = [];
  // An EAN/UPC at a pixel a module or more is ~95 px across; smaller regions are other things.
  const regions = findBarRegions(g).filter((r) => r.halfU >= MIN_HALF_WIDTH_PX);
  let budget = LINE_BUDGET;
  for (const region of regions.slice(0, 2)) {
    if (out.length > 0 || budget <= 0) break;
    const lines: (LineRead | null)[] = [];
    const ends = new Map<LineRead, [Point, Point]>();
    let reversed = false;
    let prior: Geometry | undefined;
    for (const at of LINES.slice(0, budget)) {
      budget--;
      const prof = sampleProfile(g, region, at);
      const n = prof.values.length;
      let read: LineRead | null;
      if (!prior) {
        // The first line decides the direction and the geometry for the rest.
        read = readProfile(prof.values);
        lines.push(read);
        // Nothing like bars of an EAN here: the region is something else.
        if (!read || rmsOf(read) > 2 * MAX_RMS) break;
        reversed = read.reversed;
        prior = read.geometry;
      } else {
        read = readProfile(prof.values, { geometry: prior, reversed });
        lines.push(read);
      }
      if (!read) continue;
      const [a, b] = reversed ? [n - 1 - read.to, n - 1 - read.from] : [read.from, read.to];
      ends.set(read, [prof.point(a), prof.point(b)]);
    }
    debug?.push({ region, lines });
    const found = decide(lines.filter((l): l is LineRead => !!l));
    if (!found) continue;
    const { digits, used } = found;
    const upc = digits.startsWith('0') && wantUpc;
    if (!upc && !wantEan) continue;
    // Corners as ZXing gives a 1D read: first line's ends on top, last line's at the bottom.
    const [tl, tr] = ends.get(used[0]!)!;
    const [bl, br] = ends.get(used[used.length - 1]!)!;
    out.push({
      text: upc ? digits.slice(1) : digits,
      format: upc ? 'UPC_A' : 'EAN_13',
      points: [tl, tr, br, bl],
      lineCount: used.length,
    });
  }
  return out;
}
