import type { BarcodeFormatName, DecodedBarcode, DecodeStrategyName, Roi } from './decoderTypes.ts';

/** Messages between decoderClient (page) and decodeWorker. */
export type WorkerRequest =
  | { type: 'configure'; strategy: DecodeStrategyName }
  | { type: 'warm'; id: number }
  | { type: 'reset' }
  | {
      type: 'decode';
      id: number;
      width: number;
      height: number;
      /** RGBA pixels; transferred, not copied. */
      buffer: ArrayBuffer;
      roi?: Roi;
      formats?: BarcodeFormatName[];
      /** Frames of a live camera: weak-check codes need two different frames (streamAgreement.ts). */
      stream?: boolean;
    };

/** A weak-check code read on this frame, waiting for a second camera frame to agree. */
export interface HeldRead {
  text: string;
  format: BarcodeFormatName;
  points?: { x: number; y: number }[];
}

export type WorkerResponse =
  | { type: 'warmed'; id: number }
  | {
      type: 'decoded';
      id: number;
      barcode: DecodedBarcode | null;
      /** Worker time for the frame, also when nothing was found. */
      ms: number;
      passes: { id: string; ms: number }[];
      exhausted: boolean;
      held?: HeldRead | null;
    }
  | { type: 'error'; id: number; message: string };
