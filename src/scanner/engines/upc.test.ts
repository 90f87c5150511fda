import { describe, expect, it } from 'vitest';
import { compressUpcA, expandUpcE, gs1CheckDigitOk, printedUpcE } from './upc.ts';
import { normaliseRead } from './formatNames.ts';
import { upcePrinted } from './zxingWasmEngine.ts';

describe('UPC-E as printed', () => {
  it('compresses UPC-A back to UPC-E by the GS1 rules, the inverse of expansion', () => {
    expect(compressUpcA('012345000065')).toBe('01234565'); // manufacturer 12x00, product 00xxx
    expect(compressUpcA('012300000451')).toBe('01234531'); // rule 3
    expect(compressUpcA('012340000051')).toBe('01234541'); // rule 4 (check digit not recomputed)
    expect(compressUpcA('012345000058')).toBe('01234558'); // rules 5-9
    expect(compressUpcA('036602301467')).toBeNull(); // an ordinary UPC-A has no UPC-E form
    expect(compressUpcA('212345000065')).toBeNull(); // number system 2 has none either
    for (const upce of ['01234565', '01234531', '10456782', '00000109', '12345674']) {
      expect(compressUpcA(expandUpcE(upce)!)).toBe(upce);
    }
  });

  it("turns ZXing-C++'s 13-digit expansion into the 8 printed digits", () => {
    expect(printedUpcE('0012345000065', '01234565')).toBe('01234565');
    expect(printedUpcE('0012345000065')).toBe('01234565');
    expect(printedUpcE('01234565')).toBe('01234565');
    // A printed form that does not expand to the text is ignored.
    expect(printedUpcE('0012345000065', '01234999')).toBe('01234565');
    expect(printedUpcE('0036602301467')).toBeNull();
  });

  it('normalises reads: UPC-E to 8 digits, EAN-8 untouched, UPC-A to 12', () => {
    const all = ['EAN_13', 'EAN_8', 'UPC_A', 'UPC_E'] as const;
    expect(normaliseRead('UPC_E', '0012345000065', all, '01234565')).toEqual({ format: 'UPC_E', text: '01234565' });
    expect(normaliseRead('UPC_E', '0036602301467', all)).toEqual({ format: 'UPC_E', text: '' });
    expect(normaliseRead('EAN_8', '96385074', all)).toEqual({ format: 'EAN_8', text: '96385074' });
    expect(normaliseRead('EAN_13', '0036602301467', all)).toEqual({ format: 'UPC_A', text: '036602301467' });
    expect(gs1CheckDigitOk(expandUpcE('01234565')!)).toBe(true);
  });

  it('leaves a GS1 Digital Link URI exactly as encoded', () => {
    const uri = 'https://id.gs1.org/01/09506000134352/10/ABC123?17=251231';
    expect(normaliseRead('QR_CODE', uri, ['QR_CODE', 'UPC_A'])).toEqual({ format: 'QR_CODE', text: uri });
  });

  it("reads the printed UPC-E from zxing-wasm's extra field", () => {
    expect(upcePrinted('{"UPCE":"01234565"}')).toBe('01234565');
    expect(upcePrinted('')).toBeNull();
    expect(upcePrinted('{"Version":"2"}')).toBeNull();
    expect(upcePrinted('not json')).toBeNull();
  });
});
