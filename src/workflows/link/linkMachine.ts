/**
 * Link workflow as a pure state machine: choose the target object, then assign a third-party
 * barcode to it (`POST /api/barcode/link/`), or unassign it (`POST /api/barcode/unlink/`).
 *
 * On the workflow kit's contract: the page feeds each typed answer (ScanResult, LinkResult,
 * UnlinkResult, parsed once in api/) back as an `answer` event; scans arriving while a request is in
 * flight wait in the kit's queue. No React, no fetch here: answers are replayed in unit tests.
 */
import type { LinkResult, ScanResult, UnlinkResult } from '../../api/barcode.ts';
import type { Answer, RequestFailure } from '../../api/httpAnswer.ts';
import { type BarcodeMatch, type BarcodeModel, BARCODE_MODELS_V291, modelName, modelTitle } from '../../api/models.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { failureOutcome, type FailureReason } from '../kit/failure.ts';
import {
  begin,
  finish,
  nextQueued,
  scanOrQueue,
  stay,
  type AnswerEvent,
  type QueuedEvent,
  type ScanEventOf,
  type Transition,
  type Work,
} from '../kit/machine.ts';
import { type MatchedObject, errorText, fieldErrors, forbiddenText, isInternalBarcode } from './linkAnswers.ts';

export interface LinkTarget {
  model: BarcodeModel;
  pk: number;
}

export type LinkOutcome =
  /** A scan chose the object to link to. */
  | { kind: 'targetChosen'; target: LinkTarget; via: 'scan' | 'search' | 'url' }
  /** An unknown barcode is waiting for a target to be chosen. */
  | { kind: 'barcodePending'; barcode: string }
  | { kind: 'linked'; target: LinkTarget; barcode: string; hash: string }
  /** The barcode already belongs to an object (maybe the target itself). */
  | { kind: 'alreadyLinked'; barcode: string; match: MatchedObject; isTarget: boolean }
  | { kind: 'unlinked'; target: LinkTarget }
  /** Server mode without a server: the link waits in the offline queue (`queueId`) and is sent later. */
  | { kind: 'queued'; target: LinkTarget; barcode: string; queueId: string; reason: string | null }
  | { kind: 'error'; message: string; reason: LinkErrorReason; status: number };

export type LinkErrorReason = FailureReason | 'invalid' | 'noTarget';

export type LinkEffect =
  | { kind: 'scan'; barcode: string }
  | { kind: 'link'; barcode: string; target: LinkTarget }
  | { kind: 'unlink'; target: LinkTarget };

export interface LinkState extends Work<LinkEffect, ScanEvent> {
  target: LinkTarget | null;
  /** A third-party barcode (from the URL or an unmatched scan) that waits for a target. */
  barcode: string | null;
  /* The queue matters here: a picker scans the target and then the supplier label in one quick
     motion; the second must wait for the first, not vanish. */
  outcome: LinkOutcome | null;
  confirmingUnlink: boolean;
}

export type LinkEvent =
  | ScanEventOf
  | { type: 'chooseTarget'; target: LinkTarget; via: 'search' | 'url' }
  | { type: 'clearTarget' }
  | { type: 'setBarcode'; barcode: string }
  | { type: 'clearBarcode' }
  | { type: 'confirmLink' }
  | { type: 'askUnlink' }
  | { type: 'cancelUnlink' }
  | { type: 'confirmUnlink' }
  /** Use the object a barcode already belongs to as the new target. */
  | { type: 'useMatchAsTarget' }
  /** A link was undone from its log line: the object has no custom barcode now. */
  | { type: 'linkUndone'; target: LinkTarget }
  | AnswerEvent<'scan', ScanResult>
  | AnswerEvent<'link', LinkResult>
  | AnswerEvent<'unlink', UnlinkResult>
  | QueuedEvent;

export type LinkStep = Transition<LinkState, LinkEffect>;

/** The step's effect handles a scan (just made, or the oldest queued one), so its log line can follow it. */
export function fromScan(event: LinkEvent, step: LinkStep): boolean {
  return step.effect !== null && event.type !== 'confirmLink' && event.type !== 'confirmUnlink';
}

export function initialLinkState(init: { target?: LinkTarget | null; barcode?: string | null } = {}): LinkState {
  const target = init.target ?? null;
  const barcode = init.barcode && init.barcode.trim() !== '' ? init.barcode : null;
  return {
    target,
    barcode,
    queue: [],
    inFlight: null,
    outcome: target ? { kind: 'targetChosen', target, via: 'url' } : null,
    confirmingUnlink: false,
  };
}

