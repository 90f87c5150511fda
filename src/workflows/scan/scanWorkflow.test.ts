import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerFromReply, BARCODE_PATHS, type ScanResult } from '../../api/barcode.ts';
import { readScanAnswer } from '../../api/barcodeAnswers.ts';
import type { Answer } from '../../api/httpAnswer.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { initialScanState, lookupOutcome, step, type ScanEffect, type ScanState } from './scanWorkflow.ts';

interface Transcript {
  request: { method: string; path: string; body: { barcode?: string } | null };
  response: { status: number; body: unknown };
}

const transcript = (name: string): Transcript =>
  JSON.parse(readFileSync(new URL(`../../../e2e/fixtures/contract/transcripts/${name}`, import.meta.url), 'utf8'));

/** The typed answer api/ hands the machine for a recorded reply. */
const answerOf = (t: Transcript): Answer<ScanResult> => reply(t.response.status, t.response.body);
const reply = (status: number, body: unknown): Answer<ScanResult> =>
  answerFromReply(BARCODE_PATHS.scan, status, body, readScanAnswer);
const failedAnswer = (status: number, body: unknown, message: string) => ({
  kind: 'failed' as const,
  failure: { status, body, message, nextStep: null },
});
const readLookupAnswer = (barcode: string, answer: Answer<ScanResult>) => lookupOutcome(barcode, answer);

const scanOf = (text: string, at = 1000): ScanEvent => ({ text, source: 'camera', format: 'QR_CODE', at });

/** The test's events: a scan with the session-log line the page gave it; answers to the request in flight. */
type TestEvent =
  | { type: 'scan'; scan: ScanEvent; logId: number }
  | { type: 'lookupAnswer'; answer: Answer<ScanResult> }
  | { type: 'objectAnswer'; answer: Answer<Record<string, unknown>> };

/**
 * What the page does around the machine (ScanPage's onStep): log lines are taken oldest first as
 * scans end, and the card's line is relabelled when its object loads.
 */
let pending: number[] = [];
let cardLog: { seq: number; logId: number } | null = null;
beforeEach(() => {
  pending = [];
  cardLog = null;
});

function run(state: ScanState, event: TestEvent) {
  const r =
    event.type === 'scan'
      ? (pending.push(event.logId), step(state, { type: 'scan', scan: event.scan }))
      : step(state, {
          type: 'answer',
          to: event.type === 'lookupAnswer' ? 'lookup' : 'loadObject',
          answer: event.answer,
        } as Parameters<typeof step>[1]);
  let log: { logId: number | undefined; tone: string; result: string; to?: string } | null = null;
  if (r.state.ended !== state.ended) {
    for (const e of r.state.ended) {
      const logId = pending.shift();
      if (!e.line) continue;
      log = { logId, ...e.line };
      if (logId !== undefined && e.seq === r.state.current?.seq) cardLog = { seq: e.seq, logId };
    }
  }
  const rl = r.state.relabel;
  const relabel =
    rl && rl !== state.relabel && cardLog?.seq === rl.seq ? { logId: cardLog.logId, result: rl.result } : undefined;
  const effects: ScanEffect[] = r.effect ? [r.effect] : [];
  return { state: r.state, effects, log, relabel };
}

