import type { BarcodeFormatName } from '../decoderTypes.ts';
import { needsAgreement } from '../engines/formatNames.ts';
import { isPlausible } from './plausibility.ts';

/** Votes expire after this many frames, so an old sighting cannot confirm a new one. */
export const VOTE_WINDOW_FRAMES = 12;

/** Where a read lies in the frame: its centre and its longest extent, in frame pixels. */
export interface ReadSpot { x: number; y: number; size: number }

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

interface Sighting { passId: string; frameKey: string }
interface Vote { format: BarcodeFormatName; text: string; sightings: Sighting[]; lastFrame: number; spot: ReadSpot | null }

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

  judge(c: Candidate, frame: number): Verdict {
    if (!isPlausible(c.format, c.text)) return 'reject';
    if (!needsAgreement(c.format)) return 'accept';
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
      against = Math.max(against, other.sightings.length);
    }
    return support >= 2 && support >= against + 2 ? 'accept' : 'pending';
  }

  /** Drop expired sightings (called once per frame). */
  prune(frame: number): void {
    for (const [key, vote] of this.votes) {
      if (frame - vote.lastFrame > VOTE_WINDOW_FRAMES) this.votes.delete(key);
    }
  }

  clear(): void {
    this.votes.clear();
  }
}
