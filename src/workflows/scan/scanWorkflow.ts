/**
 * The scan workflow on the kit: a scan is looked up with `POST /api/barcode/`; a match then loads
 * the object from its `api_url` so the card can show it. One request at a time (the kit's `Work`):
 * scans that arrive meanwhile wait in scan order, and the card shows the newest scan at once
 * ("Looking up…"), so a gun burst is logged in order and the card never goes back to an older code.
 * Only the card's scan loads its object; every scan's own outcome still goes to the session log.
 * No React, no fetch: answers are replayed in unit tests.
 */
import type { ScanResult } from '../../api/barcode.ts';
import { refuseBarcode } from '../../api/barcodeLimits.ts';
import { classifyLabel } from '../../api/labelKind.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { BarcodeMatch } from '../../api/models.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import {
  begin,
  finish,
  nextQueued,
  scanOrQueue,
  stay,
  type Answer,
  type AnswerEvent,
  type QueuedEvent,
  type ScanEventOf,
  type Transition,
  type Work,
} from '../kit/machine.ts';
import type { LogLine } from '../kit/useWorkflow.ts';
import { lookupOutcome, matchLine, outcomeLine, type ScanOutcome } from './scanOutcome.ts';

export { linkRoute, lookupOutcome, matchLine, type ScanOutcome } from './scanOutcome.ts';

export type ObjectLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; detail: Record<string, unknown> }
  | { status: 'failed'; message: string };

export interface ScanAttempt {
  seq: number;
  scan: ScanEvent;
  result: ScanOutcome | null;
  object: ObjectLoad;
  /**
   * The same code was scanned again while its result was on screen (the label is still in front of
   * the camera): the previous result stays visible while the new lookup runs, instead of blinking.
   */
  refreshing: boolean;
  /** A loadObject request for this attempt is outstanding. */
  objectPending: boolean;
  /** The answer came from the offline queue, which owns the log line: loading the object does not relabel it. */
  fromQueue?: boolean;
}

export type ScanEffect =
  { kind: 'lookup'; seq: number; barcode: string } | { kind: 'loadObject'; seq: number; match: BarcodeMatch };

export interface WaitingScan {
  seq: number;
  scan: ScanEvent;
}

/** A scan this step ended, oldest first: its log line, or null when the offline queue took the line. */
export interface EndedScan {
  seq: number;
  line: LogLine | null;
}

export interface ScanState extends Work<ScanEffect, WaitingScan> {
  /** Sequence number of the newest scan. */
  seq: number;
  /** The newest scan: the one the result card shows. */
  current: ScanAttempt | null;
  /** The scans the last step ended (a new array per step), in scan order: the page resolves their log lines. */
  ended: EndedScan[];
  /** The card's object loaded: a better line for that scan's log entry (no new feedback). */
  relabel: { seq: number; result: string } | null;
}

export type ScanWorkflowEvent =
  | ScanEventOf
  | AnswerEvent<'lookup', ScanResult>
  | AnswerEvent<'loadObject', Record<string, unknown>>
  | QueuedEvent
  /** A scan kept in the offline queue was answered from there: the card takes it while it still shows that scan. */
  | { type: 'fromQueue'; id: string; answer: Answer<ScanResult> }
  | { type: 'dismiss' };

export type ScanStep = Transition<ScanState, ScanEffect>;

export const initialScanState: ScanState = {
  inFlight: null,
  queue: [],
  seq: 0,
  current: null,
  ended: [],
  relabel: null,
};

/** Start a waiting scan: refused here when InvenTree would only answer with a field error (BEHAVIOUR 1.3). */
function start(state: ScanState, item: WaitingScan): ScanStep {
  const barcode = item.scan.text;
  // Characters as InvenTree counts them (code points after trimming), the same rule ScanInput applies.
  const refusal = barcode.trim() === '' ? i18n.t('wf-scan:refused.empty') : (refuseBarcode(barcode)?.message ?? null);
  if (!refusal) return begin(state, { kind: 'lookup', seq: item.seq, barcode });
  const label = classifyLabel(barcode, null);
  const result = { kind: 'error' as const, barcode, message: refusal, nextStep: null, status: null, label };
  const current =
    state.current?.seq === item.seq
      ? { ...state.current, result, object: { status: 'idle' as const }, refreshing: false }
      : state.current;
  return nextQueued(
    { ...state, current, ended: [...state.ended, { seq: item.seq, line: outcomeLine(result) }] },
    start,
  );
}

/** A new step: nothing ended yet. */
function fresh(state: ScanState): ScanState {
  return { ...state, ended: [], relabel: null };
}

