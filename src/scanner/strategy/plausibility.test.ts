import { describe, expect, it } from 'vitest';
import { expandUpcE, gs1CheckDigitOk, isPlausible } from './plausibility.ts';

describe('plausibility of decoded text', () => {
  it('checks GS1 check digits of real EAN-13 / UPC-A / EAN-8 codes', () => {
    expect(gs1CheckDigitOk('9780804816632')).toBe(true);
    expect(gs1CheckDigitOk('9780804816633')).toBe(false);
    expect(isPlausible('EAN_13', '5030159003930')).toBe(true);
    expect(isPlausible('EAN_13', '5030159003931')).toBe(false);
    expect(isPlausible('UPC_A', '036602301467')).toBe(true);
    expect(isPlausible('UPC_A', '0036602301467')).toBe(false);
    expect(isPlausible('EAN_8', '96385074')).toBe(true);
    expect(isPlausible('EAN_8', '96385075')).toBe(false);
  });

  it('rejects EAN-13 prefixes GS1 never allocates (140-199), such as a Japanese book price code', () => {
    expect(isPlausible('EAN_13', '1920081045006')).toBe(false);
    expect(isPlausible('EAN_13', '1400000000007')).toBe(false);
    expect(isPlausible('EAN_13', '9784872348880')).toBe(true);
    // 100-139 is GS1 US, 200-299 restricted circulation (in-house labels).
    expect(isPlausible('EAN_13', '1390000000001')).toBe(true);
    expect(isPlausible('EAN_13', '2000000000008')).toBe(true);
  });

  it('expands UPC-E to UPC-A before checking', () => {
    expect(expandUpcE('01234565')).toBe('012345000065');
    expect(isPlausible('UPC_E', '01234565')).toBe(true);
    expect(isPlausible('UPC_E', '01234566')).toBe(false);
    expect(isPlausible('UPC_E', '21234565')).toBe(false);
  });

  it('rejects ITF with an odd digit count or too short', () => {
    expect(isPlausible('ITF', '30712345000010')).toBe(true);
    expect(isPlausible('ITF', '1234567')).toBe(false);
    expect(isPlausible('ITF', '1234')).toBe(false);
  });

  it('rejects short Code 39 and Codabar made of start/stop letters only', () => {
    expect(isPlausible('CODE_39', 'AB')).toBe(false);
    expect(isPlausible('CODE_39', 'INV-SI12')).toBe(true);
    expect(isPlausible('CODABAR', 'CCCC')).toBe(false);
    expect(isPlausible('CODABAR', 'A40156B')).toBe(true);
    expect(isPlausible('CODABAR', '12')).toBe(false);
  });

  it('accepts any non-empty 2D and Code 128 text', () => {
    expect(isPlausible('QR_CODE', '{"stockitem": 12}')).toBe(true);
    expect(isPlausible('CODE_128', 'X')).toBe(true);
    expect(isPlausible('QR_CODE', '')).toBe(false);
  });

  it('checks the main digits of a retail code with an EAN-2/EAN-5 add-on, and the add-on length', () => {
    expect(isPlausible('EAN_13', '978123456789751299')).toBe(true);
    expect(isPlausible('EAN_13', '590123412345712')).toBe(true);
    expect(isPlausible('EAN_13', '978123456789851299')).toBe(false);
    expect(isPlausible('EAN_13', '9781234567897512')).toBe(false);
    expect(isPlausible('UPC_A', '03600029145212')).toBe(true);
    expect(isPlausible('UPC_E', '0123456552495')).toBe(true);
    expect(isPlausible('UPC_E', '0123456652495')).toBe(false);
  });
});
