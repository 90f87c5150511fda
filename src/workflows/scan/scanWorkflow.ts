/**
 * The scan workflow as a pure state machine: a scan is looked up with `POST /api/barcode/`; a match
 * then loads the object from its `api_url` so the card can show it. Scans keep coming while answers
 * are in flight (continuous scanning), so every lookup carries a sequence number: the card shows the
 * newest scan only, while every scan's own outcome still goes to the session log.
 *
 * `step(state, event)` returns the next state, the effects the page must run, and (when a lookup
 * finished) the log outcome for that scan. No React, no fetch: answers are replayed in unit tests.
 */
import { isRecord } from '../../api/answerFields.ts';
import { ApiError } from '../../api/apiError.ts';
import { extractMatches, modelTitle, type BarcodeMatch } from '../../api/models.ts';
import { chooseMatch } from '../../api/supplierLabel.ts';
import { summarizeObject } from '../../api/objects.ts';
import { refuseBarcode } from '../../scanner/barcodeLimits.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';

/** An answer as the page got it: the parsed body, or the ApiError's essentials. */
export type LookupAnswer =
  | { ok: true; body: unknown }
  | { ok: false; status: number | null; body: unknown; message: string; nextStep?: string | null };

export type ScanOutcome =
  | { kind: 'match'; barcode: string; match: BarcodeMatch; plugin: string | null; /** Other objects of the same answer (API 425 supplier labels). */ others?: BarcodeMatch[] }
  /** The server knows no object for this barcode; `message` is the server's reason. */
  | { kind: 'noMatch'; barcode: string; hash: string | null; message: string }
  | { kind: 'error'; barcode: string; message: string; nextStep: string | null; status: number | null }
  /** Server mode without a server: kept in the offline queue; its answer comes later. */
  | { kind: 'queued'; barcode: string; reason: string | null };

export type ObjectLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; detail: Record<string, unknown> }
  | { status: 'failed'; message: string };

export interface ScanAttempt {
  seq: number;
  scan: ScanEvent;
  /** Session log entry this scan was recorded under, so its outcome lands there. */
  logId: number | null;
  result: ScanOutcome | null;
  object: ObjectLoad;
  /**
   * The same code was scanned again while its result was on screen (the label is still in front of
   * the camera): the previous result stays visible while the new lookup runs, instead of blinking.
   */
  refreshing: boolean;
  /** A loadObject effect for this attempt is outstanding. */
  objectPending: boolean;
}

export interface ScanState {
  /** Sequence number of the newest lookup started. */
  seq: number;
  /** The newest scan: the one the result card shows. */
  current: ScanAttempt | null;
  /** Lookups still waiting for an answer, by seq, whatever the card shows. */
  inFlight: Record<number, { logId: number | null; barcode: string }>;
}

export type ScanWorkflowEvent =
  | { type: 'scan'; scan: ScanEvent; logId?: number | null }
  | { type: 'lookupAnswer'; seq: number; answer: LookupAnswer }
  | { type: 'objectAnswer'; seq: number; answer: LookupAnswer }
  /** The lookup went to the offline queue instead (reason: why the server could not be used). */
  | { type: 'queued'; seq: number; reason: string | null }
  | { type: 'dismiss' };

export type ScanEffect =
  | { kind: 'lookup'; seq: number; barcode: string }
  | { kind: 'loadObject'; seq: number; match: BarcodeMatch };

/** What the session log should say about one finished lookup. */
export interface LogOutcome {
  logId: number | null;
  tone: 'success' | 'notFound' | 'error';
  result: string;
  /** In-app route for a follow-up (link an unknown barcode). */
  to?: string;
}

export interface ScanStep {
  state: ScanState;
  effects: ScanEffect[];
  /** A lookup finished: its log entry's outcome (and the moment for feedback). */
  log: LogOutcome | null;
  /** The matched object loaded: a better line for its log entry (no new feedback). */
  relabel?: { logId: number; result: string };
}

export const initialScanState: ScanState = { seq: 0, current: null, inFlight: {} };

/** InvenTree's own limit for barcode data (BEHAVIOUR 1.3); longer input is refused before sending. */
export { MAX_BARCODE_LENGTH } from '../../scanner/barcodeLimits.ts';

/** Route of the link workflow for an unknown barcode. The barcode text is data, never a secret. */
export function linkRoute(barcode: string): string {
  return `/link?barcode=${encodeURIComponent(barcode)}`;
}