export function step(state: ScanState, event: ScanWorkflowEvent): ScanStep {
  switch (event.type) {
    case 'scan': {
      const seq = state.seq + 1;
      const prev = state.current;
      const again = prev !== null && prev.scan.text === event.scan.text && prev.result !== null;
      const current: ScanAttempt = again
        ? { seq, scan: event.scan, result: prev.result, object: prev.object, refreshing: true, objectPending: false }
        : { seq, scan: event.scan, result: null, object: { status: 'idle' }, refreshing: false, objectPending: false };
      return scanOrQueue({ ...fresh(state), seq, current }, { seq, scan: event.scan }, start);
    }
    case 'queued': {
      const effect = state.inFlight;
      if (effect?.kind !== 'lookup') return stay(state);
      const s = finish(fresh(state));
      const result: ScanOutcome = { kind: 'queued', barcode: effect.barcode, reason: event.reason, queueId: event.id };
      const current =
        s.current?.seq === effect.seq
          ? { ...s.current, result, object: { status: 'idle' as const }, refreshing: false, objectPending: false }
          : s.current;
      return nextQueued({ ...s, current, ended: [{ seq: effect.seq, line: null }] }, start);
    }
    case 'answer':
      return event.to === 'lookup' ? lookupAnswered(state, event.answer) : objectAnswered(state, event.answer);
    case 'fromQueue': {
      const current = state.current;
      if (current?.result?.kind !== 'queued' || current.result.queueId !== event.id || state.inFlight !== null)
        return stay(state);
      const result = lookupOutcome(current.scan.text, event.answer);
      const card = cardFor({ ...current, fromQueue: true }, result);
      const s: ScanState = { ...fresh(state), current: card };
      return card.objectPending && result.kind === 'match'
        ? begin(s, { kind: 'loadObject', seq: card.seq, match: result.match })
        : stay(s);
    }
    case 'dismiss':
      return stay({ ...fresh(state), current: null });
  }
}

/** The card with a lookup's outcome; a match shows its `instance` at once, or keeps the same object while it is fetched again. */
function cardFor(current: ScanAttempt, result: Exclude<ScanOutcome, { kind: 'queued' }>): ScanAttempt {
  if (result.kind !== 'match')
    return { ...current, result, object: { status: 'idle' }, refreshing: false, objectPending: false };
  const instance = result.match.instance;
  const shown = current.result?.kind === 'match' && current.object.status === 'loaded' ? current.result.match : null;
  const sameObject = shown !== null && shown.model === result.match.model && shown.pk === result.match.pk;
  const object: ObjectLoad = instance
    ? { status: 'loaded', detail: instance }
    : sameObject
      ? current.object
      : { status: 'loading' };
  return { ...current, result, object, refreshing: false, objectPending: !instance };
}

function lookupAnswered(state: ScanState, answer: Answer<ScanResult>): ScanStep {
  const effect = state.inFlight;
  if (effect?.kind !== 'lookup') return stay(state);
  const s = finish(fresh(state));
  const result = lookupOutcome(effect.barcode, answer);
  const ended = [{ seq: effect.seq, line: outcomeLine(result) }];
  const current = s.current;
  // The card shows this answer when it belongs to the card's scan, or when the card still waits for
  // the same code scanned again (it waits in the queue behind this identical lookup).
  const forCard =
    current !== null &&
    (current.seq === effect.seq || (current.result === null && current.scan.text === effect.barcode));
  if (!current || !forCard) return nextQueued({ ...s, ended }, start);
  const card = cardFor(current, result);
  const next: ScanState = { ...s, current: card, ended };
  if (card.objectPending && result.kind === 'match')
    return begin(next, { kind: 'loadObject', seq: card.seq, match: result.match });
  return nextQueued(next, start);
}

function objectAnswered(state: ScanState, answer: Answer<Record<string, unknown>>): ScanStep {
  const effect = state.inFlight;
  if (effect?.kind !== 'loadObject') return stay(state);
  const s = finish(fresh(state));
  const current = s.current;
  if (!current || current.seq !== effect.seq || !current.objectPending) return nextQueued(s, start);
  const loaded: ObjectLoad =
    answer.kind === 'answered'
      ? { status: 'loaded', detail: answer.value }
      : { status: 'failed', message: answer.failure.message };
  // A failed refresh keeps the details already shown.
  const object = loaded.status === 'failed' && current.object.status === 'loaded' ? current.object : loaded;
  const relabel =
    object.status === 'loaded' && !current.fromQueue && current.result?.kind === 'match'
      ? { seq: current.seq, result: matchLine(current.result.match, object.detail) }
      : null;
  return nextQueued({ ...s, current: { ...current, object, objectPending: false }, relabel }, start);
}
