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
