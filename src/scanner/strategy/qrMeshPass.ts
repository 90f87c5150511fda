import type { BarcodeFormatName } from '../decoderTypes.ts';
import type { DecodeEngine, EngineRead } from '../engines/decodeEngine.ts';
import { invert, isRgba, toGray, type GrayImage, type RgbaImage } from '../imageOps.ts';

/** Symbols fitted per pass: each fit costs tens of ms, and a frame rarely holds more. */
const MAX_CANDIDATES = 2;

/**
 * The qr-mesh pass: ask the engine for QR symbols it located but could not decode and read them
 * on a mesh fitted to their modules (qrMeshDecode.ts). Without such a symbol the pass costs one
 * locating call only; the grid work runs only on a symbol that is there.
 */
export async function decodeQrMesh(
  image: GrayImage | RgbaImage,
  formats: readonly BarcodeFormatName[],
  engine: DecodeEngine,
): Promise<EngineRead[]> {
  if (!formats.includes('QR_CODE') || !engine.locateUndecoded) return [];
  const found = await engine.locateUndecoded(image);
  if (found.length === 0) return [];
  // Loaded on the first located symbol: the decoder brings @zxing/library, which would make the
  // worker's first chunk (parsed before the first frame) ten times bigger.
  const { decodeWarpedQr } = await import('./qrMeshDecode.ts');
  const gray = isRgba(image) ? toGray(image) : image;
  let inverted: GrayImage | null = null;
  const reads: EngineRead[] = [];
  for (const symbol of found.slice(0, MAX_CANDIDATES)) {
    // The fit and the decoder expect dark modules: a light-on-dark print is read inverted.
    const pixels = symbol.inverted ? (inverted ??= invert(gray)) : gray;
    const read = decodeWarpedQr(pixels, symbol);
    if (read && !reads.some((r) => r.text === read.text))
      reads.push({ text: read.text, format: 'QR_CODE', points: read.points, lineCount: 0 });
  }
  return reads;
}