function lookup(name: string) {
  const t = transcript(name);
  const barcode = t.request.body?.barcode ?? '';
  const first = run(initialScanState, { type: 'scan', scan: scanOf(barcode), logId: 7 });
  expect(first.effects).toEqual([{ kind: 'lookup', seq: 1, barcode }]);
  return run(first.state, { type: 'lookupAnswer', answer: answerOf(t) });
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

  it.each([
    ['019-scan-unknown.json', 'foreign', true],
    ['018-scan-part-nonexistent-pk.json', 'inventree', false],
    ['029-scan-digikey-no-supplierpart.json', 'supplier', false],
  ] as const)('%s is no match: a %s label, offered Link: %s', (file, kind, offered) => {
    const t = transcript(file);
    const r = lookup(file);
    const body = t.response.body as { barcode_hash: string };
    expect(r.state.current?.result).toEqual({
      kind: 'noMatch',
      barcode: t.request.body?.barcode,
      hash: body.barcode_hash,
      message: 'No match found for barcode data',
      label: expect.objectContaining({ kind }),
    });
    expect(r.effects).toEqual([]);
    expect(r.log).toMatchObject({ tone: 'notFound', result: 'No match' });
    // Linking helps only a barcode InvenTree does not read itself.
    expect(r.log?.to).toBe(offered ? `/link?barcode=${encodeURIComponent(t.request.body?.barcode ?? '')}` : undefined);
  });

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
    expect(readLookupAnswer('x', reply(200, body))).toMatchObject({
      kind: 'error',
      message: 'Found multiple matching supplier parts for barcode',
    });
  });

  it('field errors (overlong input) read as errors', () => {
    const t = transcript('023-scan-overlong-barcode.json');
    expect(readLookupAnswer('A', answerOf(t))).toMatchObject({ kind: 'error', status: 400 });
  });

  it('refuses empty and overlong barcodes without asking the server', () => {
    const empty = run(initialScanState, { type: 'scan', scan: scanOf('   '), logId: 1 });
    expect(empty.effects).toEqual([]);
    expect(empty.state.current?.result).toMatchObject({ kind: 'error', message: 'The barcode is empty.' });
    const long = run(initialScanState, { type: 'scan', scan: scanOf('A'.repeat(4096)), logId: 2 });
    expect(long.effects).toEqual([]);
    expect(long.log).toMatchObject({ logId: 2, tone: 'error' });
    expect(long.state.current?.result?.kind === 'error' && long.state.current.result.message).toMatch(/4,096.*4,095/);
  });

  it('a network failure is an error with the client message', () => {
    const s1 = run(initialScanState, { type: 'scan', scan: scanOf('X'), logId: 1 });
    const r = run(s1.state, {
      type: 'lookupAnswer',
      answer: failedAnswer(0, null, 'The server could not be reached.'),
    });
    expect(r.state.current?.result).toMatchObject({
      kind: 'error',
      status: null,
      message: 'The server could not be reached.',
    });
  });
});

