import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { DecodeEngine, EngineName, EngineRead } from '../engines/decodeEngine.ts';
import type { GrayImage, RgbaImage } from '../imageOps.ts';
import { decodeBlurred } from './blurDecode.ts';
import type { PassSpec } from './passPlans.ts';
import { decodeQrMesh } from './qrMeshPass.ts';

/**
 * What runs a pass on its prepared image: an engine, or one of the model decoders that have no
 * library of their own (defocused EAN/UPC bars, a bent QR located by zxing-wasm).
 */
export async function passReads(
  spec: PassSpec,
  image: GrayImage | RgbaImage,
  formats: readonly BarcodeFormatName[],
  engines: (name: EngineName) => Promise<DecodeEngine>,
): Promise<EngineRead[]> {
  if (spec.engine === 'blur-model') return decodeBlurred(image, formats);
  if (spec.engine === 'qr-mesh') return decodeQrMesh(image, formats, await engines('zxing-wasm'));
  return (await engines(spec.engine)).decode(image, { ...spec.options, formats });
}
