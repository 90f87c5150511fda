/**
 * The camera loop: grab frames from the <video>, hand them to the decoder one at a time (frames
 * arriving while it is busy are skipped, never queued), and report what it reads. The decoder
 * (worker + engines) is loaded with a dynamic import, so it is fetched only when a scan page opens.
 */
import type { DecodedBarcode, FrameDecoder, FrameDecoderOptions, Roi } from './decoderTypes.ts';

export interface RectLike {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The guide box in video-frame pixels. The <video> uses `object-fit: cover`: the frame is scaled
 * to fill the element and the overflow is cropped equally on both sides, so element coordinates
 * map to frame coordinates through that scale and offset. Null when the box is not on the video.
 */
export function coverRoi(frame: { width: number; height: number }, view: RectLike, box: RectLike): Roi | null {
  if (frame.width <= 0 || frame.height <= 0 || view.width <= 0 || view.height <= 0) return null;
  const scale = Math.max(view.width / frame.width, view.height / frame.height);
  const offsetX = (view.width - frame.width * scale) / 2;
  const offsetY = (view.height - frame.height * scale) / 2;
  const x0 = (box.left - view.left - offsetX) / scale;
  const y0 = (box.top - view.top - offsetY) / scale;
  const x1 = x0 + box.width / scale;
  const y1 = y0 + box.height / scale;
  const cx0 = Math.max(0, Math.floor(x0));
  const cy0 = Math.max(0, Math.floor(y0));
  const cx1 = Math.min(frame.width, Math.ceil(x1));
  const cy1 = Math.min(frame.height, Math.ceil(y1));
  if (cx1 - cx0 < 16 || cy1 - cy0 < 16) return null;
  return { x: cx0, y: cy0, width: cx1 - cx0, height: cy1 - cy0 };
}

/** Longest side of a frame sent to the decoder; bigger frames are scaled down (decode time grows with pixels). */
export const MAX_FRAME_SIDE = 1280;

export function frameSize(
  videoWidth: number,
  videoHeight: number,
  maxSide = MAX_FRAME_SIDE,
): { width: number; height: number; factor: number } {
  const factor = Math.min(1, maxSide / Math.max(videoWidth, videoHeight));
  return { width: Math.round(videoWidth * factor), height: Math.round(videoHeight * factor), factor };
}

export function scaleRoi(roi: Roi, factor: number): Roi {
  if (factor === 1) return roi;
  return {
    x: Math.floor(roi.x * factor),
    y: Math.floor(roi.y * factor),
    width: Math.max(1, Math.round(roi.width * factor)),
    height: Math.max(1, Math.round(roi.height * factor)),
  };
}

/**
 * Pause after a decode, scaled by how long it took: keeps the worker from pinning a phone's CPU
 * (and the page janky) while still trying several frames a second.
 */
export function pauseAfterDecode(decodeMs: number, minIntervalMs: number): number {
  return Math.max(minIntervalMs, Math.min(250, decodeMs * 0.5));
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** Draws video frames into one reused canvas and reads them back as ImageData. */
export class FrameGrabber {
  private canvas: OffscreenCanvas | HTMLCanvasElement | null = null;
  private ctx: Canvas2D | null = null;

  grab(video: HTMLVideoElement, width: number, height: number): ImageData | null {
    if (!this.canvas) {
      this.canvas =
        typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
      // willReadFrequently keeps the canvas in CPU memory: getImageData every frame stays cheap.
      this.ctx = this.canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null;
    }
    const { canvas, ctx } = this;
    if (!ctx) return null;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    ctx.drawImage(video, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  }
}

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

export interface FrameLoopOptions {
  video: HTMLVideoElement;
  decoder: FrameDecoder;
  /** The guide box element over the video; its area is decoded first. */
  guideBox?: () => Element | null;
  formats?: DecodeRequestFormats;
  /** Minimum pause between frames (ms). */
  minIntervalMs?: number;
  onRead(barcode: DecodedBarcode): void;
  onStats?(stats: FrameLoopStats): void;
  onError?(error: unknown): void;
}

type DecodeRequestFormats = FrameDecoderOptions['formats'];

export interface FrameLoop {
  stop(): void;
}

type VideoWithFrameCallback = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/** Start decoding frames from a playing video until stop(). */
export function startFrameLoop(opts: FrameLoopOptions): FrameLoop {
  const video = opts.video as VideoWithFrameCallback;
  // About one frame at 30 fps: a code entering view waits at most this plus one cheap decode.
  const minInterval = opts.minIntervalMs ?? 33;
  const grabber = new FrameGrabber();
  let stopped = false;
  let busy = false;
  let notBefore = 0;
  let handle: number | null = null;
  let usingVfc = false;

  // Stats over a one-second window.
  let windowStart = performance.now();
  let frames = 0;
  let reads = 0;
  let msTotal = 0;
  let lastSize = { width: 0, height: 0 };

  function schedule(): void {
    if (stopped) return;
    // requestVideoFrameCallback fires once per new video frame (no work on repeated frames);
    // requestAnimationFrame is the fallback (Firefox).
    if (typeof video.requestVideoFrameCallback === 'function') {
      usingVfc = true;
      handle = video.requestVideoFrameCallback(tick);
    } else {
      usingVfc = false;
      handle = requestAnimationFrame(tick);
    }
  }

  function reportStats(now: number): void {
    const elapsed = now - windowStart;
    if (elapsed < 1000) return;
    opts.onStats?.({
      framesPerSecond: (frames * 1000) / elapsed,
      averageMs: frames ? msTotal / frames : 0,
      readsPerSecond: (reads * 1000) / elapsed,
      width: lastSize.width,
      height: lastSize.height,
    });
    windowStart = now;
    frames = 0;
    reads = 0;
    msTotal = 0;
  }

  function tick(): void {
    handle = null;
    if (stopped) return;
    const now = performance.now();
    reportStats(now);
    if (busy || now < notBefore || video.readyState < 2 || !video.videoWidth) {
      schedule();
      return;
    }
    const size = frameSize(video.videoWidth, video.videoHeight);
    const image = grabber.grab(video, size.width, size.height);
    if (!image) {
      schedule();
      return;
    }
    lastSize = { width: size.width, height: size.height };
    let roi: Roi | undefined;
    const box = opts.guideBox?.();
    if (box) {
      const r = coverRoi(
        { width: video.videoWidth, height: video.videoHeight },
        video.getBoundingClientRect(),
        box.getBoundingClientRect(),
      );
      if (r) roi = scaleRoi(r, size.factor);
    }
    busy = true;
    const started = performance.now();
    opts.decoder
      .decode({ image, roi, formats: opts.formats })
      .then(
        (barcode) => {
          if (stopped) return;
          const ms = barcode?.ms ?? performance.now() - started;
          frames++;
          msTotal += ms;
          notBefore = performance.now() + pauseAfterDecode(ms, minInterval);
          if (barcode) {
            reads++;
            opts.onRead(barcode);
          }
        },
        (err: unknown) => {
          if (stopped) return;
          // A failed frame is not fatal; back off a little and keep going.
          notBefore = performance.now() + 500;
          opts.onError?.(err);
        },
      )
      .finally(() => {
        busy = false;
      });
    schedule();
  }

  schedule();
  return {
    stop() {
      stopped = true;
      if (handle !== null) {
        if (usingVfc) video.cancelVideoFrameCallback?.(handle);
        else cancelAnimationFrame(handle);
      }
      handle = null;
    },
  };
}

/** Load the decoder on demand (its own chunk: worker client, then worker and engines on warm()). */
export async function loadFrameDecoder(options: FrameDecoderOptions = {}) {
  const { createFrameDecoder } = await import('./decoderClient.ts');
  return createFrameDecoder(options);
}