describe('continuous scanning', () => {
  it('the card shows the newest scan; an older answer only resolves its own log entry', () => {
    let s: ScanState = initialScanState;
    s = run(s, { type: 'scan', scan: scanOf('UNKNOWN-1'), logId: 1 }).state;
    s = run(s, { type: 'scan', scan: scanOf('{"stockitem": 231}'), logId: 2 }).state;
    // Lookups go one at a time, in scan order: the older scan answers while the card shows the newer.
    const older = run(s, { type: 'lookupAnswer', answer: answerOf(transcript('019-scan-unknown.json')) });
    expect(older.state.current?.scan.text).toBe('{"stockitem": 231}');
    expect(older.state.current?.result).toBeNull();
    expect(older.log).toEqual({ logId: 1, tone: 'notFound', result: 'No match', to: '/link?barcode=UNKNOWN-1' });
    // No object is loaded for a scan the card no longer shows; the newer scan's lookup goes next.
    expect(older.effects).toEqual([{ kind: 'lookup', seq: 2, barcode: '{"stockitem": 231}' }]);
    const newer = run(older.state, { type: 'lookupAnswer', answer: answerOf(transcript('010-scan-stockitem.json')) });
    expect(newer.state.current?.scan.text).toBe('{"stockitem": 231}');
    expect(newer.state.current?.result?.kind).toBe('match');
    expect(newer.log).toEqual({ logId: 2, tone: 'success', result: 'Stock item #231' });
    expect(newer.state.queue).toEqual([]);
  });

  it('a card waiting for a code shows the answer of an earlier identical lookup (slow server)', () => {
    const t = transcript('019-scan-unknown.json');
    const code = t.request.body?.barcode ?? '';
    let s = run(initialScanState, { type: 'scan', scan: scanOf(code), logId: 1 }).state;
    s = run(s, { type: 'scan', scan: scanOf(code, 4000), logId: 2 }).state;
    const first = run(s, { type: 'lookupAnswer', answer: answerOf(t) });
    expect(first.state.current).toMatchObject({ seq: 2, result: { kind: 'noMatch', barcode: code } });
    expect(first.log).toMatchObject({ logId: 1, tone: 'notFound' });
    const second = run(first.state, { type: 'lookupAnswer', answer: answerOf(t) });
    expect(second.log).toMatchObject({ logId: 2, tone: 'notFound' });
    expect(second.state.inFlight).toBeNull();
  });

  it('ignores a duplicate or unknown answer', () => {
    const s1 = run(initialScanState, { type: 'scan', scan: scanOf('X'), logId: 1 });
    const a = failedAnswer(0, null, 'offline');
    const once = run(s1.state, { type: 'lookupAnswer', answer: a });
    const twice = run(once.state, { type: 'lookupAnswer', answer: a });
    expect(twice.log).toBeNull();
    expect(twice.state).toBe(once.state);
  });

  it('object answer fills the card; a late one for an older scan is dropped', () => {
    const detail = JSON.parse(readFileSync(new URL('../../mock/data/details.json', import.meta.url), 'utf8')).stockitem
      .body as Record<string, unknown>;
    const matched = lookup('010-scan-stockitem.json');
    const loaded = run(matched.state, { type: 'objectAnswer', answer: { kind: 'answered', value: detail } });
    expect(loaded.state.current?.object).toEqual({ status: 'loaded', detail });
    // The plain v291 detail has no part_detail: the log line still names the model and quantity.
    expect(loaded.relabel).toEqual({ logId: 7, result: 'Stock item · Part 108 × 14' });
    expect(loaded.log).toBeNull();
    const withPart = run(matched.state, {
      type: 'objectAnswer',
      answer: {
        kind: 'answered',
        value: { ...detail, part_detail: { pk: 108, name: 'Blue Chair', full_name: 'Blue Chair' } },
      },
    });
    expect(withPart.relabel?.result).toBe('Stock item · Blue Chair × 14');
    const next = run(matched.state, { type: 'scan', scan: scanOf('Y'), logId: 9 }).state;
    // The late answer leaves the newer scan's card as it is, relabels nothing, and lets its lookup go.
    const late = run(next, { type: 'objectAnswer', answer: { kind: 'answered', value: detail } });
    expect(late.state.current).toBe(next.current);
    expect(late.relabel).toBeUndefined();
    expect(late.effects).toEqual([{ kind: 'lookup', seq: 2, barcode: 'Y' }]);
    const failed = run(matched.state, {
      type: 'objectAnswer',
      answer: failedAnswer(404, { detail: 'Not found.' }, 'Not found.'),
    });
    expect(failed.state.current?.object).toEqual({ status: 'failed', message: 'Not found.' });
  });

  it('the same code again (label still in view) keeps the card up while it is looked up and refreshed', () => {
    const detail = { pk: 231, part: 108, quantity: 14, location: 5 };
    const t = transcript('010-scan-stockitem.json');
    const code = t.request.body?.barcode ?? '';
    let s = run(initialScanState, { type: 'scan', scan: scanOf(code), logId: 1 }).state;
    s = run(s, { type: 'lookupAnswer', answer: answerOf(t) }).state;
    s = run(s, { type: 'objectAnswer', answer: { kind: 'answered', value: detail } }).state;

    const again = run(s, { type: 'scan', scan: scanOf(code, 5000), logId: 2 });
    expect(again.state.current).toMatchObject({
      seq: 2,
      refreshing: true,
      result: { kind: 'match' },
      object: { status: 'loaded', detail },
    });
    const answered = run(again.state, { type: 'lookupAnswer', answer: answerOf(t) });
    expect(answered.state.current?.object).toEqual({ status: 'loaded', detail });
    expect(answered.effects).toEqual([{ kind: 'loadObject', seq: 2, match: expect.objectContaining({ pk: 231 }) }]);
    // The refresh brings the new quantity; a failed refresh would keep the old details.
    const failed = run(answered.state, { type: 'objectAnswer', answer: failedAnswer(0, null, 'offline') });
    expect(failed.state.current?.object).toEqual({ status: 'loaded', detail });
    const fresh = run(answered.state, {
      type: 'objectAnswer',
      answer: { kind: 'answered', value: { ...detail, quantity: 13 } },
    });
    expect(fresh.state.current?.object).toEqual({ status: 'loaded', detail: { ...detail, quantity: 13 } });

    // A different code clears the card until its own answer arrives.
    const other = run(fresh.state, { type: 'scan', scan: scanOf('OTHER'), logId: 3 });
    expect(other.state.current).toMatchObject({ result: null, object: { status: 'idle' }, refreshing: false });
  });

  it('a newer server that sends `instance` needs no second request', () => {
    const body = {
      stockitem: { pk: 5, api_url: '/api/stock/5/', web_url: '/web/stock/item/5', instance: { pk: 5, quantity: 3 } },
      plugin: 'InvenTreeBarcode',
      success: 'Match found for barcode data',
    };
    const s1 = run(initialScanState, { type: 'scan', scan: scanOf('{"stockitem": 5}'), logId: 1 });
    const r = run(s1.state, { type: 'lookupAnswer', answer: reply(200, body) });
    expect(r.effects).toEqual([]);
    expect(r.state.current?.object).toEqual({ status: 'loaded', detail: { pk: 5, quantity: 3 } });
  });
});

