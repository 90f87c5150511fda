import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
// The app serves the .wasm itself (Vite emits it as an asset); never the library's CDN default.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecodeEngine, EnginePassOptions, EngineRead } from './decodeEngine.ts';
import { fromWasmFormat, isLinear, normaliseRead, toWasmFormats } from './formatNames.ts';
import { locateUndecodedQr } from './zxingWasmLocate.ts';
import { grayToRgba, isRgba, type GrayImage, type RgbaImage } from '../imageOps.ts';

let prepared: Promise<unknown> | null = null;

function prepare(): Promise<unknown> {
  prepared ??= prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
    },
    fireImmediately: true,
  });
  return prepared;
}

export function wasmReaderOptions(o: EnginePassOptions): ReaderOptions {
  return {
    formats: toWasmFormats(o.formats) as ReaderOptions['formats'],
    tryHarder: o.tryHarder,
    tryRotate: o.tryRotate,
    tryInvert: o.tryInvert,
    tryDownscale: o.tryDownscale,
    tryDenoise: o.tryDenoise ?? false,
    minLineCount: o.minLineCount ?? 2,
    binarizer: o.binarizer === 'global' ? 'GlobalHistogram' : 'LocalAverage',
    // Plain keeps GS/RS/EOT exactly as encoded; supplier labels (and InvenTree's hash) need them.
    textMode: 'Plain',
    // An EAN-2/EAN-5 add-on beside a retail code is part of what the label says (see splitAddOn).
    eanAddOnSymbol: 'Read',
    maxNumberOfSymbols: 8,
  };
}

/** ZXing-C++'s JSON `extra` field: a UPC-E's printed 8 digits, an add-on's digits. */
function extraField(extra: string | undefined, key: 'UPCE' | 'EanAddOn'): string | null {
  if (!extra) return null;
  try {
    const v = (JSON.parse(extra) as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** ZXing-C++ puts a UPC-E's printed 8 digits in its JSON `extra` field ({"UPCE":"01234565"}). */
export function upcePrinted(extra: string | undefined): string | null {
  return extraField(extra, 'UPCE');
}

/** The EAN-2/EAN-5 add-on ZXing-C++ appended to the text ({"EanAddOn":"51299"}). */
export function eanAddOn(extra: string | undefined): string | null {
  return extraField(extra, 'EanAddOn');
}

function toImageData(image: GrayImage | RgbaImage): ImageData {
  const rgba = isRgba(image) ? image : grayToRgba(image);
  return new ImageData(rgba.data as Uint8ClampedArray<ArrayBuffer>, rgba.width, rgba.height);
}

export function createZxingWasmEngine(): DecodeEngine {
  return {
    name: 'zxing-wasm',
    async load() {
      await prepare();
    },
    async locateUndecoded(image: GrayImage | RgbaImage) {
      await prepare();
      return locateUndecodedQr(toImageData(image));
    },
    async decode(image: GrayImage | RgbaImage, options: EnginePassOptions): Promise<EngineRead[]> {
      await prepare();
      const input = toImageData(image);
      const results = await readBarcodes(input, wasmReaderOptions(options));
      const reads: EngineRead[] = [];
      for (const r of results) {
        if (!r.isValid) continue;
        const raw = fromWasmFormat(r.format);
        if (!raw) continue;
        const { format, text } = normaliseRead(raw, r.text, options.formats, upcePrinted(r.extra), eanAddOn(r.extra));
        if (!options.formats.includes(format)) continue;
        const p = r.position;
        reads.push({
          text,
          format,
          points: [p.topLeft, p.topRight, p.bottomRight, p.bottomLeft].map(({ x, y }) => ({ x, y })),
          lineCount: isLinear(format) ? r.lineCount : 0,
        });
      }
      return reads;
    },
  };
}
