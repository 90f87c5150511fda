// The session log in German: the badge words the search finds, quantities read back with German
// separators, and the CSV header the supervisor reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { addScan, createSessionLog, type SessionLogEntry } from './sessionLog.ts';
import { matchesQuery, objectAndQuantity, sessionLogCsv } from './sessionLogExport.ts';

const entry = (extra: Partial<SessionLogEntry>): SessionLogEntry => ({
  id: 1,
  text: 'INV-SI330',
  source: 'wedge',
  format: null,
  at: Date.UTC(2026, 11, 4, 21, 5, 9),
  tone: 'success',
  result: 'Lagerartikel · M3-Schraube × 1.000,5',
  ...extra,
});

describe('session log in German', () => {
  beforeAll(() => i18n.changeLanguage('de'));
  afterAll(() => i18n.changeLanguage('en'));

  it('starts a scan as „Wird gesucht …“', () => {
    const { log, id } = addScan(createSessionLog(), { text: 'X', source: 'camera', format: null, at: 0 });
    expect(log.entries.find((e) => e.id === id)?.result).toBe('Wird gesucht …');
  });

  it('reads 1.000,5 as one thousand and a half', () => {
    expect(objectAndQuantity('Lagerartikel · M3-Schraube × 1.000,5')).toEqual({
      object: 'Lagerartikel · M3-Schraube',
      quantity: 1000.5,
    });
    expect(objectAndQuantity('2,5 × Bolzen zu PO-0001 hinzugefügt').quantity).toBe(2.5);
  });

  it('finds entries by the outcome word the badge shows', () => {
    expect(matchesQuery(entry({}), 'gefunden')).toBe(true);
    expect(matchesQuery(entry({ tone: 'notFound', result: 'Kein Treffer' }), 'gefunden')).toBe(false);
  });

  it('writes the CSV header and outcome in German, time and quantity machine-readable', () => {
    const lines = sessionLogCsv([entry({})], 'scan')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Zeit,Vorgang,Barcode,Ergebnis,Objekt,Anzahl');
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d,scan,INV-SI330,Gefunden,/);
    expect(lines[1]!.endsWith(',1000.5')).toBe(true);
  });
});
