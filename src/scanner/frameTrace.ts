/** The latency benchmark's view of the camera loop: one record per decoded frame. */
import type { FrameDecodeStats } from './decoderClient.ts';
import type { HeldRead } from './decodeWorkerProtocol.ts';

/** One decoded frame's timeline (performance.now() times), for the latency benchmark. */
export interface FrameTrace {
  /** When the video frame was presented (requestVideoFrameCallback metadata), else the tick time. */
  presentedAt: number;
  /** The loop picked the frame up and started grabbing it. */
  grabAt: number;
  /** Pixels posted to the worker. */
  sentAt: number;
  answeredAt: number;
  workerMs: number;
  passes: { id: string; ms: number }[];
  read: { text: string; format: string; engine: string } | null;
  /** A weak-check code read here waits for the next frame to agree. */
  held: boolean;
}

/**
 * The latency bench installs `__scanTrace` in the page before the app runs; in normal use it is
 * absent and tracing costs one property read per frame (no buffer grows on an all-day tablet).
 */
export function traceSink(): ((t: FrameTrace) => void) | undefined {
  return (globalThis as { __scanTrace?: (t: FrameTrace) => void }).__scanTrace;
}

export function traced(r: FrameDecodeStats, presentedAt: number, grabAt: number, sentAt: number, answeredAt: number) {
  const b = r.barcode;
  const held: HeldRead | null = r.held;
  return {
    presentedAt,
    grabAt,
    sentAt,
    answeredAt,
    workerMs: r.ms,
    passes: r.passes,
    read: b ? { text: b.text, format: b.format, engine: b.engine } : null,
    held: held !== null,
  } satisfies FrameTrace;
}
