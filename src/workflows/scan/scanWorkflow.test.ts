import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapErrorBody } from '../../api/errorMapping.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import {
  type LookupAnswer,
  initialScanState,
  readLookupAnswer,
  step,
  type ScanState,
} from './scanWorkflow.ts';

interface Transcript {
  request: { method: string; path: string; body: { barcode?: string } | null };
  response: { status: number; body: unknown };
}

const transcript = (name: string): Transcript =>
  JSON.parse(readFileSync(new URL(`../../../e2e/fixtures/contract/transcripts/${name}`, import.meta.url), 'utf8'));

/** The answer the page hands the machine: the body on 2xx, the client's mapped error otherwise. */
function answerOf(t: Transcript): LookupAnswer {
  const { status, body } = t.response;
  if (status < 400) return { ok: true, body };
  const mapped = mapErrorBody(status, body, { method: t.request.method, path: t.request.path });
  return { ok: false, status, body, message: mapped.message, nextStep: mapped.nextStep };
}

const scanOf = (text: string, at = 1000): ScanEvent => ({ text, source: 'camera', format: 'QR_CODE', at });

function lookup(name: string) {
  const t = transcript(name);
  const barcode = t.request.body?.barcode ?? '';
  const first = step(initialScanState, { type: 'scan', scan: scanOf(barcode), logId: 7 });
  expect(first.effects).toEqual([{ kind: 'lookup', seq: 1, barcode }]);
  return step(first.state, { type: 'lookupAnswer', seq: 1, answer: answerOf(t) });
}

describe('scan workflow over v291 answers', () => {
  it('internal JSON barcode of a stock item: match, then loads the object from api_url', () => {
    const r = lookup('010-scan-stockitem.json');
    expect(r.state.current?.result).toMatchObject({
      kind: 'match',
      match: { model: 'stockitem', pk: 231, apiUrl: '/api/stock/231/', webUrl: '/stock/item/231/' },
      plugin: 'InvenTreeBarcode',
    });
    expect(r.effects).toEqual([{ kind: 'loadObject', seq: 1, match: expect.objectContaining({ pk: 231 }) }]);
    expect(r.log).toEqual({ logId: 7, tone: 'success', result: 'Stock item #231' });
    expect(r.state.current?.object.status).toBe('loading');
  });

  it.each([
    ['009-scan-part.json', 'part', 69],
    ['011-scan-stocklocation.json', 'stocklocation', 7],
    ['043-scan-short-part.json', 'part', 69],
    ['048-scan-linked-custom.json', 'stockitem', 231],
    ['098-scan-digikey.json', 'supplierpart', 1035],
  ])('%s matches %s %i', (file, model, pk) => {
    const r = lookup(file);
    expect(r.state.current?.result).toMatchObject({ kind: 'match', match: { model, pk } });
  });

  it.each(['019-scan-unknown.json', '018-scan-part-nonexistent-pk.json', '029-scan-digikey-no-supplierpart.json'])(
    '%s is no match, offering to link the barcode',
    (file) => {
      const t = transcript(file);
      const r = lookup(file);
      const body = t.response.body as { barcode_hash: string };
      expect(r.state.current?.result).toEqual({
        kind: 'noMatch',
        barcode: t.request.body?.barcode,
        hash: body.barcode_hash,
        message: 'No match found for barcode data',
      });
      expect(r.effects).toEqual([]);
      expect(r.log).toMatchObject({ tone: 'notFound', result: 'No match' });
      expect(r.log?.to).toBe(`/link?barcode=${encodeURIComponent(t.request.body?.barcode ?? '')}`);
    },
  );

  it('401 is an error with a plain message, never the raw body', () => {
    const r = lookup('026-scan-noauth.json');
    const result = r.state.current?.result;
    expect(result?.kind).toBe('error');
    if (result?.kind !== 'error') return;
    expect(result.status).toBe(401);
    expect(result.message).not.toMatch(/[{}[\]]/);
    expect(result.message.length).toBeGreaterThan(10);
    expect(r.log?.tone).toBe('error');
  });

  it('a 200 that carries `error` (plugin failure) is an error, not a match', () => {
    const body = {
      error: 'Found multiple matching supplier parts for barcode',
      plugin: 'DigiKeyPlugin',
      barcode_data: 'x',
      barcode_hash: 'h',
      success: 'Match found for barcode data',
    };
    expect(readLookupAnswer('x', { ok: true, body })).toMatchObject({
      kind: 'error',
      message: 'Found multiple matching supplier parts for barcode',
    });
  });

  it('field errors (overlong input) read as errors', () => {
    const t = transcript('023-scan-overlong-barcode.json');
    expect(readLookupAnswer('A', answerOf(t))).toMatchObject({ kind: 'error', status: 400 });
  });

  it('refuses empty and overlong barcodes without asking the server', () => {
    const empty = step(initialScanState, { type: 'scan', scan: scanOf('   '), logId: 1 });
    expect(empty.effects).toEqual([]);
    expect(empty.state.current?.result).toMatchObject({ kind: 'error', message: 'The barcode is empty.' });
    const long = step(initialScanState, { type: 'scan', scan: scanOf('A'.repeat(4096)), logId: 2 });
    expect(long.effects).toEqual([]);
    expect(long.log).toMatchObject({ logId: 2, tone: 'error' });
    expect(long.state.current?.result?.kind === 'error' && long.state.current.result.message).toMatch(/4,096.*4,095/);
  });

  it('a network failure is an error with the client message', () => {
    const s1 = step(initialScanState, { type: 'scan', scan: scanOf('X'), logId: 1 });
    const r = step(s1.state, {
      type: 'lookupAnswer',
      seq: 1,
      answer: { ok: false, status: null, body: null, message: 'The server could not be reached.' },
    });
    expect(r.state.current?.result).toMatchObject({ kind: 'error', status: null, message: 'The server could not be reached.' });
  });
});

