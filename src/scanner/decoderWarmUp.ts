import type { DecodeEngine, EnginePassOptions } from './engines/decodeEngine.ts';
import { ALL_FORMATS } from './engines/formatNames.ts';
import type { RgbaImage } from './imageOps.ts';

/** EAN-13 4006381333931 as bar/space widths in modules, starting with a bar (bwip-js). */
export const WARM_EAN13 = { text: '4006381333931', sbs: '11132111123111414113121122211111141114111411311214112221111' };
/** Code 128 "WARM-128" (bwip-js). */
export const WARM_CODE128 = {
  text: 'WARM-128',
  sbs: '2112143113211113232311311131231221321232212232113112222213122331112',
};
/** QR code "StockScan warm-up", 25×25 modules, one base-36 number per row (bwip-js). */
export const WARM_QR = {
  text: 'StockScan warm-up',
  rows: [
    'juu7z',
    'a5a2p',
    'ejsyl',
    'el0t9',
    'eiycd',
    'a7xvl',
    'jvfy7',
    '2ebk',
    '7o0a0',
    '1a6a5',
    '3diox',
    '8vsc8',
    'hfujt',
    '28qn7',
    'j7vip',
    '473kb',
    'i1z3v',
    '1iqe',
    'jttg1',
    'a60pm',
    'eixh3',
    'ejgr6',
    'el2tv',
    'a7igo',
    'jtzsp',
  ],
};

const W = 640;
const H = 480;

function fill(img: RgbaImage, x0: number, y0: number, w: number, h: number, v: number): void {
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = (y * img.width + x) * 4;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
    }
  }
}

/** Bars from their widths, on a white label with quiet zones. */
function drawBars(img: RgbaImage, sbs: string, x0: number, y0: number, module: number, height: number): void {
  const modules = [...sbs].reduce((s, c) => s + Number(c), 0);
  fill(img, x0 - 12 * module, y0 - 4 * module, (modules + 24) * module, height + 8 * module, 255);
  let x = x0;
  [...sbs].forEach((c, i) => {
    const w = Number(c) * module;
    if (i % 2 === 0) fill(img, x, y0, w, height, 0);
    x += w;
  });
}

function drawMatrix(img: RgbaImage, rows: string[], x0: number, y0: number, module: number): void {
  const n = rows.length;
  fill(img, x0 - 4 * module, y0 - 4 * module, (n + 8) * module, (n + 8) * module, 255);
  rows.forEach((row, y) => {
    const bits = parseInt(row, 36).toString(2).padStart(n, '0');
    for (let x = 0; x < n; x++) if (bits[x] === '1') fill(img, x0 + x * module, y0 + y * module, module, module, 0);
  });
}

/**
 * A camera-sized frame with an EAN-13, a Code 128 and a QR code on a grey background: decoded
 * once while the camera starts, it makes the engine compile and run the code paths a label
 * needs, so the first real label is not decoded by cold WebAssembly (measured: the first frames
 * with a code took ~12 ms against 3–4 ms once warm).
 */
export function warmUpImage(): RgbaImage {
  const img: RgbaImage = { data: new Uint8ClampedArray(W * H * 4).fill(216), width: W, height: H };
  for (let i = 3; i < img.data.length; i += 4) img.data[i] = 255;
  drawBars(img, WARM_EAN13.sbs, 40, 40, 2, 100);
  drawBars(img, WARM_CODE128.sbs, 300, 40, 2, 100);
  drawMatrix(img, WARM_QR.rows, 60, 240, 6);
  return img;
}

const CHEAP: EnginePassOptions = {
  formats: ALL_FORMATS,
  tryHarder: false,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  binarizer: 'local',
};

/** Decode the warm-up frame a few times; the reads are thrown away (no guard or agreement sees them). */
export async function warmUp(engine: DecodeEngine, rounds = 3): Promise<void> {
  const img = warmUpImage();
  for (let i = 0; i < rounds; i++) await engine.decode(img, CHEAP);
}
