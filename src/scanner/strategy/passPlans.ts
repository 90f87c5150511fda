import type { EnginePassOptions, PassEngineName } from '../engines/decodeEngine.ts';

/** Pixel work done before an engine call; each is cheap next to a tryHarder decode. */
export type Transform =
  | { kind: 'scale'; factor: number }
  | { kind: 'sharpen'; amount: number; radius?: number }
  /** Wiener deconvolution of a Gaussian defocus blur of `sigma` pass pixels (see deblur). */
  | { kind: 'deblur'; sigma: number; noise?: number }
  /** Divide by the local mean over a box of `radius` × the shorter side (default 1/10). */
  | { kind: 'flatten'; radius?: number }
  /** Stretch between the local min and max over a box of `radius` × the shorter side (default 1/20). */
  | { kind: 'stretch'; radius?: number }
  | { kind: 'invert' }
  | { kind: 'rotate90' };

export interface PassSpec {
  /** Stable id; confirmation of weak reads needs two different ids. */
  id: string;
  engine: PassEngineName;
  /** `roi` = the guide box (pass skipped without one), `full` = the whole frame, `roi-or-full` = the guide box when there is one. */
  region: 'roi' | 'full' | 'roi-or-full';
  /** Downscale the region first so its longest side is at most this (bounds the cost on HD frames). */
  maxSide?: number;
  transforms: Transform[];
  options: Omit<EnginePassOptions, 'formats'>;
}

export interface PassPlan {
  /** Run on every frame, in order, until one yields a reportable code. */
  every: PassSpec[];
  /** Harder passes: one per frame, round-robin, once `every` has failed `escalateAfter` frames. */
  escalate: PassSpec[];
  escalateAfter: number;
  /** Frames of cheap passes only between two rounds of escalation. */
  cooldownFrames: number;
  /** Apply the read guard (plausibility, bar shape, agreement of two reads). Off only for raw engine baselines. */
  guard: boolean;
}

const CHEAP: Omit<EnginePassOptions, 'formats'> = {
  tryHarder: false,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  binarizer: 'local',
};
const HARD: Omit<EnginePassOptions, 'formats'> = {
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: false,
  binarizer: 'local',
};
/** zxing-wasm's own defaults: everything on. */
const LIBRARY_DEFAULTS: Omit<EnginePassOptions, 'formats'> = {
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  binarizer: 'local',
};

/**
 * The adaptive plan. The cheap passes read most labels in a few ms; the escalation passes each
 * fix one kind of bad photo (measured on real shots): blur (sharpen), tiny modules (upscale),
 * noise and perspective (downscale averages it out), glare and shadows (flatten the lighting),
 * light-on-dark prints and 90° turns, and finally the other engine.
 */
export const ADAPTIVE_PLAN: PassPlan = {
  every: [
    // No engine-internal rotation here (it costs ~20 %): a 1D code turned 90° is read by the
    // first escalation pass one frame later.
    { id: 'roi-cheap', engine: 'zxing-wasm', region: 'roi', maxSide: 960, transforms: [], options: CHEAP },
    { id: 'full-cheap', engine: 'zxing-wasm', region: 'full', maxSide: 960, transforms: [], options: CHEAP },
  ],
  // Escalation works on the guide box when there is one: the user aims the code there, and a
  // smaller region keeps each hard pass short, so a code entering view waits less for the worker.
  escalate: [
    {
      id: 'defaults',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 1280,
      transforms: [],
      options: LIBRARY_DEFAULTS,
    },
    // A QR code on cloth or a bent label: located but not decodable through one perspective;
    // its modules are sampled on a mesh fitted to them (qrMeshPass.ts). Costs one locating call
    // when no such symbol is in view.
    { id: 'qr-mesh', engine: 'qr-mesh', region: 'roi-or-full', maxSide: 960, transforms: [], options: HARD },
    {
      id: 'sharpen',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 960,
      transforms: [{ kind: 'sharpen', amount: 2 }],
      options: HARD,
    },
    {
      id: 'downscale',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 1280,
      transforms: [{ kind: 'scale', factor: 0.5 }],
      options: HARD,
    },
    // Glare and hard shadows leave few clean scan lines: one line is enough here, because the
    // guard still wants a second, independent read of every weak-check code.
    {
      id: 'flatten',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 960,
      transforms: [{ kind: 'flatten' }, { kind: 'sharpen', amount: 1 }],
      options: { ...HARD, minLineCount: 1 },
    },
    // Another lighting normalisation, a filter kind of its own: each pixel between the darkest
    // and brightest around it, so bars in a shadow or under glare keep their full contrast.
    {
      id: 'stretch',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 960,
      transforms: [{ kind: 'stretch', radius: 0.04 }],
      options: { ...HARD, minLineCount: 1 },
    },
    {
      id: 'upscale',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 480,
      transforms: [{ kind: 'scale', factor: 2 }],
      options: HARD,
    },
    // Small bars (1.3-2 px a module, a label read from afar): resampled 1.5× and thresholded
    // over the whole region (the local threshold's window is then too small for the bars).
    {
      id: 'rescale-global',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 640,
      transforms: [{ kind: 'scale', factor: 1.5 }],
      options: { ...HARD, binarizer: 'global' },
    },
    {
      id: 'sharpen-soft',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 960,
      transforms: [{ kind: 'sharpen', amount: 1 }],
      options: HARD,
    },
    // Defocus (fixed-focus cameras, labels held too close): undo the blur rather than steepen
    // it. On a 0.7× image the deconvolution is cheaper and covers a ~2 px blur of the frame.
    {
      id: 'deblur',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 960,
      transforms: [
        { kind: 'scale', factor: 0.7 },
        { kind: 'deblur', sigma: 1.5, noise: 0.02 },
      ],
      options: HARD,
    },
    {
      id: 'deblur-wide',
      engine: 'zxing-wasm',
      region: 'roi-or-full',
      maxSide: 960,
      transforms: [{ kind: 'deblur', sigma: 2, noise: 0.03 }],
      options: HARD,
    },
    // Defocus beyond what deblurring restores (a module of blur): no engine, a model of blurred
    // EAN/UPC bars fitted to scan lines (blurDecode.ts); on at most 640 px, like the frame.
    {
      id: 'blur-model',
      engine: 'blur-model',
      region: 'roi-or-full',
      maxSide: 640,
      transforms: [],
      options: HARD,
    },
    // The other engine last, on a reduced guide box (or frame) only: it is several times slower.
    {
      id: 'zxing-js',
      engine: 'zxing-js',
      region: 'roi-or-full',
      maxSide: 400,
      transforms: [],
      options: { ...HARD, tryRotate: false },
    },
  ],
  escalateAfter: 1,
  cooldownFrames: 3,
  guard: true,
};

/** Plain zxing-wasm: one library-default call on the whole frame (the baseline to beat). */
export const WASM_PLAIN_PLAN: PassPlan = {
  every: [{ id: 'wasm-defaults', engine: 'zxing-wasm', region: 'full', transforms: [], options: LIBRARY_DEFAULTS }],
  escalate: [],
  escalateAfter: 0,
  cooldownFrames: 0,
  guard: false,
};

/** Plain @zxing/library as @zxing/browser runs it: whole frame, TRY_HARDER. */
export const JS_PLAIN_PLAN: PassPlan = {
  every: [
    { id: 'js-tryharder', engine: 'zxing-js', region: 'full', transforms: [], options: { ...HARD, tryRotate: false } },
  ],
  escalate: [],
  escalateAfter: 0,
  cooldownFrames: 0,
  guard: false,
};