describe('continuous scanning', () => {
  it('the card shows the newest scan; an older answer only resolves its own log entry', () => {
    let s: ScanState = initialScanState;
    s = step(s, { type: 'scan', scan: scanOf('UNKNOWN-1'), logId: 1 }).state;
    s = step(s, { type: 'scan', scan: scanOf('{"stockitem": 231}'), logId: 2 }).state;
    const t = transcript('010-scan-stockitem.json');
    const newer = step(s, { type: 'lookupAnswer', seq: 2, answer: answerOf(t) });
    const older = step(newer.state, {
      type: 'lookupAnswer',
      seq: 1,
      answer: answerOf(transcript('019-scan-unknown.json')),
    });
    expect(older.state.current?.scan.text).toBe('{"stockitem": 231}');
    expect(older.state.current?.result?.kind).toBe('match');
    expect(older.effects).toEqual([]);
    expect(older.log).toEqual({ logId: 1, tone: 'notFound', result: 'No match', to: '/link?barcode=UNKNOWN-1' });
    expect(older.state.inFlight).toEqual({});
  });

  it('a card waiting for a code shows the answer of an earlier identical lookup (slow server)', () => {
    const t = transcript('019-scan-unknown.json');
    const code = t.request.body?.barcode ?? '';
    let s = step(initialScanState, { type: 'scan', scan: scanOf(code), logId: 1 }).state;
    s = step(s, { type: 'scan', scan: scanOf(code, 4000), logId: 2 }).state;
    const first = step(s, { type: 'lookupAnswer', seq: 1, answer: answerOf(t) });
    expect(first.state.current).toMatchObject({ seq: 2, result: { kind: 'noMatch', barcode: code } });
    expect(first.log).toMatchObject({ logId: 1, tone: 'notFound' });
    const second = step(first.state, { type: 'lookupAnswer', seq: 2, answer: answerOf(t) });
    expect(second.log).toMatchObject({ logId: 2, tone: 'notFound' });
    expect(second.state.inFlight).toEqual({});
  });

  it('ignores a duplicate or unknown answer', () => {
    const s1 = step(initialScanState, { type: 'scan', scan: scanOf('X'), logId: 1 });
    const a: LookupAnswer = { ok: false, status: null, body: null, message: 'offline' };
    const once = step(s1.state, { type: 'lookupAnswer', seq: 1, answer: a });
    const twice = step(once.state, { type: 'lookupAnswer', seq: 1, answer: a });
    expect(twice.log).toBeNull();
    expect(twice.state).toBe(once.state);
  });

  it('object answer fills the card; a late one for an older scan is dropped', () => {
    const detail = JSON.parse(readFileSync(new URL('../../mock/data/details.json', import.meta.url), 'utf8'))
      .stockitem.body as Record<string, unknown>;
    const matched = lookup('010-scan-stockitem.json');
    const loaded = step(matched.state, { type: 'objectAnswer', seq: 1, answer: { ok: true, body: detail } });
    expect(loaded.state.current?.object).toEqual({ status: 'loaded', detail });
    // The plain v291 detail has no part_detail: the log line still names the model and quantity.
    expect(loaded.relabel).toEqual({ logId: 7, result: 'Stock item · Part 108 × 14' });
    expect(loaded.log).toBeNull();
    const withPart = step(matched.state, {
      type: 'objectAnswer',
      seq: 1,
      answer: { ok: true, body: { ...detail, part_detail: { pk: 108, name: 'Blue Chair', full_name: 'Blue Chair' } } },
    });
    expect(withPart.relabel?.result).toBe('Stock item · Blue Chair × 14');
    const next = step(matched.state, { type: 'scan', scan: scanOf('Y'), logId: 9 }).state;
    expect(step(next, { type: 'objectAnswer', seq: 1, answer: { ok: true, body: detail } }).state).toBe(next);
    const failed = step(matched.state, {
      type: 'objectAnswer',
      seq: 1,
      answer: { ok: false, status: 404, body: { detail: 'Not found.' }, message: 'Not found.' },
    });
    expect(failed.state.current?.object).toEqual({ status: 'failed', message: 'Not found.' });
  });

  it('the same code again (label still in view) keeps the card up while it is looked up and refreshed', () => {
    const detail = { pk: 231, part: 108, quantity: 14, location: 5 };
    const t = transcript('010-scan-stockitem.json');
    const code = t.request.body?.barcode ?? '';
    let s = step(initialScanState, { type: 'scan', scan: scanOf(code), logId: 1 }).state;
    s = step(s, { type: 'lookupAnswer', seq: 1, answer: answerOf(t) }).state;
    s = step(s, { type: 'objectAnswer', seq: 1, answer: { ok: true, body: detail } }).state;

    const again = step(s, { type: 'scan', scan: scanOf(code, 5000), logId: 2 });
    expect(again.state.current).toMatchObject({ seq: 2, refreshing: true, result: { kind: 'match' }, object: { status: 'loaded', detail } });
    const answered = step(again.state, { type: 'lookupAnswer', seq: 2, answer: answerOf(t) });
    expect(answered.state.current?.object).toEqual({ status: 'loaded', detail });
    expect(answered.effects).toEqual([{ kind: 'loadObject', seq: 2, match: expect.objectContaining({ pk: 231 }) }]);
    // The refresh brings the new quantity; a failed refresh would keep the old details.
    const failed = step(answered.state, { type: 'objectAnswer', seq: 2, answer: { ok: false, status: null, body: null, message: 'offline' } });
    expect(failed.state.current?.object).toEqual({ status: 'loaded', detail });
    const fresh = step(answered.state, { type: 'objectAnswer', seq: 2, answer: { ok: true, body: { ...detail, quantity: 13 } } });
    expect(fresh.state.current?.object).toEqual({ status: 'loaded', detail: { ...detail, quantity: 13 } });

    // A different code clears the card until its own answer arrives.
    const other = step(fresh.state, { type: 'scan', scan: scanOf('OTHER'), logId: 3 });
    expect(other.state.current).toMatchObject({ result: null, object: { status: 'idle' }, refreshing: false });
  });

  it('a newer server that sends `instance` needs no second request', () => {
    const body = {
      stockitem: { pk: 5, api_url: '/api/stock/5/', web_url: '/web/stock/item/5', instance: { pk: 5, quantity: 3 } },
      plugin: 'InvenTreeBarcode',
      success: 'Match found for barcode data',
    };
    const s1 = step(initialScanState, { type: 'scan', scan: scanOf('{"stockitem": 5}'), logId: 1 });
    const r = step(s1.state, { type: 'lookupAnswer', seq: 1, answer: { ok: true, body } });
    expect(r.effects).toEqual([]);
    expect(r.state.current?.object).toEqual({ status: 'loaded', detail: { pk: 5, quantity: 3 } });
  });
});
