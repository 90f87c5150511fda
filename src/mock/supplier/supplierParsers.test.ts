// Supplier label parsing against BEHAVIOUR.md section 4 (samples, lengths, hashes, parse table).
import { describe, expect, it } from 'vitest';
import { hashBarcode } from '../barcodeHash';
import { SimulatedServerError } from '../serverError';
import { parseEciaBarcode, parseMouserBarcode } from './eciaBarcode';
import { parseLcscBarcode } from './lcscBarcode';
import * as S from './supplierSamples';
import { parseTmeBarcode } from './tmeBarcode';

describe('section 4 samples', () => {
  it.each([
    ['DIGIKEY_BARCODE', S.DIGIKEY_BARCODE, 290, '9a599c571f304b44fe32c466c5142a1e'],
    ['DIGIKEY_BARCODE_2', S.DIGIKEY_BARCODE_2, 278, '7dde8c4c0f84704e503dc1010208edef'],
    ['DIGIKEY_BARCODE_3', S.DIGIKEY_BARCODE_3, 287, 'a7e4a06f89efe50d9f164df5f6add862'],
    ['MOUSER_BARCODE', S.MOUSER_BARCODE, 63, '7ba170f11aeabf663c63a65f363411b0'],
    ['MOUSER_BARCODE_OLD', S.MOUSER_BARCODE_OLD, 70, '6cc20b0be1564dc063d723fcebd2d18d'],
    ['LCSC_BARCODE', S.LCSC_BARCODE, 99, '373ebd42854d7fa105b56dd561d91805'],
    ['TME_QRCODE', S.TME_QRCODE, 128, 'f5959a35ae744c468ea5001aa6dde373'],
    ['TME_DATAMATRIX_CODE', S.TME_DATAMATRIX_CODE, 36, '687f24fd4a3d2e18f53b07bb6210cea9'],
  ])('%s has the documented length and hash', (_name, barcode, length, hash) => {
    expect(barcode.length).toBe(length);
    expect(hashBarcode(barcode)).toBe(hash);
  });

  it('derived samples hash as documented', () => {
    expect(hashBarcode(S.DIGIKEY_BARCODE_SHORTENED)).toBe('ac1077e874c1d1aa3b7bccbf7a21fff5');
    expect(hashBarcode(S.MOUSER_BARCODE_WITHOUT_K)).toBe('62a547667346546c7b200f637bfcd11a');
    expect(hashBarcode(S.MOUSER_BARCODE_WITHOUT_Q)).toBe('9df491206911d217779caf6a18035b76');
  });
});

describe('ECIA parsing (DigiKey / Mouser)', () => {
  const digikeyFields = {
    supplier_part_number: '296-LM358BIDDFRCT-ND',
    customer_order_number: '',
    supplier_order_number: '72991337',
    packing_list_number: '1',
    country_of_origin: 'PH',
    quantity: '10',
  };

  it('DIGIKEY_BARCODE: P, 1P, empty K, 1K, 11K, 4L, Q; 10K and the Z fields ignored', () => {
    expect(parseEciaBarcode(S.DIGIKEY_BARCODE)).toEqual({ ...digikeyFields, manufacturer_part_number: 'LM358BIDDFR' });
    expect(parseMouserBarcode(S.DIGIKEY_BARCODE)).toEqual({
      ...digikeyFields,
      manufacturer_part_number: 'LM358BIDDFR',
    });
  });

  it('DIGIKEY_BARCODE_2 takes the SKU from 30P and has no MPN', () => {
    expect(parseEciaBarcode(S.DIGIKEY_BARCODE_2)).toEqual(digikeyFields);
  });

  it('DIGIKEY_BARCODE_3 parses nonsense part numbers', () => {
    const fields = parseEciaBarcode(S.DIGIKEY_BARCODE_3);
    expect(fields.supplier_part_number).toBe('nonsense');
    expect(fields.manufacturer_part_number).toBe('nonsense');
  });

  const mouserInfo = {
    purchase_order_line: '011',
    packing_list_number: '073121337',
    country_of_origin: 'MX',
    manufacturer: 'TI',
  };

  it('MOUSER_BARCODE: the Mouser plugin copies K into the supplier order number, DigiKey does not', () => {
    expect(parseMouserBarcode(S.MOUSER_BARCODE)).toEqual({
      customer_order_number: 'P0-1337',
      supplier_order_number: 'P0-1337',
      manufacturer_part_number: 'MC34063ADR',
      quantity: '3',
      ...mouserInfo,
    });
    expect(parseEciaBarcode(S.MOUSER_BARCODE)).toEqual({
      customer_order_number: 'P0-1337',
      manufacturer_part_number: 'MC34063ADR',
      quantity: '3',
      ...mouserInfo,
    });
  });

  it('MOUSER_BARCODE_OLD: the broken header is rewritten', () => {
    const info = {
      purchase_order_line: '033',
      packing_list_number: '060931337',
      country_of_origin: 'CN',
      manufacturer: 'STMicro',
    };
    expect(parseMouserBarcode(S.MOUSER_BARCODE_OLD)).toEqual({
      customer_order_number: '21421337',
      supplier_order_number: '21421337',
      manufacturer_part_number: 'LDK320ADU33R',
      quantity: '32',
      ...info,
    });
    expect(parseEciaBarcode(S.MOUSER_BARCODE_OLD)).toEqual({
      customer_order_number: '21421337',
      manufacturer_part_number: 'LDK320ADU33R',
      quantity: '32',
      ...info,
    });
  });

  it('needs the exact header', () => {
    expect(parseEciaBarcode(S.LCSC_BARCODE)).toEqual({});
    expect(parseEciaBarcode(S.TME_QRCODE)).toEqual({});
    expect(parseEciaBarcode('[)>06\u001dPX')).toEqual({});
  });
});

