/**
 * When the camera's next frame is due, from the presentation times requestVideoFrameCallback
 * reports. Its callback runs with the page's rendering steps, about 13 ms after a frame was
 * presented in Chromium (measured with a fake 30 fps camera), while drawImage can read the new
 * frame some 6 ms after it: a loop waiting for one particular frame (a weak read's second
 * opinion) polls for it from the time it is due instead.
 */
export class FrameClock {
  private last: number | null = null;
  private gaps: number[] = [];

  /** Note a presented frame (its presentationTime). */
  presented(at: number): void {
    if (this.last !== null) {
      const gap = at - this.last;
      // A skipped callback shows as a double gap, jitter as a short one: the median is the interval.
      if (gap > 4 && gap < 250) this.gaps = [...this.gaps.slice(-7), gap];
    }
    this.last = at;
  }

  /** The frame interval (ms), once two frames have been seen: the median recent gap. */
  interval(): number | null {
    if (!this.gaps.length) return null;
    const sorted = [...this.gaps].sort((x, y) => x - y);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  }

  /** When the frame after the last presented one is due (presentation time), if known. */
  nextDue(): number | null {
    const i = this.interval();
    return this.last !== null && i !== null ? this.last + i : null;
  }
}
