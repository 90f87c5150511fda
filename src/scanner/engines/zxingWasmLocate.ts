import { readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { UndecodedSymbol } from './decodeEngine.ts';

/** Largest QR version handed on: the mesh fit's work grows with the module count. */
export const MAX_LOCATED_VERSION = 10;

/**
 * QR symbols ZXing-C++ found (finders, version, perspective) but could not decode, e.g. a
 * ChecksumError on a bent print. The wasm module must be prepared already (the engine's load()).
 * Micro QR and symbols without a readable version are left out: the mesh fit needs the size.
 */
export async function locateUndecodedQr(input: ImageData): Promise<UndecodedSymbol[]> {
  const options: Partial<ReaderOptions> = {
    formats: ['QRCode'],
    tryHarder: true,
    tryRotate: false,
    // Light-on-dark prints are common on cloth.
    tryInvert: true,
    tryDownscale: false,
    returnErrors: true,
    maxNumberOfSymbols: 4,
    textMode: 'Plain',
  };
  const out: UndecodedSymbol[] = [];
  for (const r of await readBarcodes(input, options)) {
    if (r.isValid || r.format !== 'QRCode' || !/^\d+$/.test(r.version)) continue;
    const version = Number(r.version);
    if (version < 1 || version > MAX_LOCATED_VERSION) continue;
    const p = r.position;
    out.push({
      format: 'QR_CODE',
      version,
      corners: [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft].map(({ x, y }) => ({ x, y })),
      inverted: r.isInverted,
    });
  }
  return out;
}