/**
 * Read a `POST /api/barcode/` answer (v291, BEHAVIOUR 2.1): 200 with a model key is a match; 200
 * with `error` is a plugin failure; 400 with `barcode_hash` + `error` is "no plugin matched";
 * anything else (field errors, 401, 500, network) is an error with the client's message.
 */
export function readLookupAnswer(barcode: string, answer: LookupAnswer): Exclude<ScanOutcome, { kind: 'queued' }> {
  if (answer.ok) {
    const body = answer.body;
    if (isRecord(body) && typeof body.error === 'string' && body.error) {
      return { kind: 'error', barcode, message: body.error, nextStep: null, status: 200 };
    }
    // A supplier label on API 425 matches several objects: the card shows the part (else the
    // supplier part), the others are listed beside it.
    const { chosen: match, others } = chooseMatch(extractMatches(body), 'card');
    if (match) {
      const plugin = isRecord(body) && typeof body.plugin === 'string' ? body.plugin : null;
      return others.length > 0 ? { kind: 'match', barcode, match, plugin, others } : { kind: 'match', barcode, match, plugin };
    }
    return {
      kind: 'error',
      barcode,
      message: 'The server answered, but named no object for this barcode.',
      nextStep: null,
      status: 200,
    };
  }
  const body = answer.body;
  if (answer.status === 400 && isRecord(body) && typeof body.error === 'string' && 'barcode_hash' in body) {
    return {
      kind: 'noMatch',
      barcode,
      hash: typeof body.barcode_hash === 'string' ? body.barcode_hash : null,
      message: body.error,
    };
  }
  return {
    kind: 'error',
    barcode,
    message: answer.message,
    nextStep: answer.nextStep ?? null,
    status: answer.status,
  };
}

/** An answer from whatever a request threw: ApiError keeps its status and body. */
export function failureAnswer(error: unknown): LookupAnswer {
  if (error instanceof ApiError) {
    return { ok: false, status: error.status, body: error.body, message: error.message, nextStep: error.nextStep };
  }
  const message = error instanceof Error && error.message ? error.message : 'Something went wrong.';
  return { ok: false, status: null, body: null, message };
}

/** "Stock item · R_1K_0805_1% × 1000" — what a found object is, in one log line. */
export function matchLine(match: BarcodeMatch, detail: Record<string, unknown>): string {
  const summary = summarizeObject(match.model, detail);
  const qty = summary.model === 'stockitem' && summary.quantity !== null ? ` × ${summary.quantity.toLocaleString('en')}` : '';
  return `${modelTitle(match.model)} · ${summary.title}${qty}`;
}

/** A queued scan has no outcome here: the offline queue writes its log line. */
function logFor(result: Exclude<ScanOutcome, { kind: 'queued' }>, logId: number | null): LogOutcome {
  switch (result.kind) {
    case 'match':
      return { logId, tone: 'success', result: `${modelTitle(result.match.model)} #${result.match.pk}` };
    case 'noMatch':
      return { logId, tone: 'notFound', result: 'No match', to: linkRoute(result.barcode) };
    case 'error':
      return { logId, tone: 'error', result: result.message };
  }
}

