// Internal barcode formats (BEHAVIOUR.md 1.7): short-format parsing, Python int() of JSON values,
// generation in both formats.
import { describe, expect, it } from 'vitest';
import { generateInternalBarcode, parseJsonBarcode, parseShortBarcode, pyIntForPk } from './internalBarcode';
import { SimulatedServerError } from './serverError';

describe('parseShortBarcode', () => {
  it('reads prefix + code + pk, leading zeros and Unicode digits included', () => {
    expect(parseShortBarcode('INV-SI12', 'INV-')).toEqual({ kind: 'short', label: 'stockitem', pk: 12 });
    expect(parseShortBarcode('INV-SI001', 'INV-')).toEqual({ kind: 'short', label: 'stockitem', pk: 1 });
    expect(parseShortBarcode('INV-PA\u0661\u0662', 'INV-')).toEqual({ kind: 'short', label: 'part', pk: 12 });
    expect(parseShortBarcode('TESTSL5', 'TEST')).toEqual({ kind: 'short', label: 'stocklocation', pk: 5 });
    expect(parseShortBarcode('SP1', '')).toEqual({ kind: 'short', label: 'supplierpart', pk: 1 });
  });

  it('is case-sensitive and whole-string', () => {
    expect(parseShortBarcode('INV-si1', 'INV-')).toEqual({ kind: 'not-short' });
    expect(parseShortBarcode('xINV-SI1', 'INV-')).toEqual({ kind: 'not-short' });
    expect(parseShortBarcode('INV-SI1x', 'INV-')).toEqual({ kind: 'not-short' });
  });

  it('reports unknown two-character codes (the plugin then stops without JSON or hash lookups)', () => {
    expect(parseShortBarcode('INV-123456', 'INV-')).toEqual({ kind: 'unknown-code' });
    expect(parseShortBarcode('123456789', '')).toEqual({ kind: 'unknown-code' });
  });

  it('treats regex characters in the prefix literally', () => {
    expect(parseShortBarcode('A.B(SI3', 'A.B(')).toEqual({ kind: 'short', label: 'stockitem', pk: 3 });
    expect(parseShortBarcode('AxB(SI3', 'A.B(')).toEqual({ kind: 'not-short' });
  });
});

describe('pyIntForPk', () => {
  it('converts like Python int()', () => {
    expect(pyIntForPk('12')).toBe(12);
    expect(pyIntForPk(' 12 ')).toBe(12);
    expect(pyIntForPk(12.9)).toBe(12);
    expect(pyIntForPk(true)).toBe(1);
    expect(pyIntForPk('1_000')).toBe(1000);
    expect(pyIntForPk('abc')).toBeNull();
    expect(pyIntForPk('12.0')).toBeNull();
  });

  it('raises where v291 crashes: null, lists and objects (TypeError)', () => {
    for (const value of [null, [1], { a: 1 }]) expect(() => pyIntForPk(value)).toThrow(SimulatedServerError);
  });
});

describe('parseJsonBarcode', () => {
  it('reads JSON objects as Python does (NaN accepted), nothing else', () => {
    expect(parseJsonBarcode('{"part": 5}')).toEqual({ part: 5 });
    expect(parseJsonBarcode('{"part": NaN}')?.part).toBeNaN();
    expect(parseJsonBarcode('[1, 2]')).toBeNull();
    expect(parseJsonBarcode("{'part': 5}")).toBeNull();
  });
});

describe('generateInternalBarcode', () => {
  it('uses Python json.dumps spacing, or the short form', () => {
    expect(generateInternalBarcode('stockitem', 522, 'json', 'INV-')).toBe('{"stockitem": 522}');
    expect(generateInternalBarcode('stocklocation', 5, 'short', 'INV-')).toBe('INV-SL5');
    expect(generateInternalBarcode('stocklocation', 5, 'short', '')).toBe('SL5');
  });
});
