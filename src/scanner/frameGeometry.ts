/** Frame geometry for the camera loop: guide box → frame pixels, frame size, decode regions. */
import type { Roi } from './decoderTypes.ts';

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
  return clampRoi(x0, y0, x0 + box.width / scale, y0 + box.height / scale, frame);
}

function clampRoi(x0: number, y0: number, x1: number, y1: number, frame: { width: number; height: number }) {
  const cx0 = Math.max(0, Math.floor(x0));
  const cy0 = Math.max(0, Math.floor(y0));
  const cx1 = Math.min(frame.width, Math.ceil(x1));
  const cy1 = Math.min(frame.height, Math.ceil(y1));
  if (cx1 - cx0 < 16 || cy1 - cy0 < 16) return null;
  return { x: cx0, y: cy0, width: cx1 - cx0, height: cy1 - cy0 };
}

/**
 * Where to decode the frame that should confirm a read: the read's corners (or scan line) plus a
 * quarter of its longest side around them (an EAN's quiet zone is about a tenth of its width, and
 * a hand moves a little between two frames). Null without corners: the guide box is used then.
 */
export function roiAround(points: { x: number; y: number }[] | undefined, frame: { width: number; height: number }) {
  if (!points || points.length === 0) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(x1 - x0, y1 - y0) * 0.25 + 16;
  return clampRoi(x0 - pad, y0 - pad, x1 + pad, y1 + pad, frame);
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
