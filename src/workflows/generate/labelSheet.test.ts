/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import bwipjs from 'bwip-js/node';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import {
  LABEL_SIZES,
  PAPERS,
  bwipOptions,
  code128Fits,
  planSheet,
  sheetCss,
  symbologiesFor,
  type Symbology,
} from './labelSheet.ts';

describe('symbologies', () => {
  it('offers Code 128 only for short printable ASCII', () => {
    expect(symbologiesFor('{"stockitem": 231}')).toEqual(['qrcode', 'datamatrix', 'code128']);
    expect(symbologiesFor('INV-SI231')).toContain('code128');
    expect(symbologiesFor('{"manufacturerpart": 1234567}')).toEqual(['qrcode', 'datamatrix']);
    expect(code128Fits('Ünïcode')).toBe(false);
    expect(symbologiesFor('')).toEqual([]);
  });
});

describe('rendered symbols decode back to the exact text', () => {
  beforeAll(async () => {
    const wasm = readFileSync('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  });

  const texts = ['{"stockitem": 231}', '{"part": 69}', 'INV-SL7', '{"purchaseorder": 1}'];
  for (const text of texts) {
    for (const symbology of symbologiesFor(text) as Symbology[]) {
      it(`${symbology}: ${text}`, async () => {
        const png = await bwipjs.toBuffer(bwipOptions(symbology, text, { showText: true }));
        const found = await readBarcodes(new Uint8Array(png), { textMode: 'Plain' });
        expect(found.map((f) => f.text)).toEqual([text]);
      });
    }
  }

  it('renders SVG for the download', () => {
    const svg = bwipjs.toSVG(bwipOptions('qrcode', 'INV-SI231', { showText: false }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<path');
  });
});

describe('label sheet', () => {
  const a4 = PAPERS[0]!;
  const small = LABEL_SIZES.find((l) => l.id === '63x38')!;

  it('one label per label-sized page for a label printer', () => {
    const plan = planSheet({ layout: 'single', copies: 3, label: LABEL_SIZES[0]!, paper: a4, marginMm: 10, gapMm: 2 });
    expect(plan).toMatchObject({ pageWidthMm: 62, pageHeightMm: 29, perPage: 1, pages: [1, 1, 1] });
  });

  it('a grid fills A4 pages with as many 63.5 × 38.1 mm labels as fit, then a partial page', () => {
    // 190 mm usable width takes two 63.5 mm labels with 2 mm gaps; 277 mm takes six rows.
    const plan = planSheet({ layout: 'grid', copies: 45, label: small, paper: a4, marginMm: 10, gapMm: 2 });
    expect(plan.columns).toBe(2);
    expect(plan.rows).toBe(6);
    expect(plan.pages).toEqual([12, 12, 12, 9]);
    // The standard 21-up sheet: 5 mm margins, no gaps.
    const tight = planSheet({ layout: 'grid', copies: 21, label: small, paper: a4, marginMm: 5, gapMm: 0 });
    expect([tight.columns, tight.rows, tight.pages]).toEqual([3, 7, [21]]);
  });

  it('clamps silly copy counts', () => {
    expect(planSheet({ layout: 'single', copies: 0, label: small, paper: a4, marginMm: 0, gapMm: 0 }).pages).toEqual([
      1,
    ]);
    expect(
      planSheet({ layout: 'single', copies: Number.NaN, label: small, paper: a4, marginMm: 0, gapMm: 0 }).pages,
    ).toEqual([1]);
    expect(
      planSheet({ layout: 'grid', copies: 10_000, label: small, paper: a4, marginMm: 5, gapMm: 0 }).pages.reduce(
        (a, b) => a + b,
      ),
    ).toBe(500);
  });

  it('the print stylesheet sets the page size and hides the rest of the app', () => {
    const plan = planSheet({ layout: 'single', copies: 1, label: LABEL_SIZES[0]!, paper: a4, marginMm: 10, gapMm: 2 });
    const css = sheetCss(plan, LABEL_SIZES[0]!, 2);
    expect(css).toContain('@page { size: 62mm 29mm; margin: 0mm; }');
    expect(css).toContain('body > *:not(.label-print-root) { display: none !important; }');
    expect(css).toContain('@media screen { .label-print-root { display: none; } }');
  });
});
