import type { BarcodeFormatName } from '../decoderTypes.ts';
import { isLinear } from '../engines/formatNames.ts';
import { isPlausible } from './plausibility.ts';

/**
 * A linear read confirmed by at least this many scan lines of one pass is trusted alone.
 * Below it (a few rows of a noisy, glared or striped area can form a valid checksum by
 * chance), a second, different pass must read the same text.
 */
export const STRONG_LINE_COUNT = 6;
/** Votes expire after this many frames, so an old sighting cannot confirm a new one. */
export const VOTE_WINDOW_FRAMES = 12;

export interface Candidate {
  text: string;
  format: BarcodeFormatName;
  lineCount: number;
  passId: string;
}

export type Verdict = 'accept' | 'pending' | 'reject';

interface Vote { passIds: Set<string>; lastFrame: number }

/** Decides which reads may be reported; keeps the recent weak sightings to confirm them. */
export class ReadGuard {
  private votes = new Map<string, Vote>();

  judge(c: Candidate, frame: number): Verdict {
    if (!isPlausible(c.format, c.text)) return 'reject';
    if (!isLinear(c.format)) return 'accept'; // 2D codes carry Reed-Solomon error correction
    if (c.lineCount >= STRONG_LINE_COUNT) return 'accept';
    const key = `${c.format}\u0000${c.text}`;
    let vote = this.votes.get(key);
    if (!vote || frame - vote.lastFrame > VOTE_WINDOW_FRAMES) {
      vote = { passIds: new Set(), lastFrame: frame };
      this.votes.set(key, vote);
    }
    vote.passIds.add(c.passId);
    vote.lastFrame = frame;
    return vote.passIds.size >= 2 ? 'accept' : 'pending';
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
