/**
 * The camera loop: grab frames from the <video>, hand them to the decoder one at a time (frames
 * arriving while it is busy are skipped, never queued), and report what it reads. The decoder
 * (worker + engines) is loaded with a dynamic import, so it is fetched only when a scan page opens.
 */
import type { FrameDecodeStats } from './decoderClient.ts';
import type { DecodedBarcode, DecodeRequest, FrameDecoder, FrameDecoderOptions, Roi } from './decoderTypes.ts';
import { FrameClock } from './frameClock.ts';
import { FrameGrabber } from './frameGrabber.ts';
import { traced, traceSink } from './frameTrace.ts';
import { coverRoi, frameSize, roiAround, scaleRoi } from './frameGeometry.ts';
import {
  IDLE_GATE_DEFAULTS,
  IdleGate,
  THUMB_HEIGHT,
  THUMB_WIDTH,
  thumbOf,
  type IdleGateOptions,
  type SceneThumb,
} from './idleGate.ts';
import { frameFingerprint } from './imageOps.ts';
import { STREAM_AGREEMENT_FRAMES } from './streamAgreement.ts';

export type { FrameTrace } from './frameTrace.ts';
export { coverRoi, frameSize, MAX_FRAME_SIDE, roiAround, scaleRoi, type RectLike } from './frameGeometry.ts';

/**
 * When the next frame may be decoded: decodes start at least `minIntervalMs` apart (measured
 * from the start, so at 25 ms every frame of a 30 fps camera is tried and a code entering view
 * waits for no skipped frame), and a decode is followed by a pause of half its time (at most
 * 250 ms), so a slow phone's worker is never busy more than two thirds of the time.
 */
export function nextDecodeAt(startedAt: number, answeredAt: number, decodeMs: number, minIntervalMs: number): number {
  return Math.max(startedAt + minIntervalMs, answeredAt + Math.min(250, decodeMs * 0.5));
}

/** A frame sent to the decoder; a polled one's presentation time is known only later. */
type TakenFrame = { presentedAt: number | null; due?: number };

/** drawImage has a new camera frame about this long after its presentation time (Chromium). */
const POLL_AFTER_DUE_MS = 4;
/** An idle loop's one look for motion: late enough that drawImage has the new frame. */
const IDLE_LOOK_AFTER_DUE_MS = 7;

export interface FrameLoopStats {
  /** Frames decoded in the last second. */
  framesPerSecond: number;
  /** Average worker time per frame over the last second (ms). */
  averageMs: number;
  /** Barcodes read in the last second. */
  readsPerSecond: number;
  /** Frame size sent to the decoder. */
  width: number;
  height: number;
}

/** The decoder as the loop uses it; decodeWithStats (the worker client) also tells of held reads. */
export type LoopDecoder = FrameDecoder & { decodeWithStats?(req: DecodeRequest): Promise<FrameDecodeStats> };

export interface FrameLoopOptions {
  video: HTMLVideoElement;
  decoder: LoopDecoder;
  /** The guide box element over the video; its area is decoded first. */
  guideBox?: () => Element | null;
  formats?: DecodeRequestFormats;
  /** Minimum time between the starts of two decodes (ms); see nextDecodeAt. */
  minIntervalMs?: number;
  onRead(barcode: DecodedBarcode): void;
  onStats?(stats: FrameLoopStats): void;
  onError?(error: unknown): void;
  /** Pacing while nothing is read and the picture stands still (see idleGate.ts); null = every frame. */
  idle?: IdleGateOptions | null;
  /** Clock, timers and frame grabber; tests inject their own. */
  now?: () => number;
  grab?: (video: HTMLVideoElement, width: number, height: number) => ImageData | null;
  /** The frame's thumbnail for the idle gate (default: the video drawn at 32 × 24). */
  thumb?: (video: HTMLVideoElement) => SceneThumb | null;
  timers?: { set(fn: () => void, ms: number): unknown; clear(id: unknown): void };
}

type DecodeRequestFormats = FrameDecoderOptions['formats'];

export interface FrameLoop {
  stop(): void;
}