/** Read `/link?model=stockitem&pk=12&barcode=...`; unknown models or bad pks are ignored. */
export function linkStateFromUrl(params: URLSearchParams): LinkState {
  const model = params.get('model');
  const pk = Number(params.get('pk'));
  const target =
    model && (BARCODE_MODELS_V291 as readonly string[]).includes(model) && Number.isInteger(pk) && pk > 0
      ? { model: model as BarcodeModel, pk }
      : null;
  return initialLinkState({ target, barcode: params.get('barcode') });
}

/** The URL query for the context: the target, and a barcode still waiting for one. */
export function linkQuery(state: Pick<LinkState, 'target' | 'barcode'>): string {
  const next = new URLSearchParams();
  if (state.target) {
    next.set('model', state.target.model);
    next.set('pk', String(state.target.pk));
  }
  if (state.barcode) next.set('barcode', state.barcode);
  return next.toString();
}

function withEffect(state: LinkState, effect: LinkEffect): LinkStep {
  return begin({ ...state, confirmingUnlink: false }, effect);
}

const idle = (state: LinkState): LinkStep => stay(state);

/** A scan with nothing in flight: with a target it is the barcode to assign, else it names the target. */
function startScan(state: LinkState, scan: ScanEvent): LinkStep {
  if (state.target) return withEffect(state, { kind: 'link', barcode: scan.text, target: state.target });
  return withEffect(state, { kind: 'scan', barcode: scan.text });
}

/** After an answer: the oldest waiting scan goes next. */
const next = (state: LinkState): LinkStep => nextQueued(state, startScan);

export function linkStep(state: LinkState, event: LinkEvent): LinkStep {
  switch (event.type) {
    case 'scan': {
      if (event.scan.text.trim() === '') return idle(state);
      return scanOrQueue(state, event.scan, startScan);
    }
    case 'chooseTarget':
      return idle({
        ...state,
        target: event.target,
        outcome: { kind: 'targetChosen', target: event.target, via: event.via },
        confirmingUnlink: false,
      });
    case 'clearTarget':
      return idle({ ...state, target: null, outcome: null, confirmingUnlink: false });
    case 'setBarcode':
      return idle({ ...state, barcode: event.barcode.trim() === '' ? null : event.barcode });
    case 'clearBarcode':
      return idle({ ...state, barcode: null });
    case 'confirmLink':
      if (state.inFlight || !state.target || !state.barcode) return idle(state);
      return withEffect(state, { kind: 'link', barcode: state.barcode, target: state.target });
    case 'askUnlink':
      return idle({ ...state, confirmingUnlink: state.target !== null });
    case 'cancelUnlink':
      return idle({ ...state, confirmingUnlink: false });
    case 'confirmUnlink':
      if (state.inFlight || !state.target) return idle(state);
      return withEffect(state, { kind: 'unlink', target: state.target });
    case 'useMatchAsTarget': {
      const o = state.outcome;
      if (o?.kind !== 'alreadyLinked') return idle(state);
      const target = { model: o.match.model, pk: o.match.pk };
      return idle({ ...state, target, outcome: { kind: 'targetChosen', target, via: 'scan' } });
    }
    case 'linkUndone': {
      // The panel stops saying "linked" when that very link was taken back.
      const o = state.outcome;
      const same = o?.kind === 'linked' && o.target.model === event.target.model && o.target.pk === event.target.pk;
      return idle(same ? { ...state, outcome: { kind: 'unlinked', target: event.target } } : state);
    }
    case 'answer':
      return next(readAnswer(state, event));
    case 'queued': {
      const effect = state.inFlight;
      if (effect?.kind !== 'link') return idle(state);
      // Like a link that succeeded, the barcode is used up: the queue will link it.
      return next({
        ...finish(state),
        barcode: null,
        outcome: {
          kind: 'queued',
          target: effect.target,
          barcode: effect.barcode.trim(),
          queueId: event.id,
          reason: event.reason,
        },
      });
    }
  }
}

function readAnswer(state: LinkState, event: Extract<LinkEvent, { type: 'answer' }>): LinkState {
  const effect = state.inFlight;
  const done = finish(state);
  if (!effect || effect.kind !== event.to) return done;
  if (event.answer.kind === 'failed') {
    const failed = failedRequest(event.answer.failure);
    if (failed) return { ...done, outcome: failed };
  }
  if (event.to === 'scan' && effect.kind === 'scan') return readScanAnswer(done, effect.barcode, event.answer);
  if (event.to === 'link' && effect.kind === 'link') return readLinkAnswer(done, effect, event.answer);
  if (event.to === 'unlink' && effect.kind === 'unlink') return readUnlinkAnswer(done, effect.target, event.answer);
  return done;
}

/** Answers any endpoint can give (signed out, network down, server crash): the kit's mapping, with link's words. */
function failedRequest(failure: RequestFailure): LinkOutcome | null {
  const o = failureOutcome(failure, {
    forbidden: (f) => forbiddenText(f.body),
    afterServerError: (f) => errorText(f.body) ?? '',
  });
  return o ? { kind: 'error', ...o } : null;
}

