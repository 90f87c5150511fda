/**
 * Idle pacing of the camera loop. Decoding every frame of a 30 fps camera costs a worker 4-5 ms a
 * frame even when it shows a desk, all shift long. Once the decoder has found nothing for a while
 * (all its escalation passes tried several times over) and the picture stands still, frames are
 * decoded a few times a second; the first frame that moves (a label brought into view, the
 * tablet picked up) is decoded at once, so a code entering view waits for nothing.
 */

/** A tiny grey picture of the frame (thumbnail luminance, one byte per cell). */
export type SceneThumb = Uint8Array;

export interface IdleGateOptions {
  /** Empty decodes in a row before pacing starts (45 ≈ 1.5 s at 30 fps: several escalation rounds). */
  emptyDecodes: number;
  /** While idle, a still picture is still decoded this often (ms). */
  idleIntervalMs: number;
  /** A thumbnail cell that changed by this many grey levels is motion (sensor noise averages out). */
  motionLevel: number;
}

export const IDLE_GATE_DEFAULTS: IdleGateOptions = { emptyDecodes: 45, idleIntervalMs: 200, motionLevel: 12 };

/** Thumbnail size: cells of about 20 × 20 px on a 640 × 480 frame. */
export const THUMB_WIDTH = 32;
export const THUMB_HEIGHT = 24;

/** Luminance of an RGBA thumbnail (the loop draws the video into a THUMB_WIDTH × THUMB_HEIGHT canvas). */
export function thumbOf(rgba: Uint8ClampedArray): SceneThumb {
  const out = new Uint8Array(rgba.length >> 2);
  for (let i = 0, j = 0; j < out.length; i += 4, j++) {
    out[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  }
  return out;
}

/** Whether any cell of two thumbnails differs by at least `level` (different sizes: yes). */
export function moved(a: SceneThumb, b: SceneThumb, level: number): boolean {
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) >= level) return true;
  return false;
}

export class IdleGate {
  private empty = 0;
  private lastAt = -Infinity;
  private lastThumb: SceneThumb | null = null;

  constructor(private readonly options: IdleGateOptions = IDLE_GATE_DEFAULTS) {}

  /** Pacing is on: the decoder has been finding nothing. */
  get idle(): boolean {
    return this.empty >= this.options.emptyDecodes;
  }

  /**
   * A sent frame's thumbnail is wanted: the next empty answer starts idling, and the frames
   * after it are compared with this one. Before that, no thumbnail is drawn at all.
   */
  get watching(): boolean {
    return this.empty + 1 >= this.options.emptyDecodes;
  }

  /**
   * Whether a frame (its thumbnail made on demand) should be decoded now. Motion ends idling: a
   * new picture (a label held up) gets every frame and all escalation passes again.
   */
  wants(at: number, thumb: () => SceneThumb | null): boolean {
    if (!this.idle) return true;
    const now = thumb();
    if (!now || !this.lastThumb || moved(now, this.lastThumb, this.options.motionLevel)) {
      this.empty = 0;
      return true;
    }
    return at - this.lastAt >= this.options.idleIntervalMs;
  }

  /** A frame was sent to the decoder (its thumbnail, if one was made). */
  sent(at: number, thumb: SceneThumb | null): void {
    this.lastAt = at;
    this.lastThumb = thumb;
  }

  /** The decoder's answer: a read, or a weak read held for its second frame, ends idling. */
  answered(active: boolean): void {
    this.empty = active ? 0 : this.empty + 1;
  }
}
