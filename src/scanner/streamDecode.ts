import type { HeldRead } from './decodeWorkerProtocol.ts';
import type { StreamAgreement } from './streamAgreement.ts';
import type { FrameOutcome, FrameRead } from './strategy/frameStrategy.ts';

export interface StreamJudgement {
  /** The read to report now, if any. */
  barcode: FrameRead | null;
  /** A weak-check code read on this frame that waits for a second camera frame. */
  held: HeldRead | null;
}

/**
 * The decode worker's last step on a frame: a still (not `stream`) reports what the strategy
 * accepted; a live camera's frame goes through StreamAgreement, so a weak-check code, whether
 * the strategy accepted it or only read it tentatively, is reported only once a second
 * different camera frame agrees. Pure, so the rule is tested without a Worker.
 */
export function judgeFrame(outcome: FrameOutcome, stream: boolean, agreement: StreamAgreement): StreamJudgement {
  const b = outcome.barcode;
  if (!stream) return { barcode: b, held: null };
  if (b) {
    if (agreement.judge(b, outcome.frameKey) === 'report') return { barcode: b, held: null };
    return { barcode: null, held: heldRead(b) };
  }
  const t = outcome.tentative;
  if (t) {
    agreement.tentative(t, outcome.frameKey);
    return { barcode: null, held: heldRead(t) };
  }
  agreement.judge(null, outcome.frameKey);
  return { barcode: null, held: null };
}

function heldRead(r: FrameRead): HeldRead {
  return { text: r.text, format: r.format, points: r.points };
}
