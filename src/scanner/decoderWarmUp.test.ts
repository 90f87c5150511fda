import { describe, expect, it } from 'vitest';
import { createZxingJsEngine } from './engines/zxingJsEngine.ts';
import type { RgbaImage } from './imageOps.ts';
import { WARM_CODE128, WARM_EAN13, WARM_QR, warmUpImage } from './decoderWarmUp.ts';

function crop(img: RgbaImage, x0: number, y0: number, w: number, h: number): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    data.set(img.data.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4), y * w * 4);
  return { data, width: w, height: h };
}

describe('decoder warm-up frame', () => {
  it('holds a real EAN-13, Code 128 and QR code (read here by the other engine)', async () => {
    const engine = createZxingJsEngine();
    await engine.load();
    const img = warmUpImage();
    const opts = {
      tryHarder: true,
      tryRotate: false,
      tryInvert: false,
      tryDownscale: false,
      binarizer: 'local' as const,
    };
    const read = async (x: number, y: number, w: number, h: number, format: 'EAN_13' | 'CODE_128' | 'QR_CODE') =>
      (await engine.decode(crop(img, x, y, w, h), { ...opts, formats: [format] })).map((r) => r.text);
    expect(await read(0, 0, 290, 180, 'EAN_13')).toEqual([WARM_EAN13.text]);
    expect(await read(270, 20, 370, 160, 'CODE_128')).toEqual([WARM_CODE128.text]);
    expect(await read(20, 200, 240, 240, 'QR_CODE')).toEqual([WARM_QR.text]);
  });
});
