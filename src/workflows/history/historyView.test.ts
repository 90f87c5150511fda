import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { transcript } from '../../api/testing/transcripts.ts';
import { parsePythonRepr } from '../../api/pythonRepr.ts';
import { prettyReadable, readableRecord, readableValue } from './readableRecord.ts';
import {
  csvCell,
  endpointLabel,
  groupFailures,
  groupSentence,
  historyCsv,
  isUnmatched,
  outcomeText,
  serverWallClock,
  userLabel,
  type HistoryRow,
} from './historyView.ts';

interface Page {
  results: HistoryRow[];
}
const page1 = (transcript('148-history-list-page').response.body as Page).results;
const page2 = (transcript('149-history-list-page-2').response.body as Page).results;
const ascending = (transcript('150-history-list-ordering-timestamp').response.body as Page).results;

describe('Python repr strings made readable', () => {
  it('a nested match dict (148 row 75 response.stockitem)', () => {
    const stored = (page1[0]!.response as Record<string, string>).stockitem;
    expect(stored).toBe("{'pk': 231, 'api_url': '/api/stock/231/', 'web_url': '/stock/item/231/'}");
    expect(readableValue(stored)).toEqual({ pk: 231, api_url: '/api/stock/231/', web_url: '/stock/item/231/' });
  });

  it('a validation error with ErrorDetail and an escaped quote (148 row 73)', () => {
    const stored = (page1[2]!.response as Record<string, string>).error;
    expect(readableValue(stored)).toEqual({ line: ['Invalid pk "999999" - object does not exist.'] });
  });

  it('a bare ErrorDetail list (so-allocate errors)', () => {
    expect(readableValue("[ErrorDetail(string='No matching line item found', code='invalid')]")).toEqual([
      'No matching line item found',
    ]);
  });

  it('None, True/False, numbers, tuples, escapes and Decimal', () => {
    expect(readableValue('None')).toBeNull();
    expect(
      parsePythonRepr(
        "{'a': True, 'b': False, 'c': None, 'd': -1.5, 'e': (1, 2), 'f': 'it\\'s', 'g': Decimal('10.50')}",
      ),
    ).toEqual({
      a: true,
      b: false,
      c: null,
      d: -1.5,
      e: [1, 2],
      f: "it's",
      g: '10.50',
    });
    expect(parsePythonRepr("'\\x1d\\u00e9'")).toBe('\u001dé');
  });

  it('leaves plain strings, barcode data and broken reprs as stored', () => {
    expect(readableValue('Match found for barcode data')).toBe('Match found for barcode data');
    expect(readableValue('5.00000')).toBe('5.00000');
    expect(readableValue('{pbn:PICK2009291337,on:SO2009291337}')).toBe('{pbn:PICK2009291337,on:SO2009291337}');
    expect(readableValue("{'unterminated: 1")).toBe("{'unterminated: 1");
    // JSON barcode data is data, not a repr: kept exactly even under a non-raw key.
    expect(readableValue('{"part": 69}')).toBe('{"part": 69}');
    const r = readableRecord({ barcode_data: "{'stockitem': 1}", plugin: 'None' }) as Record<string, unknown>;
    expect(r.barcode_data).toBe("{'stockitem': 1}");
    expect(r.plugin).toBeNull();
  });

  it('pretty text keeps control characters visible as escapes and survives hostile keys', () => {
    const text = prettyReadable({ barcode_data: '[)>\u001e06\u001d', response: "{'__proto__': 1}" });
    expect(text).toContain('\\u001e06\\u001d');
    expect(text).toContain('"__proto__": 1');
    expect(prettyReadable(null)).toBe('—');
  });
});

