import { describe, expect, it } from 'vitest';
import type { SessionLogEntry } from './sessionLog.ts';
import { csvField, localIsoTime, matchesQuery, objectAndQuantity, sessionLogCsv } from './sessionLogExport.ts';

const entry = (extra: Partial<SessionLogEntry>): SessionLogEntry => ({
  id: 1,
  text: '{"stockitem": 12}',
  source: 'camera',
  format: 'qrcode',
  at: Date.UTC(2026, 11, 4, 21, 5, 9),
  tone: 'success',
  result: 'Stock item · R_1K_0805_1% × 1,000',
  ...extra,
});

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF inside quotes), to check the writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('session log CSV', () => {
  it('has the supervisor’s columns, one line per scan, oldest first as given', () => {
    const csv = sessionLogCsv(
      [
        entry({}),
        entry({ id: 2, text: 'SOAK-1', tone: 'notFound', result: 'No match', at: Date.UTC(2026, 11, 4, 21, 6) }),
        entry({ id: 3, text: 'INV-SI5', tone: 'success', result: 'Allocated 5 × Blue Chair from stock item #5' }),
      ],
      'scan',
    );
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['time', 'workflow', 'barcode', 'outcome', 'object', 'quantity']);
    expect(rows[1]).toEqual([
      localIsoTime(Date.UTC(2026, 11, 4, 21, 5, 9)),
      'scan',
      '{"stockitem": 12}',
      'Found',
      'Stock item · R_1K_0805_1%',
      '1000',
    ]);
    expect(rows[2]).toEqual([localIsoTime(Date.UTC(2026, 11, 4, 21, 6)), 'scan', 'SOAK-1', 'No match', 'No match', '']);
    expect(rows[3]!.slice(4)).toEqual(['Allocated 5 × Blue Chair from stock item #5', '5']);
    expect(rows).toHaveLength(4);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('escapes commas, quotes and line breaks, and keeps formulas from running', () => {
    const hostile = 'A,"B"\r\nC';
    const rows = parseCsv(
      sessionLogCsv(
        [
          entry({ text: hostile, result: 'x, "y"' }),
          entry({ text: '=HYPERLINK("http://evil")', result: '@SUM(A1)' }),
          entry({ text: '-5', result: '+1' }),
        ],
        'stock/move',
      ),
    );
    expect(rows[1]!.slice(1, 3)).toEqual(['stock/move', 'A,"B"␍␊C']);
    expect(rows[1]![4]).toBe('x, "y"');
    expect(rows[2]![2]).toBe(`'=HYPERLINK("http://evil")`);
    expect(rows[2]![4]).toBe(`'@SUM(A1)`);
    expect(rows[3]!.slice(2, 5)).toEqual([`'-5`, 'Found', `'+1`]);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(-3, { text: false })).toBe('-3');
  });

  it('writes control characters as the log shows them (GS of a supplier label)', () => {
    const rows = parseCsv(sessionLogCsv([entry({ text: '[)>\u001e06\u001dP123\u001d\u0004' })], 'scan'));
    expect(rows[1]![2]).toBe('[)>␞06␝P123␝␄');
  });

  it('gives local time with its offset', () => {
    expect(localIsoTime(Date.UTC(2026, 0, 2, 3, 4, 5))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(new Date(localIsoTime(Date.UTC(2026, 0, 2, 3, 4, 5))).getTime()).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
  });
});

describe('session log search and quantities', () => {
  it('matches barcode text, the object in the result, or the outcome word', () => {
    const e = entry({ text: 'INV-SI330', result: 'Stock item · M3 screw × 40', tone: 'success' });
    expect(matchesQuery(e, 'si330')).toBe(true);
    expect(matchesQuery(e, 'm3 SCREW')).toBe(true);
    expect(matchesQuery(e, 'found')).toBe(true);
    expect(matchesQuery(e, 'no match')).toBe(false);
    expect(matchesQuery(e, '  ')).toBe(true);
    expect(matchesQuery(entry({ text: 'A\u001dB' }), 'A␝B')).toBe(true);
  });

  it('reads the quantity from either side of ×', () => {
    expect(objectAndQuantity('Stock item · R_1K × 1,000')).toEqual({ object: 'Stock item · R_1K', quantity: 1000 });
    expect(objectAndQuantity('Added 2.5 × Bolt to PO-0001')).toEqual({
      object: 'Added 2.5 × Bolt to PO-0001',
      quantity: 2.5,
    });
    expect(objectAndQuantity('Part · Widget')).toEqual({ object: 'Part · Widget', quantity: null });
  });
});
