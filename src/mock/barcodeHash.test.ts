// hash_barcode and Python's strip (BEHAVIOUR.md 1.3, 1.4): InvenTree's own test vectors.
import { describe, expect, it } from 'vitest';
import { hashBarcode, pyStrip } from './barcodeHash';

describe('hashBarcode', () => {
  it.each([
    ['abcdefg', '7ac66c0f148de9519b8bd264312c4d64'],
    ['ABCDEFG', 'bb747b3df3130fe1ca4afa93fb7d97c9'],
    ['1234567', 'fcea920f7412b5da7be0cf42b8c93759'],
    ['{"part": 17, "stockitem": 12}', 'c88c11ed0628eb7fef0d59b098b96975'],
    ['{"blbla": 10007}', '2f5dba5c83a360599ba7665b2a4131c6'],
    ['xyz-123', 'bc39d07e9a395c7b5658c231bf910fae'],
    ['555555555555555555555555', '4aa63f5e55e85c1f842796bf74896dbb'],
    ['blbla=10004', '9e5ae7fc20568ed4814c10967bba8b65'],
    ['123456789', '25f9e794323b453885f5181f1b624d0b'],
    ['A-TEST-BARCODE-STRING', '3d59ca755c793639dd69da2cd077a54f'],
    ['{"stockitem": 522}', 'c82c98b4b5fdb7b13c353c7c657f2d9b'],
  ])('%s → %s', (input, hash) => {
    expect(hashBarcode(input)).toBe(hash);
  });

  it('drops tab and newline (and other control characters) before hashing', () => {
    expect(hashBarcode('a\tb')).toBe('187ef4436122d1cc2f40dc2b92f0eba0');
    expect(hashBarcode('a\nb')).toBe('187ef4436122d1cc2f40dc2b92f0eba0');
    expect(hashBarcode('ab')).toBe('187ef4436122d1cc2f40dc2b92f0eba0');
  });

  it('hashes an ECIA label as if GS/RS/EOT were absent (DigiKey and Mouser samples)', () => {
    const mouser =
      '[)>\u001e06\u001dKP0-1337\u001d14K011\u001d1PMC34063ADR\u001dQ3\u001d11K073121337\u001d4LMX\u001d1VTI\u001e\u0004';
    expect(hashBarcode(mouser)).toBe('7ba170f11aeabf663c63a65f363411b0');
  });

  it('hashes UTF-8 bytes of non-ASCII text', () => {
    // md5("ä") over its UTF-8 bytes c3 a4
    expect(hashBarcode('ä')).toBe('8419b71c87a225a2c70b50486fbee545');
  });
});

describe('pyStrip', () => {
  it('strips FS/GS/RS/US and NBSP like Python, but not EOT or U+FEFF', () => {
    expect(pyStrip('\u001d\u001e abc \u00a0\u001f')).toBe('abc');
    expect(pyStrip('\u0004abc\u0004')).toBe('\u0004abc\u0004');
    expect(pyStrip('\ufeffabc')).toBe('\ufeffabc');
  });
});
