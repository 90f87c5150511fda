import type { BarcodeFormatName } from '../decoderTypes.ts';
import { needsAgreement, RETAIL, splitAddOn } from '../engines/formatNames.ts';
import { isPlausible } from './plausibility.ts';

/** Votes expire after this many frames, so an old sighting cannot confirm a new one. */
export const VOTE_WINDOW_FRAMES = 12;

/** Where a read lies in the frame: its centre and its longest extent, in frame pixels. */
export interface ReadSpot {
  x: number;
  y: number;
  size: number;
}

export interface Candidate {
  text: string;
  format: BarcodeFormatName;
  /** The pass that read it (a different pass = a different scale, threshold, filter or engine). */
  passId: string;
  /** Identifies the frame's pixels: two frames with the same key are the same still image. */
  frameKey: string;
  spot?: ReadSpot | null;
}

export type Verdict = 'accept' | 'pending' | 'reject';

interface Sighting {
  passId: string;
  frameKey: string;
}
interface Seen {
  format: BarcodeFormatName;
  text: string;
  spot: ReadSpot | null;
  frame: number;
}

/** Codes of variable length: a washed-out or cut-off part leaves a shorter code that still checks. */
const VARIABLE_LENGTH: ReadonlySet<BarcodeFormatName> = new Set(['ITF', 'CODE_39', 'CODABAR', 'CODE_93']);

/**
 * True when `short` is a piece of `long` read at the same place: the same variable-length
 * symbology, and its text inside the longer one (glare over an ITF-14 leaves the last 10 digits);
 * or a retail code read without the add-on that `long` has.
 */
export function isPartialOf(short: Omit<Seen, 'frame'>, long: Omit<Seen, 'frame'>): boolean {
  if (short.format !== long.format || long.text.length <= short.text.length || !samePlace(short.spot, long.spot))
    return false;
  if (RETAIL.has(short.format)) {
    const parts = splitAddOn(long.format, long.text);
    return parts.addOn !== '' && parts.main === short.text;
  }
  return VARIABLE_LENGTH.has(short.format) && long.text.includes(short.text);
}

/** Reads that can show another read to be partial: variable-length codes, retail codes with an add-on. */
function mayHaveParts(format: BarcodeFormatName, text: string): boolean {
  return VARIABLE_LENGTH.has(format) || splitAddOn(format, text).addOn !== '';
}
interface Vote {
  format: BarcodeFormatName;
  text: string;
  sightings: Sighting[];
  lastFrame: number;
  spot: ReadSpot | null;
}

/**
 * Two different 1D reads of one place cannot both be right (an EAN-8 found among an ITF's bars,
 * an EAN-13 misread as a UPC-A): all weak-check codes are one family.
 */
function family(format: BarcodeFormatName): string {
  return needsAgreement(format) ? 'weak-linear' : format;
}

/** Two reads of one place (or without a known place) that must not both be believed. */
function samePlace(a: ReadSpot | null, b: ReadSpot | null): boolean {
  if (!a || !b) return true;
  return Math.hypot(a.x - b.x, a.y - b.y) < Math.max(a.size, b.size) / 2;
}

/**
 * Decides which reads may be reported. Codes with a weak check (see needsAgreement) are held
 * until two independent reads agree: the same text from two different passes, or from one pass
 * on two different camera frames (identical frames, i.e. a still, are one read). A different
 * text of another weak-check code read at the same place is a contradiction: the code is then reported
 * only once its reads outnumber the contradicting ones by two.
 */
export class ReadGuard {
  private votes = new Map<string, Vote>();
  private seen: Seen[] = [];

  /**
   * Record every raw read of a variable-length code or of a retail code with an add-on, even one
   * the bar-shape check drops: a longer code seen where a shorter one is read shows the shorter
   * one is a partial read (an add-on missed on one scan line must not hide it on the others).
   * Called for all reads of a pass before any of them is judged, so their order does not matter.
   */
  observe(c: Pick<Candidate, 'text' | 'format' | 'spot'>, frame: number): void {
    if (!mayHaveParts(c.format, c.text) || !isPlausible(c.format, c.text)) return;
    this.seen.push({ format: c.format, text: c.text, spot: c.spot ?? null, frame });
  }

  judge(c: Candidate, frame: number): Verdict {
    if (!isPlausible(c.format, c.text)) return 'reject';
    if (!needsAgreement(c.format)) return 'accept';
    const self = { format: c.format, text: c.text, spot: c.spot ?? null };
    // A piece of a longer code of the same kind seen here is never reported, however often read.
    if (this.seen.some((s) => frame - s.frame <= VOTE_WINDOW_FRAMES && isPartialOf(self, s))) return 'pending';
    const key = `${c.format}\u0000${c.text}`;
    let vote = this.votes.get(key);
    if (!vote || frame - vote.lastFrame > VOTE_WINDOW_FRAMES) {
      vote = { format: c.format, text: c.text, sightings: [], lastFrame: frame, spot: null };
      this.votes.set(key, vote);
    }
    if (!vote.sightings.some((s) => s.passId === c.passId && s.frameKey === c.frameKey)) {
      vote.sightings.push({ passId: c.passId, frameKey: c.frameKey });
    }
    vote.lastFrame = frame;
    vote.spot = c.spot ?? vote.spot;
    const support = vote.sightings.length;
    let against = 0;
    for (const other of this.votes.values()) {
      if (other === vote || frame - other.lastFrame > VOTE_WINDOW_FRAMES) continue;
      if (family(other.format) !== family(c.format) || !samePlace(other.spot, vote.spot)) continue;
      // A partial read of this code agrees with it rather than contradicting it.
      if (isPartialOf({ format: other.format, text: other.text, spot: other.spot }, self)) continue;
      against = Math.max(against, other.sightings.length);
    }
    return support >= 2 && support >= against + 2 ? 'accept' : 'pending';
  }

  /** Drop expired sightings (called once per frame). */
  prune(frame: number): void {
    this.seen = this.seen.filter((s) => frame - s.frame <= VOTE_WINDOW_FRAMES);
    for (const [key, vote] of this.votes) {
      if (frame - vote.lastFrame > VOTE_WINDOW_FRAMES) this.votes.delete(key);
    }
  }

  clear(): void {
    this.votes.clear();
    this.seen = [];
  }
}
