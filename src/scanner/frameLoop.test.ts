import { describe, expect, it } from 'vitest';
import type { FrameDecodeStats } from './decoderClient.ts';
import type { DecodeRequest } from './decoderTypes.ts';
import {
  coverRoi,
  frameSize,
  nextDecodeAt,
  roiAround,
  scaleRoi,
  startFrameLoop,
  type FrameTrace,
} from './frameLoop.ts';
import type { IdleGateOptions } from './idleGate.ts';
import { STREAM_AGREEMENT_FRAMES } from './streamAgreement.ts';

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

describe('roiAround (where the confirming frame is decoded)', () => {
  it('pads the read by a quarter of its longest side plus 16 px, clamped to the frame', () => {
    const frame = { width: 640, height: 480 };
    expect(
      roiAround(
        [
          { x: 100, y: 100 },
          { x: 200, y: 100 },
          { x: 200, y: 150 },
          { x: 100, y: 150 },
        ],
        frame,
      ),
    ).toEqual({
      x: 59,
      y: 59,
      width: 182,
      height: 132,
    });
    expect(
      roiAround(
        [
          { x: 0, y: 470 },
          { x: 400, y: 470 },
        ],
        frame,
      ),
    ).toEqual({ x: 0, y: 354, width: 516, height: 126 });
    expect(roiAround([], frame)).toBeNull();
    expect(roiAround(undefined, frame)).toBeNull();
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

  it('spaces decode starts by the minimum interval, and pauses half a slow decode after it, within bounds', () => {
    // A cheap decode: the next frame of a 30 fps camera (33 ms later) is taken.
    expect(nextDecodeAt(0, 12, 10, 25)).toBe(25);
    expect(nextDecodeAt(0, 300, 300, 25)).toBe(450);
    expect(nextDecodeAt(0, 5000, 5000, 25)).toBe(5250);
  });
});

describe('startFrameLoop (injected clock, video and decoder)', () => {
  /** A video whose frames are presented by the test, one requestVideoFrameCallback at a time. */
  function fakeVideo() {
    let cb: ((now: number, meta?: { presentationTime?: number }) => void) | null = null;
    const video = {
      readyState: 4,
      videoWidth: 640,
      videoHeight: 480,
      getBoundingClientRect: () => ({ left: 0, top: 0, width: 640, height: 480 }),
      requestVideoFrameCallback(f: typeof cb) {
        cb = f;
        return 1;
      },
      cancelVideoFrameCallback() {
        cb = null;
      },
    };
    return {
      video: video as unknown as HTMLVideoElement,
      present(at: number) {
        const f = cb;
        cb = null;
        f?.(at, { presentationTime: at });
      },
      get waiting() {
        return cb !== null;
      },
    };
  }

  function fakeDecoder() {
    const calls: { req: DecodeRequest; answer(s: Partial<FrameDecodeStats>): Promise<void> }[] = [];
    const decoder = {
      warm: () => Promise.resolve(),
      decode: () => Promise.resolve(null),
      dispose: () => undefined,
      decodeWithStats(req: DecodeRequest) {
        return new Promise<FrameDecodeStats>((resolve) => {
          calls.push({
            req,
            async answer(s) {
              resolve({ barcode: null, ms: 10, passes: [], exhausted: false, dropped: false, held: null, ...s });
              // Let the loop's then/finally run.
              for (let i = 0; i < 5; i++) await Promise.resolve();
            },
          });
        });
      },
    };
    return { decoder, calls };
  }

  const ean = { text: '9780804816632', format: 'EAN_13' as const };
  function setup(idle?: IdleGateOptions) {
    let clock = 0;
    /** What the camera shows: one grey level (another value = another frame's pixels). */
    let scene = 0;
    /** Thumbnails drawn for the idle gate (each is a drawImage on the page's thread). */
    let thumbs = 0;
    const timers: { fn: () => void; ms: number; id: number }[] = [];
    let timerId = 0;
    const v = fakeVideo();
    const d = fakeDecoder();
    const reads: string[] = [];
    const loop = startFrameLoop({
      video: v.video,
      decoder: d.decoder,
      now: () => clock,
      grab: () => ({ data: new Uint8ClampedArray([scene, 0, 0, 255]), width: 1, height: 1 }) as ImageData,
      thumb: () => {
        thumbs++;
        return new Uint8Array([scene]);
      },
      idle,
      timers: {
        set(fn, ms) {
          timers.push({ fn, ms, id: ++timerId });
          return timerId;
        },
        clear(id) {
          const i = timers.findIndex((t) => t.id === id);
          if (i >= 0) timers.splice(i, 1);
        },
      },
      onRead: (b) => reads.push(b.text),
    });
    return {
      ...d,
      present: v.present,
      video: v,
      reads,
      loop,
      timers,
      get thumbs() {
        return thumbs;
      },
      at(t: number) {
        clock = t;
      },
      show(level: number) {
        scene = level;
      },
      /** Run the pending timer (the test moves the clock to its time first). */
      fire() {
        const t = timers.shift();
        t?.fn();
      },
    };
  }

  it('after a miss, every frame of a 30 fps camera is tried, faster ones are skipped (the idle cadence)', async () => {
    const s = setup();
    s.at(0);
    s.present(0);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0]!.req.stream).toBe(true);
    s.at(12);
    await s.calls[0]!.answer({ ms: 10 });
    s.at(17); // a 60 fps camera's next frame: within 25 ms of the last decode's start
    s.present(17);
    expect(s.calls).toHaveLength(1);
    s.at(33);
    s.present(33);
    expect(s.calls).toHaveLength(2);
    // A slow decode (60 ms, answered at 93) is followed by a pause of half its time, until 123.
    s.at(93);
    await s.calls[1]!.answer({ ms: 60 });
    s.at(100);
    s.present(100);
    expect(s.calls).toHaveLength(2);
    s.at(133);
    s.present(133);
    expect(s.calls).toHaveLength(3);
    // Far from idling: no thumbnail is drawn for the idle gate.
    expect(s.thumbs).toBe(0);
    s.loop.stop();
  });

  it('a held weak read takes the next frame at once, decoded around the read, and reports its agreement', async () => {
    const s = setup();
    s.at(0);
    s.present(0);
    s.at(20);
    const points = [
      { x: 150, y: 240 },
      { x: 490, y: 240 },
    ];
    await s.calls[0]!.answer({ ms: 18, held: { ...ean, points } });
    expect(s.reads).toEqual([]);
    s.at(21); // no pause: the very next frame is the second opinion
    s.present(21);
    expect(s.calls).toHaveLength(2);
    // Around the scan line: a quarter of its length (85) + 16 on each side.
    expect(s.calls[1]!.req.roi).toEqual({ x: 49, y: 139, width: 542, height: 202 });
    await s.calls[1]!.answer({ barcode: { ...ean, engine: 'zxing-wasm:roi-cheap', ms: 5 } });
    expect(s.reads).toEqual([ean.text]);
    // Confirmed: back to the guide box (none here) and the normal pause.
    s.at(30);
    s.present(30);
    expect(s.calls).toHaveLength(2);
    s.loop.stop();
  });

  it('a frame presented while the held read was being decoded is taken as soon as the answer comes', async () => {
    const s = setup();
    s.at(0);
    s.present(0);
    s.at(10);
    s.present(10); // busy: skipped, remembered
    expect(s.calls).toHaveLength(1);
    s.at(40);
    await s.calls[0]!.answer({ ms: 40, held: { ...ean, points: [] } });
    expect(s.calls).toHaveLength(2);
    expect(s.calls[1]!.req.roi).toBeUndefined();
    s.loop.stop();
  });

  it('polls for the second frame from when it is due and decodes it once its pixels are new', async () => {
    const s = setup();
    const points = [
      { x: 150, y: 240 },
      { x: 490, y: 240 },
    ];
    s.at(0);
    s.present(0);
    await s.calls[0]!.answer({ ms: 8 });
    s.at(33);
    s.show(1);
    s.present(33); // frames 33 ms apart: the next one is due at 66
    s.at(45);
    await s.calls[1]!.answer({ ms: 12, held: { ...ean, points } });
    expect(s.timers.map((t) => t.ms)).toEqual([25]); // 66 + 4 - 45
    s.at(70);
    s.fire(); // still frame 33's pixels: nothing sent, another look 3 ms later
    expect(s.calls).toHaveLength(2);
    expect(s.timers.map((t) => t.ms)).toEqual([3]);
    s.at(73);
    s.show(2);
    s.fire();
    expect(s.calls).toHaveLength(3);
    expect(s.calls[2]!.req.roi).toEqual({ x: 49, y: 139, width: 542, height: 202 });
    // The frame callback for that frame comes later: it is not decoded a second time.
    s.at(80);
    await s.calls[2]!.answer({ ms: 6, held: { ...ean, points } });
    s.present(66);
    expect(s.calls).toHaveLength(3);
    // Agreement on the next frame, found by the frame callback before the poll.
    s.at(100);
    s.show(3);
    s.present(99);
    expect(s.calls).toHaveLength(4);
    expect(s.timers).toEqual([]); // the poll for it is called off
    await s.calls[3]!.answer({ barcode: { ...ean, engine: 'zxing-wasm:roi-cheap', ms: 5 } });
    expect(s.reads).toEqual([ean.text]);
    s.loop.stop();
  });

  it('between codes too, the next frame is read from when it is due, not when its callback comes', async () => {
    const s = setup();
    s.at(0);
    s.present(0);
    s.at(10);
    await s.calls[0]!.answer({ ms: 5 });
    expect(s.timers).toEqual([]); // one frame seen: its interval is not known yet
    s.at(40);
    s.show(1);
    s.present(33);
    s.at(45);
    await s.calls[1]!.answer({ ms: 4 });
    expect(s.timers.map((t) => t.ms)).toEqual([25]); // due at 66, read from 70
    s.at(70);
    s.show(2);
    s.fire();
    expect(s.calls).toHaveLength(3);
    const traces: FrameTrace[] = [];
    (globalThis as { __scanTrace?: (t: FrameTrace) => void }).__scanTrace = (t) => traces.push(t);
    s.at(77);
    s.present(66); // its callback: already taken, but it tells when the frame was presented
    s.at(80);
    await s.calls[2]!.answer({ ms: 4 });
    delete (globalThis as { __scanTrace?: unknown }).__scanTrace;
    expect(s.calls).toHaveLength(3);
    expect(traces.map((t) => [t.presentedAt, t.grabAt])).toEqual([[66, 70]]);
    s.loop.stop();
    expect(s.timers).toEqual([]);
  });

  it('no early read when the pause after a slow decode outlasts the next frame', async () => {
    const s = setup();
    s.at(0);
    s.present(0);
    await s.calls[0]!.answer({ ms: 5 });
    s.at(33);
    s.present(33);
    s.at(133);
    await s.calls[1]!.answer({ ms: 100 }); // pause until 183
    expect(s.timers).toEqual([]);
    s.loop.stop();
  });

  it('gives up waiting for the second frame after a few misses', async () => {
    const s = setup();
    let t = 0;
    s.at(t);
    s.present(t);
    await s.calls[0]!.answer({ held: { ...ean } });
    for (let i = 1; i <= STREAM_AGREEMENT_FRAMES; i++) {
      t += 1;
      s.at(t);
      s.present(t);
      expect(s.calls).toHaveLength(i + 1);
      await s.calls[i]!.answer({ ms: 10 });
    }
    // Confirmation over: the pause is back.
    s.at(t + 1);
    s.present(t + 1);
    expect(s.calls).toHaveLength(STREAM_AGREEMENT_FRAMES + 1);
    s.loop.stop();
  });

  it('idle: a still picture is decoded every idleIntervalMs after empty decodes, motion at once', async () => {
    const s = setup({ emptyDecodes: 3, idleIntervalMs: 200, motionLevel: 12 });
    let t = 0;
    const frame = (level: number) => {
      s.show(level);
      s.at(t);
      s.present(t);
      t += 33;
    };
    for (let i = 0; i < 3; i++) {
      frame(100);
      expect(s.calls).toHaveLength(i + 1);
      await s.calls[i]!.answer({ ms: 5 });
    }
    // Idle now: the still desk (and sensor noise under the motion level) waits its turn.
    const lastSent = t - 33;
    while (t < lastSent + 200) {
      frame(t % 2 ? 100 : 105);
      expect(s.calls).toHaveLength(3);
    }
    frame(100);
    expect(s.calls).toHaveLength(4);
    await s.calls[3]!.answer({ ms: 5 });
    frame(104);
    expect(s.calls).toHaveLength(4);
    // A label comes into view: its first frame is decoded, and so are the still frames after it
    // (a new picture gets every escalation pass again), until one is read.
    frame(160);
    expect(s.calls).toHaveLength(5);
    await s.calls[4]!.answer({ ms: 5 });
    frame(160);
    expect(s.calls).toHaveLength(6);
    await s.calls[5]!.answer({ held: { ...ean } });
    frame(160);
    expect(s.calls).toHaveLength(7);
    s.loop.stop();
  });

  it('idle: the next frame is looked at for motion soon after it is due, before its callback', async () => {
    const s = setup({ emptyDecodes: 2, idleIntervalMs: 200, motionLevel: 12 });
    for (let i = 0; i < 2; i++) {
      s.show(100);
      s.at(i * 33);
      s.present(i * 33);
      await s.calls[i]!.answer({ ms: 5 });
    }
    // Frame 66: the poll armed after the last answer finds the desk still; its callback (13 ms
    // late, as in Chromium) skips it and arms one look at the next frame.
    s.at(70);
    s.fire();
    s.at(79);
    s.present(66);
    expect(s.calls).toHaveLength(2);
    // The look, 7 ms after the next frame is due at 99: the label is there, and it is decoded.
    expect(s.timers).toHaveLength(1);
    s.show(160);
    s.at(106);
    s.fire();
    expect(s.calls).toHaveLength(3);
    s.loop.stop();
  });

  it('stop() cancels the pending frame callback', () => {
    const s = setup();
    expect(s.video.waiting).toBe(true);
    s.loop.stop();
    expect(s.video.waiting).toBe(false);
  });
});