type FrameMeta = { presentationTime?: number };
type VideoWithFrameCallback = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta?: FrameMeta) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/** Start decoding frames from a playing video until stop(). */
export function startFrameLoop(opts: FrameLoopOptions): FrameLoop {
  const video = opts.video as VideoWithFrameCallback;
  const now = opts.now ?? (() => performance.now());
  // Under a 30 fps camera's frame interval, with room for callback jitter: every frame is tried.
  const minInterval = opts.minIntervalMs ?? 25;
  const grabber = new FrameGrabber();
  const grab = opts.grab ?? ((v, w, h) => grabber.grab(v, w, h));
  const thumbGrabber = new FrameGrabber();
  const thumb =
    opts.thumb ??
    ((v: HTMLVideoElement) => {
      const img = thumbGrabber.grab(v, THUMB_WIDTH, THUMB_HEIGHT);
      return img ? thumbOf(img.data) : null;
    });
  const gate = new IdleGate(opts.idle === null ? { ...IDLE_GATE_DEFAULTS, emptyDecodes: Infinity } : opts.idle);
  let stopped = false;
  let busy = false;
  let notBefore = 0;
  let handle: number | null = null;
  let usingVfc = false;
  /** A frame was presented while the decoder was busy (meta of the latest such frame). */
  let missed: { meta: FrameMeta | undefined } | null = null;
  /**
   * A weak-check code was read and waits for a second camera frame: the following frames are
   * taken without a pause, each decoded first around the read (a smaller region, the same pass).
   */
  let confirm: { roi: Roi | null; left: number } | null = null;
  const clock = new FrameClock();
  const timers = opts.timers ?? {
    set: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clear: (id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>),
  };
  let pollTimer: unknown = null;
  /** The last frame sent to the decoder: when it was grabbed and its fingerprint. */
  let lastGrab = { at: -Infinity, key: '' };
  /** The frame a poll took: its presentation time comes with its (skipped) frame callback. */
  let polled: TakenFrame | null = null;

  // Stats over a one-second window.
  let windowStart = now();
  let frames = 0;
  let reads = 0;
  let msTotal = 0;
  let lastSize = { width: 0, height: 0 };

  function schedule(): void {
    if (stopped || handle !== null) return;
    // requestVideoFrameCallback fires once per new video frame (no work on repeated frames);
    // requestAnimationFrame is the fallback (Firefox).
    if (typeof video.requestVideoFrameCallback === 'function') {
      usingVfc = true;
      handle = video.requestVideoFrameCallback(tick);
    } else {
      usingVfc = false;
      handle = requestAnimationFrame(() => tick());
    }
  }

  function cancel(): void {
    if (handle === null) return;
    if (usingVfc) video.cancelVideoFrameCallback?.(handle);
    else cancelAnimationFrame(handle);
    handle = null;
  }

  function reportStats(at: number): void {
    const elapsed = at - windowStart;
    if (elapsed < 1000) return;
    opts.onStats?.({
      framesPerSecond: (frames * 1000) / elapsed,
      averageMs: frames ? msTotal / frames : 0,
      readsPerSecond: (reads * 1000) / elapsed,
      width: lastSize.width,
      height: lastSize.height,
    });
    windowStart = at;
    frames = 0;
    reads = 0;
    msTotal = 0;
  }

  function regionOf(size: { width: number; height: number; factor: number }): Roi | undefined {
    if (confirm?.roi) return confirm.roi;
    const box = opts.guideBox?.();
    if (!box) return undefined;
    const r = coverRoi(
      { width: video.videoWidth, height: video.videoHeight },
      video.getBoundingClientRect(),
      box.getBoundingClientRect(),
    );
    return r ? scaleRoi(r, size.factor) : undefined;
  }

  function decode(request: DecodeRequest): Promise<FrameDecodeStats> {
    if (opts.decoder.decodeWithStats) return opts.decoder.decodeWithStats(request);
    const started = now();
    return opts.decoder.decode(request).then((barcode) => ({
      barcode,
      ms: barcode?.ms ?? now() - started,
      passes: [],
      exhausted: false,
      dropped: false,
      held: null,
    }));
  }

  function answered(r: FrameDecodeStats, size: { width: number; height: number }, startedAt: number): void {
    frames++;
    msTotal += r.ms;
    notBefore = nextDecodeAt(startedAt, now(), r.ms, minInterval);
    gate.answered(r.barcode !== null || r.held !== null);
    if (r.held) confirm = { roi: roiAround(r.held.points, size), left: STREAM_AGREEMENT_FRAMES };
    else if (r.barcode || (confirm && --confirm.left <= 0)) confirm = null;
    // The second opinion is due now: the next frame is taken as soon as it exists.
    if (confirm) notBefore = 0;
    if (!missed) armPoll();
    if (r.barcode) {
      reads++;
      opts.onRead(r.barcode);
    }
  }

  function tick(_at?: number, meta?: FrameMeta): void {
    handle = null;
    if (stopped) return;
    const at = now();
    reportStats(at);
    const presented = meta?.presentationTime;
    if (presented !== undefined) {
      clock.presented(presented);
      // Already read by a poll (see armPoll): drawn after it was presented.
      if (presented <= lastGrab.at) {
        if (polled && polled.presentedAt === null) polled.presentedAt = presented;
        schedule();
        return;
      }
    }
    if (busy) missed = { meta };
    if (busy || at < notBefore || video.readyState < 2 || !video.videoWidth) {
      schedule();
      return;
    }
    missed = null;
    const still = stillScene(at);
    if (still !== false) {
      const size = frameSize(video.videoWidth, video.videoHeight);
      const image = grab(video, size.width, size.height);
      if (image) send(image, size, { presentedAt: presented ?? at }, at, frameFingerprint(image), still);
    } else armPoll(IDLE_LOOK_AFTER_DUE_MS, false);
    schedule();
  }

  /** The idle gate's verdict: false = skip this frame, else the thumbnail to send it with. */
  function stillScene(at: number): SceneThumb | null | false {
    let made: SceneThumb | null | undefined;
    const take = () => (made === undefined ? (made = thumb(video)) : made);
    if (!gate.wants(at, take)) return false;
    return gate.watching ? take() : null;
  }

  /**
   * The next frame is wanted (a weak read waits for its second frame, or the pause is over by
   * then): read the video from when that frame is due (plus the few ms before drawImage has it)
   * and every 3 ms after, until its pixels differ from the last frame sent; the frame callback,
   * some 7 ms later, takes it if it comes first, and skips it if a poll did. While idle, one look
   * at the next frame for motion, so a label coming into view is not left to the late callback.
   */
  function armPoll(afterDueMs = POLL_AFTER_DUE_MS, again = true): void {
    const due = clock.nextDue();
    const interval = clock.interval();
    if (pollTimer !== null || due === null || interval === null) return;
    if (notBefore > due + afterDueMs) return;
    const poll = (): void => {
      pollTimer = null;
      if (stopped || busy || video.readyState < 2 || !video.videoWidth) return;
      const at = now();
      // While idle a still picture waits for its turn (the frame callback); motion goes at once.
      const still = stillScene(at);
      if (still === false) return;
      const size = frameSize(video.videoWidth, video.videoHeight);
      const image = grab(video, size.width, size.height);
      const key = image ? frameFingerprint(image) : '';
      if (image && key !== lastGrab.key) send(image, size, { presentedAt: null, due }, at, key, still);
      else if (again && at < due + interval) pollTimer = timers.set(poll, 3);
    };
    pollTimer = timers.set(poll, Math.max(0, due + afterDueMs - now()));
  }

  function send(
    image: ImageData,
    size: ReturnType<typeof frameSize>,
    frame: TakenFrame,
    at: number,
    key: string,
    sceneThumb: SceneThumb | null,
  ): void {
    lastGrab = { at, key };
    gate.sent(at, sceneThumb);
    polled = frame.presentedAt === null ? frame : null;
    if (pollTimer !== null) timers.clear(pollTimer);
    pollTimer = null;
    lastSize = { width: size.width, height: size.height };
    const roi = regionOf(size);
    busy = true;
    const sentAt = now();
    decode({ image, roi, formats: opts.formats, stream: true })
      .then(
        (r) => {
          if (stopped || r.dropped) return;
          traceSink()?.(traced(r, frame.presentedAt ?? frame.due ?? at, at, sentAt, now()));
          answered(r, size, at);
        },
        (err: unknown) => {
          if (stopped) return;
          // A failed frame is not fatal; back off a little and keep going.
          notBefore = now() + 500;
          confirm = null;
          opts.onError?.(err);
        },
      )
      .finally(() => {
        busy = false;
        // A frame that arrived during a decode whose read waits for it is taken at once,
        // not one frame later.
        if (!stopped && missed && notBefore === 0) {
          const late = missed;
          cancel();
          tick(undefined, late.meta);
        }
      });
  }

  schedule();
  return {
    stop() {
      stopped = true;
      cancel();
      if (pollTimer !== null) timers.clear(pollTimer);
    },
  };
}

/** Load the decoder on demand (its own chunk: worker client, then worker and engines on warm()). */
export async function loadFrameDecoder(options: FrameDecoderOptions = {}) {
  const { createFrameDecoder } = await import('./decoderClient.ts');
  return createFrameDecoder(options);
}
