import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  Exception,
  GlobalHistogramBinarizer,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
  ResultMetadataType,
} from '@zxing/library';
import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { DecodeEngine, EnginePassOptions, EngineRead } from './decodeEngine.ts';
import { isLinear, normaliseRead } from './formatNames.ts';
import { isRgba, toGray, type GrayImage, type RgbaImage } from '../imageOps.ts';

const TO_JS: Record<BarcodeFormatName, BarcodeFormat> = {
  QR_CODE: BarcodeFormat.QR_CODE,
  DATA_MATRIX: BarcodeFormat.DATA_MATRIX,
  AZTEC: BarcodeFormat.AZTEC,
  PDF_417: BarcodeFormat.PDF_417,
  CODE_128: BarcodeFormat.CODE_128,
  CODE_39: BarcodeFormat.CODE_39,
  CODE_93: BarcodeFormat.CODE_93,
  EAN_13: BarcodeFormat.EAN_13,
  EAN_8: BarcodeFormat.EAN_8,
  UPC_A: BarcodeFormat.UPC_A,
  UPC_E: BarcodeFormat.UPC_E,
  ITF: BarcodeFormat.ITF,
  CODABAR: BarcodeFormat.CODABAR,
};

/**
 * Hints for one pass. TRY_HARDER is switched on by the mere presence of the key (even with
 * `false`), so it is only added when wanted.
 */
export function zxingJsHints(o: EnginePassOptions): Map<DecodeHintType, unknown> {
  const hints = new Map<DecodeHintType, unknown>();
  hints.set(
    DecodeHintType.POSSIBLE_FORMATS,
    o.formats.map((f) => TO_JS[f]),
  );
  if (o.tryHarder) hints.set(DecodeHintType.TRY_HARDER, true);
  return hints;
}

export function fromJsFormat(format: BarcodeFormat): BarcodeFormatName | null {
  const name = BarcodeFormat[format] as string | undefined;
  return name && name in TO_JS ? (name as BarcodeFormatName) : null;
}

export function createZxingJsEngine(): DecodeEngine {
  const reader = new MultiFormatReader();
  return {
    name: 'zxing-js',
    async load() {},
    async decode(image: GrayImage | RgbaImage, options: EnginePassOptions): Promise<EngineRead[]> {
      const gray = isRgba(image) ? toGray(image) : image;
      // Uint8ClampedArray input is taken as luminance as is (no RGB conversion).
      const source = new RGBLuminanceSource(gray.data, gray.width, gray.height);
      const binarizer =
        options.binarizer === 'global' ? new GlobalHistogramBinarizer(source) : new HybridBinarizer(source);
      reader.setHints(zxingJsHints(options));
      try {
        const result = reader.decodeWithState(new BinaryBitmap(binarizer));
        const format = fromJsFormat(result.getBarcodeFormat());
        if (!format || !options.formats.includes(format)) return [];
        // Some readers leave null entries in the point list.
        const points = (result.getResultPoints() ?? [])
          .filter((p): p is NonNullable<typeof p> => p != null)
          .map((p) => ({ x: p.getX(), y: p.getY() }));
        // ZXing JS keeps an EAN-2/EAN-5 add-on apart; report it after the main digits, as
        // zxing-wasm and scanner guns do (see splitAddOn).
        const ext = result.getResultMetadata()?.get(ResultMetadataType.UPC_EAN_EXTENSION);
        const addOn = typeof ext === 'string' ? ext : null;
        const read = normaliseRead(format, result.getText() + (addOn ?? ''), options.formats, null, addOn);
        return [{ text: read.text, format: read.format, points, lineCount: isLinear(format) ? 1 : 0 }];
      } catch (e) {
        // zxing-js signals "nothing here" (and checksum/format failures, and index errors on
        // odd images) by throwing its own exceptions: all mean "no barcode in this pass".
        if (e instanceof Exception) return [];
        throw e;
      } finally {
        reader.reset();
      }
    },
  };
}
