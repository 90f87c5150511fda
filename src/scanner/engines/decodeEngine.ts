import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { GrayImage, RgbaImage } from '../imageOps.ts';

/** The decoding libraries a worker loads. */
export type EngineName = 'zxing-wasm' | 'zxing-js';
/**
 * What runs a pass: an engine, or `blur-model`, the model fit of defocused EAN/UPC bars
 * (strategy/blurDecode.ts), or `qr-mesh`, a bent QR symbol sampled on a fitted mesh (strategy/qrMeshPass.ts).
 */
export type PassEngineName = EngineName | 'blur-model' | 'qr-mesh';

/** How hard one engine call tries. Engines map these onto their own options. */
export interface EnginePassOptions {
  formats: readonly BarcodeFormatName[];
  /** More scan lines / finder candidates; slower. */
  tryHarder: boolean;
  /** Engine-internal 90° rotations (zxing-wasm only; the strategy rotates pixels for zxing-js). */
  tryRotate: boolean;
  /** Engine-internal inverted (light-on-dark) attempt (zxing-wasm only). */
  tryInvert: boolean;
  /** Engine-internal downscaled attempt for large frames (zxing-wasm only). */
  tryDownscale: boolean;
  /** Threshold algorithm: local (default) or one global histogram valley (helps uneven 1D prints). */
  binarizer: 'local' | 'global';
  /** Morphological closing for 2D codes (zxing-wasm only). */
  tryDenoise?: boolean;
  /** Scan lines that must agree on a linear code (zxing-wasm only; engine default 2). */
  minLineCount?: number;
}

export interface EngineRead {
  text: string;
  format: BarcodeFormatName;
  points?: { x: number; y: number }[];
  /**
   * For linear codes: how many scan lines agreed on this result (zxing-wasm reports it;
   * zxing-js stops at the first row that decodes, so it reports 1).
   */
  lineCount: number;
}

/** A barcode reader library behind one interface. Decoding is synchronous work inside. */
/** A symbol an engine located but could not decode (its version and outer corners). */
export interface UndecodedSymbol {
  format: 'QR_CODE';
  version: number;
  corners: { x: number; y: number }[];
  /** Light modules on a dark ground (e.g. a white print on a dark shirt). */
  inverted?: boolean;
}

export interface DecodeEngine {
  readonly name: EngineName;
  /** Load code / wasm; resolves when decode() can run without a network fetch. */
  load(): Promise<void>;
  decode(image: GrayImage | RgbaImage, options: EnginePassOptions): Promise<EngineRead[]>;
  /** QR symbols located but not decoded (zxing-wasm only), for the qr-mesh pass. */
  locateUndecoded?(image: GrayImage | RgbaImage): Promise<UndecodedSymbol[]>;
}