describe('one lookup at a time (the kit queue)', () => {
  it('a burst ends every scan in scan order, a refused one included', () => {
    let s: ScanState = initialScanState;
    const codes = ['INV-SI2', 'A'.repeat(4096), 'UNKNOWN-1', 'INV-SI3'];
    const first = run(s, { type: 'scan', scan: scanOf(codes[0] ?? ''), logId: 1 });
    s = first.state;
    for (const [i, code] of codes.slice(1).entries()) {
      const r = run(s, { type: 'scan', scan: scanOf(code), logId: i + 2 });
      expect(r.effects).toEqual([]);
      s = r.state;
    }
    expect(s.queue.map((q) => q.seq)).toEqual([2, 3, 4]);
    expect(s.current?.scan.text).toBe('INV-SI3');
    const unknown = answerOf(transcript('019-scan-unknown.json'));
    const a1 = run(s, { type: 'lookupAnswer', answer: unknown });
    // Scan 1 answered, scan 2 refused without a request, scan 3 goes to the server.
    expect(a1.state.ended.map((e) => [e.seq, e.line?.tone])).toEqual([
      [1, 'notFound'],
      [2, 'error'],
    ]);
    expect(a1.effects).toEqual([{ kind: 'lookup', seq: 3, barcode: 'UNKNOWN-1' }]);
    const a3 = run(a1.state, { type: 'lookupAnswer', answer: unknown });
    expect(a3.log).toMatchObject({ logId: 3, tone: 'notFound' });
    const a4 = run(a3.state, { type: 'lookupAnswer', answer: unknown });
    expect(a4.log).toMatchObject({ logId: 4, tone: 'notFound' });
    expect(a4.state.current?.result).toMatchObject({ kind: 'noMatch', barcode: 'INV-SI3' });
    expect(a4.state.inFlight).toBeNull();
  });

  it('a lookup kept in the offline queue: the card says so, and takes the answer when the queue sends it', () => {
    const t = transcript('010-scan-stockitem.json');
    const code = t.request.body?.barcode ?? '';
    const s1 = run(initialScanState, { type: 'scan', scan: scanOf(code), logId: 1 });
    const queued = step(s1.state, { type: 'queued', id: 'q-1', reason: 'Cannot reach the server.' });
    expect(queued.effect).toBeNull();
    expect(queued.state.ended).toEqual([{ seq: 1, line: null }]);
    expect(queued.state.current?.result).toEqual({
      kind: 'queued',
      barcode: code,
      reason: 'Cannot reach the server.',
      queueId: 'q-1',
    });
    expect(step(queued.state, { type: 'fromQueue', id: 'q-2', answer: answerOf(t) }).state).toBe(queued.state);
    const answered = step(queued.state, { type: 'fromQueue', id: 'q-1', answer: answerOf(t) });
    expect(answered.state.current?.result).toMatchObject({ kind: 'match', match: { model: 'stockitem', pk: 231 } });
    expect(answered.effect).toEqual({ kind: 'loadObject', seq: 1, match: expect.objectContaining({ pk: 231 }) });
    const loaded = step(answered.state, {
      type: 'answer',
      to: 'loadObject',
      answer: { kind: 'answered', value: { pk: 231, quantity: 3 } },
    });
    expect(loaded.state.current?.object).toEqual({ status: 'loaded', detail: { pk: 231, quantity: 3 } });
    // The queue owns that scan's log line: no relabel.
    expect(loaded.state.relabel).toBeNull();
  });
});
