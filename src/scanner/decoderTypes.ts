/** ZXing format names as both engines report them (zxing-wasm names are mapped to these). */
export type BarcodeFormatName =
  | 'QR_CODE'
  | 'DATA_MATRIX'
  | 'AZTEC'
  | 'PDF_417'
  | 'CODE_128'
  | 'CODE_39'
  | 'CODE_93'
  | 'EAN_13'
  | 'EAN_8'
  | 'UPC_A'
  | 'UPC_E'
  | 'ITF'
  | 'CODABAR';

/** Region of interest in frame pixels (the guide box). */
export interface Roi {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DecodeRequest {
  image: ImageData;
  /** Guide box in `image` coordinates; decoded first, then the full frame. */
  roi?: Roi;
  formats?: BarcodeFormatName[];
  /** Live camera frames: a weak-check code is reported once two different frames agree. */
  stream?: boolean;
}

export interface DecodedBarcode {
  text: string;
  format: BarcodeFormatName;
  /** Corner points in image pixels when the engine reports them. */
  points?: { x: number; y: number }[];
  engine: string;
  /** Milliseconds the worker spent on this frame. */
  ms: number;
}

/** What the camera loop talks to; implemented by a Web Worker client. */
export interface FrameDecoder {
  /** Start loading engines (wasm) early, e.g. while the camera starts. */
  warm(): Promise<void>;
  /** Decode one frame; resolves null when nothing was found. The ImageData buffer is transferred. */
  decode(req: DecodeRequest): Promise<DecodedBarcode | null>;
  dispose(): void;
}

/** Decoding strategies a user can choose (labels and descriptions: strategy/strategies.ts). */
export type DecodeStrategyName = 'adaptive' | 'zxing-wasm' | 'zxing-js';

export interface FrameDecoderOptions {
  /** Default: the benchmark's best (DEFAULT_STRATEGY in strategy/strategies.ts). */
  strategy?: DecodeStrategyName;
  /** Formats to look for when a request names none; default all. */
  formats?: BarcodeFormatName[];
}