describe('rows in words', () => {
  it('endpoint names', () => {
    expect(endpointLabel('/api/barcode/so-allocate/')).toBe('Allocate to sales order');
    expect(endpointLabel('/api/barcode/')).toBe('Scan');
    expect(endpointLabel('/api/barcode/po-receive/')).toBe('Receive');
    expect(endpointLabel('/api/custom/')).toBe('/api/custom/');
    expect(endpointLabel(null)).toBe('—');
  });

  it('users', () => {
    expect(userLabel(page1[0]!)).toBe('Ronald Reader (reader)');
    expect(userLabel(page1[1]!)).toBe('admin');
    expect(userLabel({ user: null, user_detail: null })).toBe('—');
  });

  it('outcome messages, with reprs unwrapped', () => {
    expect(outcomeText(page1[0]!)).toBe('Stock item allocated to sales order');
    expect(outcomeText(page1[1]!)).toBe('Nothing allocated (no single open shipment)');
    expect(outcomeText(page1[2]!)).toBe('Line item: Invalid pk "999999" - object does not exist.');
    expect(outcomeText(page2[2]!)).toBe('No matching plugin found for barcode data');
    expect(outcomeText(ascending[0]!)).toBe('Match found for barcode data');
  });

  it('unmatched failures can be linked', () => {
    expect(isUnmatched(page2[2]!)).toBe(true);
    expect(isUnmatched(page1[2]!)).toBe(false);
    expect(isUnmatched(page1[0]!)).toBe(false);
  });
});

describe('failures grouped by barcode data', () => {
  const row = (
    pk: number,
    data: string,
    result: boolean,
    minute: number,
    error = 'No match found for barcode data',
  ): HistoryRow => ({
    pk,
    data,
    timestamp: `2026-11-27 00:${String(minute).padStart(2, '0')}`,
    endpoint: '/api/barcode/',
    context: {},
    response: result ? { success: 'Match found for barcode data' } : { plugin: 'None', error },
    result,
    user: 1,
    user_detail: { pk: 1, username: 'admin', first_name: '', last_name: '', email: '' },
  });

  it('counts, orders by frequency and says whether it ever matched', () => {
    const failures = [
      ...Array.from({ length: 14 }, (_, i) => row(i + 1, 'SHELF-9', false, i)),
      row(20, 'X1', false, 30),
      row(21, 'X1', false, 31, 'Item has already been received'),
    ];
    const groups = groupFailures(failures, [row(30, 'X1', true, 40)]);
    expect(groups.map((g) => [g.data, g.failures, g.matches, g.unmatched])).toEqual([
      ['SHELF-9', 14, 0, true],
      ['X1', 2, 1, false],
    ]);
    expect(groupSentence(groups[0]!)).toBe('seen 14 times, never matched');
    expect(groupSentence(groups[1]!)).toBe('seen 2 times, matched 1 time');
    expect(groups[1]!.lastError).toBe('Item has already been received');
    expect(groups[0]!.lastSeen).toBe('2026-11-27 00:13');
  });
});

describe('CSV export', () => {
  it('quotes, guards formulas and shows control characters', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe("'-5");
    const csv = historyCsv([page1[0]!, { ...page2[2]!, data: '[)>\u001e06\u001dP1' }]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,timestamp,user,workflow,endpoint,result,barcode,outcome');
    expect(lines[1]).toBe(
      '75,2026-11-27 00:29,reader,Allocate to sales order,/api/barcode/so-allocate/,success,"{""stockitem"": 231}",Stock item allocated to sales order',
    );
    expect(lines[2]).toContain('[)>\u241e06\u241dP1');
    expect(lines).toHaveLength(3);
  });
});

describe('in German', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('server times keep their digits and read as a German date; server texts stay as sent', async () => {
    const at = serverWallClock('2026-12-04 17:22');
    expect(at).not.toBeNull();
    expect(formatDateTime(at!)).toBe('12/04/2026 05:22 PM');
    await i18n.changeLanguage('de');
    expect(formatDateTime(at!)).toBe('04.12.2026 17:22');
    expect(serverWallClock('yesterday')).toBeNull();
    // InvenTree's own sentence is shown as sent; the app's own word is translated.
    expect(outcomeText(ascending[0]!)).toBe('Match found for barcode data');
    expect(outcomeText({ response: {}, result: false, endpoint: '/api/barcode/' })).toBe('Fehlgeschlagen');
    expect(groupSentence({ failures: 9, matches: 0 })).toBe('9-mal gesehen, nie gefunden');
    expect(groupSentence({ failures: 1000, matches: 1 })).toBe('1.000-mal gesehen, 1-mal gefunden');
  });
});
