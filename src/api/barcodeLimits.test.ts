import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeLength, MAX_BARCODE_LENGTH, refuseBarcode } from './barcodeLimits.ts';

describe('barcode limits (InvenTree CharField, max 4,095 characters after trimming)', () => {
  it('accepts exactly 4,095 characters and refuses 4,096, saying how long it was', () => {
    expect(refuseBarcode('A'.repeat(MAX_BARCODE_LENGTH))).toBeNull();
    expect(refuseBarcode('A'.repeat(4096))?.message).toBe(
      'This barcode is 4,096 characters long; InvenTree accepts at most 4,095, so it was not sent.',
    );
  });

  it('counts characters as Python does: an emoji is one, not two UTF-16 units', () => {
    expect(barcodeLength('📦'.repeat(3000))).toBe(3000);
    expect(refuseBarcode('📦'.repeat(3000))).toBeNull();
  });

  it('does not count Python whitespace at the ends (GS/RS included), but does count EOT and BOM', () => {
    expect(barcodeLength(`\u001d  ${'A'.repeat(4095)}\n\u001e`)).toBe(4095);
    expect(barcodeLength('\u0004A\u0004')).toBe(3);
    expect(barcodeLength('\ufeffA')).toBe(2);
    expect(barcodeLength('A\u001dB')).toBe(3);
  });

  it('refuses NUL anywhere', () => {
    expect(refuseBarcode('ab\u0000c')?.message).toMatch(/NUL/);
  });

  it('over any string: refused exactly when too long or holding NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.integer({ min: 0, max: 5000 }), (s, pad) => {
        const text = s + 'x'.repeat(pad);
        const expected = barcodeLength(text) > MAX_BARCODE_LENGTH || text.includes('\u0000');
        expect(refuseBarcode(text) !== null).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
