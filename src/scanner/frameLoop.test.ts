import { describe, expect, it } from 'vitest';
import { coverRoi, frameSize, pauseAfterDecode, scaleRoi } from './frameLoop.ts';

describe('coverRoi (guide box → frame pixels under object-fit: cover)', () => {
  it('same aspect: a straight scale', () => {
    const view = { left: 0, top: 0, width: 640, height: 360 };
    const box = { left: 160, top: 90, width: 320, height: 180 };
    expect(coverRoi({ width: 1280, height: 720 }, view, box)).toEqual({ x: 320, y: 180, width: 640, height: 360 });
  });

  it('portrait phone showing a landscape frame: the sides are cropped', () => {
    // 1280×720 frame in a 390×600 element: scale = 600/720, shown 1066.7 wide, 338.3 cut each side.
    const view = { left: 0, top: 100, width: 390, height: 600 };
    const box = { left: 45, top: 250, width: 300, height: 300 };
    const roi = coverRoi({ width: 1280, height: 720 }, view, box);
    expect(roi).not.toBeNull();
    const scale = 600 / 720;
    const offsetX = (390 - 1280 * scale) / 2;
    expect(roi?.x).toBe(Math.floor((45 - offsetX) / scale));
    expect(roi?.y).toBe(Math.floor(150 / scale));
    expect(roi?.width).toBeCloseTo(300 / scale, -1);
    expect(roi?.height).toBeCloseTo(300 / scale, -1);
    // The box is centred, so is the region.
    expect(Math.abs(roi!.x + roi!.width / 2 - 640)).toBeLessThanOrEqual(1);
  });

  it('wide desktop element showing a 4:3 frame: top and bottom are cropped', () => {
    const view = { left: 10, top: 10, width: 1000, height: 400 };
    const box = { left: 10, top: 10, width: 1000, height: 400 }; // the whole visible area
    const roi = coverRoi({ width: 640, height: 480 }, view, box);
    // scale 1000/640 = 1.5625; shown 750 high, 175 cut top and bottom → 112 frame px each.
    expect(roi).toEqual({ x: 0, y: 112, width: 640, height: 256 });
  });

  it('clamps to the frame, and gives null when the box is off the video or tiny', () => {
    const view = { left: 0, top: 0, width: 640, height: 480 };
    expect(coverRoi({ width: 640, height: 480 }, view, { left: -50, top: -50, width: 200, height: 200 })).toEqual({
      x: 0,
      y: 0,
      width: 150,
      height: 150,
    });
    expect(coverRoi({ width: 640, height: 480 }, view, { left: 700, top: 0, width: 100, height: 100 })).toBeNull();
    expect(coverRoi({ width: 640, height: 480 }, view, { left: 10, top: 10, width: 5, height: 5 })).toBeNull();
    expect(coverRoi({ width: 0, height: 0 }, view, { left: 0, top: 0, width: 100, height: 100 })).toBeNull();
  });
});

describe('frame size and pacing', () => {
  it('large frames are scaled to 1280 on the long side, with the region scaled along', () => {
    expect(frameSize(1920, 1080)).toEqual({ width: 1280, height: 720, factor: 1280 / 1920 });
    expect(frameSize(1280, 720)).toEqual({ width: 1280, height: 720, factor: 1 });
    expect(scaleRoi({ x: 300, y: 150, width: 600, height: 300 }, 0.5)).toEqual({
      x: 150,
      y: 75,
      width: 300,
      height: 150,
    });
  });

  it('pauses longer after slow decodes, within bounds', () => {
    expect(pauseAfterDecode(10, 60)).toBe(60);
    expect(pauseAfterDecode(300, 60)).toBe(150);
    expect(pauseAfterDecode(5000, 60)).toBe(250);
  });
});