export function step(state: ScanState, event: ScanWorkflowEvent): ScanStep {
  switch (event.type) {
    case 'scan': {
      const seq = state.seq + 1;
      const logId = event.logId ?? null;
      const barcode = event.scan.text;
      const prev = state.current;
      const again = prev !== null && prev.scan.text === barcode && prev.result !== null;
      const attempt: ScanAttempt = again
        ? { seq, scan: event.scan, logId, result: prev.result, object: prev.object, refreshing: true, objectPending: false }
        : { seq, scan: event.scan, logId, result: null, object: { status: 'idle' }, refreshing: false, objectPending: false };
      // Refused locally: the server would only answer with a field error (BEHAVIOUR 1.3).
      // Characters as InvenTree counts them (code points after trimming), the same rule ScanInput applies.
      const refusal = barcode.trim() === '' ? 'The barcode is empty.' : (refuseBarcode(barcode)?.message ?? null);
      if (refusal) {
        const result = { kind: 'error' as const, barcode, message: refusal, nextStep: null, status: null };
        return {
          state: { ...state, seq, current: { ...attempt, result, object: { status: 'idle' }, refreshing: false } },
          effects: [],
          log: logFor(result, logId),
        };
      }
      return {
        state: { seq, current: attempt, inFlight: { ...state.inFlight, [seq]: { logId, barcode } } },
        effects: [{ kind: 'lookup', seq, barcode }],
        log: null,
      };
    }
    case 'queued': {
      const flight = state.inFlight[event.seq];
      if (flight === undefined) return { state, effects: [], log: null };
      const { barcode } = flight;
      const inFlight = { ...state.inFlight };
      delete inFlight[event.seq];
      const current = state.current;
      const result: ScanOutcome = { kind: 'queued', barcode, reason: event.reason };
      const next = current && current.seq === event.seq ? { ...current, result, object: { status: 'idle' } as ObjectLoad, refreshing: false, objectPending: false } : current;
      return { state: { ...state, inFlight, current: next }, effects: [], log: null };
    }
    case 'lookupAnswer': {
      const current0 = state.current;
      // A queued scan's answer arrives from the queue: the card takes it while it still shows that scan.
      const fromQueue = !(event.seq in state.inFlight) && current0 !== null && current0.seq === event.seq && current0.result?.kind === 'queued';
      if (fromQueue) {
        const result = readLookupAnswer(current0.scan.text, event.answer);
        const object: ObjectLoad = result.kind === 'match' ? (result.match.instance ? { status: 'loaded', detail: result.match.instance } : { status: 'loading' }) : { status: 'idle' };
        const loadNeeded = result.kind === 'match' && !result.match.instance;
        return {
          // logId null: the queue owns this scan's log line, so loading the object does not relabel it.
          state: { ...state, current: { ...current0, logId: null, result, object, refreshing: false, objectPending: loadNeeded } },
          effects: loadNeeded && result.kind === 'match' ? [{ kind: 'loadObject', seq: current0.seq, match: result.match }] : [],
          log: null,
        };
      }
      const flight = state.inFlight[event.seq];
      if (flight === undefined) return { state, effects: [], log: null };
      const { logId, barcode } = flight;
      const inFlight = { ...state.inFlight };
      delete inFlight[event.seq];
      const current = state.current;
      const result = readLookupAnswer(barcode, event.answer);
      const log = logFor(result, logId);
      // The card shows this answer when it belongs to the card's scan, or when the card still waits
      // for the same code scanned again (on a slow server, an earlier identical lookup answers first).
      const forCard =
        current !== null && (current.seq === event.seq || (current.result === null && current.scan.text === barcode));
      if (!current || !forCard) {
        // A newer scan owns the card; this answer only updates the log.
        return { state: { ...state, inFlight }, effects: [], log };
      }
      if (result.kind !== 'match') {
        return { state: { ...state, inFlight, current: { ...current, result, object: { status: 'idle' }, refreshing: false, objectPending: false } }, effects: [], log };
      }
      const instance = result.match.instance;
      // Same object as on screen: keep showing it while its details are fetched again.
      const shown = current.result?.kind === 'match' && current.object.status === 'loaded' ? current : null;
      const sameObject =
        shown !== null &&
        shown.result?.kind === 'match' &&
        shown.result.match.model === result.match.model &&
        shown.result.match.pk === result.match.pk;
      const object: ObjectLoad = instance
        ? { status: 'loaded', detail: instance }
        : sameObject
          ? current.object
          : { status: 'loading' };
      const next: ScanAttempt = { ...current, result, object, refreshing: false, objectPending: !instance };
      const effects: ScanEffect[] = instance ? [] : [{ kind: 'loadObject', seq: current.seq, match: result.match }];
      return { state: { ...state, inFlight, current: next }, effects, log };
    }
    case 'objectAnswer': {
      const current = state.current;
      if (!current || current.seq !== event.seq || !current.objectPending) {
        return { state, effects: [], log: null };
      }
      const fresh: ObjectLoad = event.answer.ok
        ? isRecord(event.answer.body)
          ? { status: 'loaded', detail: event.answer.body }
          : { status: 'failed', message: 'The server sent the object in a form StockScan cannot read.' }
        : { status: 'failed', message: event.answer.message };
      // A failed refresh keeps the details already shown.
      const object = fresh.status === 'failed' && current.object.status === 'loaded' ? current.object : fresh;
      const next: ScanStep = { state: { ...state, current: { ...current, object, objectPending: false } }, effects: [], log: null };
      if (object.status === 'loaded' && current.logId !== null && current.result?.kind === 'match') {
        next.relabel = { logId: current.logId, result: matchLine(current.result.match, object.detail) };
      }
      return next;
    }
    case 'dismiss':
      return { state: { ...state, current: null }, effects: [], log: null };
  }
}
