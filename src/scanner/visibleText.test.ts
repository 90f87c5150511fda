import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, visibleSegments, visibleText } from './visibleText.ts';

describe('visibleText', () => {
  it('shows GS, RS and EOT of a supplier label as control pictures', () => {
    expect(visibleText('[)>\u001e06\u001dPABC\u001e\u0004')).toBe('[)>␞06␝PABC␞␄');
  });

  it('shows every C0 control, DEL and NUL as a picture', () => {
    expect(visibleText('a\u0000b\tc\nd\re\u001bf\u007f')).toBe('a␀b␉c␊d␍e␛f␡');
  });

  it('shows bidi marks and overrides as \\u{…} so they cannot reorder the text', () => {
    expect(visibleText('abc\u202Eexe.txt')).toBe('abc\\u{202E}exe.txt');
    expect(visibleText('\u200Fx\u200E\u2066y\u2069\u061C')).toBe('\\u{200F}x\\u{200E}\\u{2066}y\\u{2069}\\u{61C}');
  });

  it('shows zero-width and odd spaces, soft hyphen, BOM, C1 controls and lone surrogates', () => {
    expect(visibleText('a\u200Bb\u00ADc\uFEFFd\u00A0e\u2028f\u0085g\uD800h')).toBe(
      'a\\u{200B}b\\u{AD}c\\u{FEFF}d\\u{A0}e\\u{2028}f\\u{85}g\\u{D800}h',
    );
  });

  it('leaves ordinary text, spaces, accents, CJK, Arabic letters and emoji alone', () => {
    for (const s of [
      'INV-SI12',
      '{"stockitem": 12}',
      'Résistance 10 kΩ',
      '部品 12',
      'مخزن',
      '📦 box',
      '❤️',
      '👩‍🔧',
      '1️⃣',
    ]) {
      expect(visibleText(s)).toBe(s);
      expect(hasHiddenCharacters(s)).toBe(false);
    }
  });

  it('a zero-width joiner outside an emoji is shown', () => {
    expect(visibleText('ab\u200Dcd')).toBe('ab\\u{200D}cd');
  });

  it('segments mark the stand-ins with a readable name', () => {
    expect(visibleSegments('01\u001d21')).toEqual([
      { text: '01', kind: 'text' },
      { text: '␝', kind: 'control', name: 'GS (group separator), U+001D' },
      { text: '21', kind: 'text' },
    ]);
    expect(visibleSegments('\u202E')[0]!.name).toBe('right-to-left override, U+202E');
  });

  it('over any string: the output has no invisible or direction-changing characters left', () => {
    const dangerous = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/u;
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const shown = visibleText(s);
        // ZWJ inside emoji is the only permitted survivor.
        return !dangerous.test(shown.replace(/\p{Extended_Pictographic}\u200D(?=\p{Extended_Pictographic})/gu, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('over any string: showing is idempotent (the output holds nothing left to replace)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => visibleText(visibleText(s)) === visibleText(s)),
      { numRuns: 500 },
    );
  });

  it('over any string: each character is kept or replaced by exactly one stand-in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const segs = visibleSegments(s);
        const count = segs.reduce((n, x) => n + (x.kind === 'text' ? [...x.text].length : 1), 0);
        const plain = segs
          .filter((x) => x.kind === 'text')
          .map((x) => x.text)
          .join('');
        // Plain runs, in order, are a subsequence of the original.
        let at = 0;
        for (const ch of plain) {
          at = s.indexOf(ch, at);
          if (at < 0) return false;
          at += ch.length;
        }
        return count === [...s].length;
      }),
      { numRuns: 300 },
    );
  });
});
