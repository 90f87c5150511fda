import type { BarcodeFormatName } from './decoderTypes.ts';
import { needsAgreement } from './engines/formatNames.ts';

/** A weak-check code waits at most this many decoded frames for its second camera frame. */
export const STREAM_AGREEMENT_FRAMES = 8;

export type StreamVerdict = 'report' | 'hold';

interface Sighting {
  key: string;
  frameKey: string;
  frame: number;
}

/**
 * The live camera's rule for weak-check codes (EAN/UPC, ITF, Code 39/93, Codabar; issue #15):
 * reported only once two different camera frames have given the same code, however many passes
 * agreed on one frame; identical pixels (a frozen stream) count as one frame. Strong codes (QR,
 * Data Matrix, Code 128…) are reported at once. A code keeps being reported while it stays in
 * view, as before. Pure: the decode worker feeds it the strategy's accepted read of each frame.
 */
export class StreamAgreement {
  private frame = 0;
  private held: Sighting | null = null;
  private confirmed: Sighting | null = null;

  judge(read: { text: string; format: BarcodeFormatName } | null, frameKey: string): StreamVerdict | null {
    this.nextFrame();
    if (!read) return null;
    if (!needsAgreement(read.format)) return 'report';
    const key = `${read.format}\u0000${read.text}`;
    const now: Sighting = { key, frameKey, frame: this.frame };
    if (this.confirmed?.key === key || (this.held?.key === key && this.held.frameKey !== frameKey)) {
      this.confirmed = now;
      this.held = null;
      return 'report';
    }
    // The first sighting stays the one to beat: the same still again must not refresh it.
    if (this.held?.key !== key) this.held = now;
    return 'hold';
  }

  /**
   * A weak read the strategy has not accepted on this frame (a tentative read): it is the first
   * sighting a later frame must agree with, and never reported itself, not even for a code
   * confirmed a moment ago (the strategy's guard doubts it now).
   */
  tentative(read: { text: string; format: BarcodeFormatName }, frameKey: string): 'hold' {
    this.nextFrame();
    const key = `${read.format}\u0000${read.text}`;
    if (this.held?.key !== key) this.held = { key, frameKey, frame: this.frame };
    return 'hold';
  }

  private nextFrame(): void {
    this.frame++;
    if (this.held && this.frame - this.held.frame > STREAM_AGREEMENT_FRAMES) this.held = null;
    if (this.confirmed && this.frame - this.confirmed.frame > STREAM_AGREEMENT_FRAMES) this.confirmed = null;
  }

  clear(): void {
    this.held = null;
    this.confirmed = null;
  }
}