const matched = (m: BarcodeMatch): MatchedObject => ({ model: m.model, pk: m.pk, apiUrl: m.apiUrl, webUrl: m.webUrl });

/** The generic scan, used only to pick the target from its own InvenTree barcode. */
function readScanAnswer(state: LinkState, barcode: string, answer: Answer<ScanResult>): LinkState {
  if (answer.kind === 'answered' && answer.value.ok) {
    const target = { model: answer.value.match.model, pk: answer.value.match.pk };
    return { ...state, target, outcome: { kind: 'targetChosen', target, via: 'scan' } };
  }
  if (answer.kind === 'answered' || answer.failure.status === 400) {
    // Not known to InvenTree: this is the barcode to link once the target is chosen.
    return { ...state, barcode, outcome: { kind: 'barcodePending', barcode } };
  }
  return { ...state, outcome: unexpected(answer.failure) };
}

function readLinkAnswer(
  state: LinkState,
  effect: Extract<LinkEffect, { kind: 'link' }>,
  answer: Answer<LinkResult>,
): LinkState {
  if (answer.kind === 'failed') {
    if (answer.failure.status === 400) return { ...state, outcome: invalidInput(answer.failure.body, effect.target) };
    return { ...state, outcome: unexpected(answer.failure) };
  }
  const r = answer.value;
  if (r.ok) {
    return {
      ...state,
      barcode: null,
      outcome: {
        kind: 'linked',
        target: effect.target,
        barcode: r.barcodeData ?? effect.barcode.trim(),
        hash: r.barcodeHash ?? '',
      },
    };
  }
  if (r.match) {
    const match = matched(r.match);
    // An InvenTree label scanned while a target is set means "link to this one instead".
    if (isInternalBarcode(effect.barcode)) {
      // The current target's own label again (a camera sees it more than once): nothing changes.
      if (match.model === effect.target.model && match.pk === effect.target.pk) return state;
      const target = { model: match.model, pk: match.pk };
      return { ...state, target, outcome: { kind: 'targetChosen', target, via: 'scan' } };
    }
    const isTarget = match.model === effect.target.model && match.pk === effect.target.pk;
    return { ...state, outcome: { kind: 'alreadyLinked', barcode: effect.barcode.trim(), match, isTarget } };
  }
  return { ...state, outcome: refused(r.serverError) };
}

function readUnlinkAnswer(state: LinkState, target: LinkTarget, answer: Answer<UnlinkResult>): LinkState {
  if (answer.kind === 'answered')
    return { ...state, outcome: answer.value.ok ? { kind: 'unlinked', target } : refused(answer.value.serverError) };
  if (answer.failure.status === 400) return { ...state, outcome: invalidInput(answer.failure.body, target) };
  return { ...state, outcome: unexpected(answer.failure) };
}

/** 400 answers without a match: field errors, "Missing data", "Could not unassign barcode"... */
function invalidInput(body: unknown, target: LinkTarget): LinkOutcome {
  const fields = fieldErrors(body);
  const targetErrors = fields[target.model];
  if (targetErrors?.some((m) => m.includes('does not exist'))) {
    return {
      kind: 'error',
      reason: 'notFound',
      status: 400,
      message: i18n.t('wf-link:error.notFound', { model: modelTitle(target.model), pk: target.pk }),
    };
  }
  if (fields.barcode) {
    const server = fields.barcode.join(' ');
    return { kind: 'error', reason: 'invalid', status: 400, message: i18n.t('wf-link:error.barcodeField', { server }) };
  }
  if (fields.non_field_errors?.includes('Existing barcode found')) {
    return {
      kind: 'error',
      reason: 'invalid',
      status: 400,
      message: i18n.t('wf-link:error.existing', { model: modelName(target.model) }),
    };
  }
  return refused(errorText(body));
}

/** A refusal in the server's words ("Missing data", "Could not unassign barcode", …). */
function refused(serverText: string | null): LinkOutcome {
  const text = serverText || i18n.t('wf-link:error.rejected');
  if (text.startsWith('Missing data')) {
    return { kind: 'error', reason: 'noTarget', status: 400, message: i18n.t('wf-link:error.noTarget') };
  }
  return { kind: 'error', reason: 'invalid', status: 400, message: text };
}

function unexpected(failure: RequestFailure): LinkOutcome {
  return {
    kind: 'error',
    reason: 'server',
    status: failure.status,
    message: failure.message || unexpectedText(failure),
  };
}

function unexpectedText(failure: RequestFailure): string {
  const server = errorText(failure.body);
  return server
    ? i18n.t('wf-link:error.unexpectedServer', { status: failure.status, server })
    : i18n.t('wf-link:error.unexpected', { status: failure.status });
}
