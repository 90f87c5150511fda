import { describe, expect, it } from 'vitest';
import { ALL_FORMATS, fromWasmFormat, isLinear, normaliseRead, splitAddOn, toWasmFormats } from './formatNames.ts';
import { eanAddOn, upcePrinted, wasmReaderOptions } from './zxingWasmEngine.ts';
import { fromJsFormat, zxingJsHints } from './zxingJsEngine.ts';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';

const passOptions = {
  tryHarder: false,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  binarizer: 'local' as const,
};

describe('format names', () => {
  it('maps every app format to a zxing-wasm name and back', () => {
    const wasm = toWasmFormats(ALL_FORMATS);
    expect(wasm).toEqual([
      'QRCode',
      'DataMatrix',
      'Aztec',
      'PDF417',
      'Code128',
      'Code39',
      'Code93',
      'EAN13',
      'EAN8',
      'UPCA',
      'UPCE',
      'ITF',
      'Codabar',
    ]);
    expect(wasm.map(fromWasmFormat)).toEqual([...ALL_FORMATS]);
  });

  it('maps zxing-wasm variants to their ZXing family and ignores formats the app does not know', () => {
    expect(fromWasmFormat('MicroQRCode')).toBe('QR_CODE');
    expect(fromWasmFormat('RMQRCode')).toBe('QR_CODE');
    expect(fromWasmFormat('Code39Ext')).toBe('CODE_39');
    expect(fromWasmFormat('ITF14')).toBe('ITF');
    expect(fromWasmFormat('ISBN')).toBe('EAN_13');
    expect(fromWasmFormat('CompactPDF417')).toBe('PDF_417');
    expect(fromWasmFormat('DataBarExp')).toBeNull();
    expect(fromWasmFormat('MaxiCode')).toBeNull();
  });

  it('reports UPC-A with its 12 printed digits', () => {
    expect(normaliseRead('UPC_A', '0036602301467', ['UPC_A'])).toEqual({ format: 'UPC_A', text: '036602301467' });
    // ZXing-C++ calls it EAN-13 when both are enabled; ZXing Java's rule makes it UPC-A.
    expect(normaliseRead('EAN_13', '0070097025088', ['EAN_13', 'UPC_A'])).toEqual({
      format: 'UPC_A',
      text: '070097025088',
    });
    // Without UPC_A enabled, a leading-0 EAN-13 stays EAN-13.
    expect(normaliseRead('EAN_13', '0070097025088', ['EAN_13'])).toEqual({ format: 'EAN_13', text: '0070097025088' });
    expect(normaliseRead('EAN_13', '9780804816632', ['EAN_13', 'UPC_A'])).toEqual({
      format: 'EAN_13',
      text: '9780804816632',
    });
  });

  it('reports Codabar data without its start/stop letters, as ZXing Java and scanner guns do', () => {
    expect(normaliseRead('CODABAR', 'A1234567890A', ['CODABAR'])).toEqual({ format: 'CODABAR', text: '1234567890' });
    expect(normaliseRead('CODABAR', 'c294/586d', ['CODABAR'])).toEqual({ format: 'CODABAR', text: '294/586' });
    // @zxing/library already leaves them out: nothing more is taken off.
    expect(normaliseRead('CODABAR', '31117013206375', ['CODABAR'])).toEqual({
      format: 'CODABAR',
      text: '31117013206375',
    });
  });

  it('keeps GS and other control characters in the text', () => {
    const gs1 = '0108903819987659\u001d1731063010BNav4Cam2';
    expect(normaliseRead('DATA_MATRIX', gs1, ALL_FORMATS).text).toBe(gs1);
  });

  it('keeps an EAN-2/EAN-5 add-on after the printed digits, as scanner guns send it', () => {
    // zxing-wasm's texts and extra fields for bwip-js labels with add-ons (eanAddOnSymbol: 'Read').
    expect(normaliseRead('EAN_13', '978123456789751299', ALL_FORMATS, null, eanAddOn('{"EanAddOn":"51299"}'))).toEqual({
      format: 'EAN_13',
      text: '978123456789751299',
    });
    expect(normaliseRead('EAN_13', '003600029145212', ALL_FORMATS, null, '12')).toEqual({
      format: 'UPC_A',
      text: '03600029145212',
    });
    const extra = '{"UPCE":"01234565","EanAddOn":"52495"}';
    expect(normaliseRead('UPC_E', '001234500006552495', ALL_FORMATS, upcePrinted(extra), eanAddOn(extra))).toEqual({
      format: 'UPC_E',
      text: '0123456552495',
    });
    expect(splitAddOn('EAN_13', '978123456789751299')).toEqual({ main: '9781234567897', addOn: '51299' });
    expect(splitAddOn('UPC_E', '0123456512')).toEqual({ main: '01234565', addOn: '12' });
    expect(splitAddOn('EAN_13', '9781234567897')).toEqual({ main: '9781234567897', addOn: '' });
    expect(splitAddOn('ITF', '30712345000010')).toEqual({ main: '30712345000010', addOn: '' });
    expect(wasmReaderOptions({ ...passOptions, formats: ['EAN_13'] }).eanAddOnSymbol).toBe('Read');
  });

  it('leaves a GS1 Digital Link URL exactly as encoded', () => {
    const link = 'https://id.gs1.org/01/09506000134352/10/ABC%2F123?17=201225&3103=000195';
    expect(normaliseRead('QR_CODE', link, ALL_FORMATS, null, null).text).toBe(link);
    expect(normaliseRead('DATA_MATRIX', link, ALL_FORMATS).text).toBe(link);
    expect(wasmReaderOptions({ ...passOptions, formats: ['QR_CODE'] }).textMode).toBe('Plain');
  });

  it('knows which formats are linear', () => {
    expect(ALL_FORMATS.filter(isLinear)).toEqual([
      'CODE_128',
      'CODE_39',
      'CODE_93',
      'EAN_13',
      'EAN_8',
      'UPC_A',
      'UPC_E',
      'ITF',
      'CODABAR',
    ]);
  });
});

describe('@zxing/library hints', () => {
  it('adds TRY_HARDER only when wanted, because its mere presence switches it on', () => {
    expect(zxingJsHints({ ...passOptions, formats: ['QR_CODE'] }).has(DecodeHintType.TRY_HARDER)).toBe(false);
    expect(zxingJsHints({ ...passOptions, tryHarder: true, formats: ['QR_CODE'] }).get(DecodeHintType.TRY_HARDER)).toBe(
      true,
    );
  });

  it('restricts the reader to the enabled formats', () => {
    const hints = zxingJsHints({ ...passOptions, formats: ['EAN_13', 'CODE_128'] });
    expect(hints.get(DecodeHintType.POSSIBLE_FORMATS)).toEqual([BarcodeFormat.EAN_13, BarcodeFormat.CODE_128]);
  });

  it('maps result formats back to ZXing names', () => {
    expect(fromJsFormat(BarcodeFormat.DATA_MATRIX)).toBe('DATA_MATRIX');
    expect(fromJsFormat(BarcodeFormat.RSS_14)).toBeNull();
  });
});