describe('LCSC parsing', () => {
  it('LCSC_BARCODE: pc, pm, qty, on; other keys pass through', () => {
    const fields = parseLcscBarcode(S.LCSC_BARCODE);
    expect(fields.supplier_part_number).toBe('C312270');
    expect(fields.manufacturer_part_number).toBe('ST-1-102-A01-T000-RS');
    expect(fields.quantity).toBe('2');
    expect(fields.supplier_order_number).toBe('SO2009291337');
    expect(fields.customer_order_number).toBeUndefined();
  });

  it('does not parse the other samples', () => {
    for (const barcode of [S.DIGIKEY_BARCODE, S.MOUSER_BARCODE, S.TME_QRCODE, S.TME_DATAMATRIX_CODE]) {
      expect(parseLcscBarcode(barcode)).toEqual({});
    }
  });

  it('rejects empty keys and values with a colon', () => {
    expect(parseLcscBarcode('{:x}')).toEqual({});
    expect(parseLcscBarcode('{pc:a:b}')).toEqual({});
    expect(parseLcscBarcode('{pc:}')).toEqual({ supplier_part_number: '' });
  });
});

describe('TME parsing', () => {
  it('TME_QRCODE (QR form): order number cut at the slash', () => {
    expect(parseTmeBarcode(S.TME_QRCODE)).toEqual({
      quantity: '1',
      supplier_part_number: 'WBP-302',
      supplier_order_number: '19361337',
      customer_order_number: 'PO-2023-06-08-001337',
      manufacturer_part_number: 'WBP-302',
    });
  });

  it('TME_DATAMATRIX_CODE (old 2-D form): literal MPN prefix kept, K not cut', () => {
    expect(parseTmeBarcode(S.TME_DATAMATRIX_CODE)).toEqual({
      supplier_part_number: 'WBP-302',
      manufacturer_part_number: 'MPNWBP-302',
      quantity: '1',
      customer_order_number: '19361337/1',
    });
  });

  it('ECIA samples are one token starting with [)> and give no fields', () => {
    for (const barcode of [S.DIGIKEY_BARCODE, S.MOUSER_BARCODE, S.MOUSER_BARCODE_OLD])
      expect(parseTmeBarcode(barcode)).toEqual({});
  });

  it('any space-separated token starting with an ECIA identifier is parsed', () => {
    expect(parseTmeBarcode('PART-001')).toEqual({ supplier_part_number: 'ART-001' });
  });

  it('a QR token with two colons raises ValueError (a 500 in v291)', () => {
    expect(() => parseTmeBarcode('QTY:1 T:12:30 RoHS')).toThrow(SimulatedServerError);
    expect(() => parseTmeBarcode('QTY:1 T:12:30 RoHS')).toThrow('too many values to unpack (expected 2)');
  });
});
