/**
 * Link workflow as a pure state machine: choose the target object, then assign a third-party
 * barcode to it (`POST /api/barcode/link/`), or unassign it (`POST /api/barcode/unlink/`).
 *
 * `step(state, event)` returns the next state and at most one effect (an API call) for the page
 * to run; the page feeds the HTTP answer back as an `answer` event. No React, no fetch here, so
 * every answer a v291 server gives can be replayed in unit tests.
 */
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { type BarcodeModel, BARCODE_MODELS_V291, modelName } from '../../api/models.ts';
import {
  type HttpAnswer,
  type MatchedObject,
  errorText,
  fieldErrors,
  findMatch,
  forbiddenText,
  isInternalBarcode,
} from './linkAnswers.ts';

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

export type LinkErrorReason =
  | 'forbidden'
  | 'signedOut'
  | 'notFound'
  | 'invalid'
  | 'noTarget'
  | 'network'
  | 'server';

export type LinkEffect =
  | { kind: 'scan'; barcode: string }
  | { kind: 'link'; barcode: string; target: LinkTarget }
  | { kind: 'unlink'; target: LinkTarget };

export interface LinkState {
  target: LinkTarget | null;
  /** A third-party barcode (from the URL or an unmatched scan) that waits for a target. */
  barcode: string | null;
  /** The request in flight, if any. */
  busy: LinkEffect['kind'] | null;
  /**
   * Scans that arrived while a request was in flight, oldest first. A picker scans the target and
   * then the supplier label in one quick motion; the second must wait for the first, not vanish.
   */
  queue: ScanEvent[];
  /** The effect now in flight, kept so its answer can be read in context. */
  inFlight: LinkEffect | null;
  outcome: LinkOutcome | null;
  confirmingUnlink: boolean;
}

export type LinkEvent =
  | { type: 'scan'; scan: ScanEvent }
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
  | { type: 'answer'; answer: HttpAnswer }
  /** The link in flight went to the offline queue instead: a finished step, the next scan goes on. */
  | { type: 'queued'; id: string; reason: string | null };

export interface LinkStep {
  state: LinkState;
  effect: LinkEffect | null;
  /** The effect handles a scan (just made, or the oldest queued one), so its log line can follow it. */
  fromScan: boolean;
}

export function initialLinkState(init: { target?: LinkTarget | null; barcode?: string | null } = {}): LinkState {
  const target = init.target ?? null;
  const barcode = init.barcode && init.barcode.trim() !== '' ? init.barcode : null;
  return {
    target,
    barcode,
    busy: null,
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

function withEffect(state: LinkState, effect: LinkEffect, fromScan = false): LinkStep {
  return { state: { ...state, busy: effect.kind, inFlight: effect, confirmingUnlink: false }, effect, fromScan };
}

function idle(state: LinkState): LinkStep {
  return { state, effect: null, fromScan: false };
}

/** A scan with nothing in flight: with a target it is the barcode to assign, else it names the target. */
function startScan(state: LinkState, text: string): LinkStep {
  if (state.target) return withEffect(state, { kind: 'link', barcode: text, target: state.target }, true);
  return withEffect(state, { kind: 'scan', barcode: text }, true);
}

/** After an answer: the oldest waiting scan goes next. */
function next(state: LinkState): LinkStep {
  const [first, ...rest] = state.queue;
  if (!first) return idle(state);
  return startScan({ ...state, queue: rest }, first.text);
}

export function linkStep(state: LinkState, event: LinkEvent): LinkStep {
  switch (event.type) {
    case 'scan': {
      if (event.scan.text.trim() === '') return idle(state);
      if (state.busy) return idle({ ...state, queue: [...state.queue, event.scan] });
      return startScan(state, event.scan.text);
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
      if (state.busy || !state.target || !state.barcode) return idle(state);
      return withEffect(state, { kind: 'link', barcode: state.barcode, target: state.target });
    case 'askUnlink':
      return idle({ ...state, confirmingUnlink: state.target !== null });
    case 'cancelUnlink':
      return idle({ ...state, confirmingUnlink: false });
    case 'confirmUnlink':
      if (state.busy || !state.target) return idle(state);
      return withEffect(state, { kind: 'unlink', target: state.target });
    case 'useMatchAsTarget': {
      const o = state.outcome;
      if (o?.kind !== 'alreadyLinked') return idle(state);
      const target = { model: o.match.model, pk: o.match.pk };
      return idle({ ...state, target, outcome: { kind: 'targetChosen', target, via: 'scan' } });
    }
    case 'answer':
      return next(readAnswer(state, event.answer));
    case 'queued': {
      const effect = state.inFlight;
      if (effect?.kind !== 'link') return idle(state);
      // Like a link that succeeded, the barcode is used up: the queue will link it.
      return next({
        ...state,
        busy: null,
        inFlight: null,
        barcode: null,
        outcome: { kind: 'queued', target: effect.target, barcode: effect.barcode.trim(), queueId: event.id, reason: event.reason },
      });
    }
  }
}

function readAnswer(state: LinkState, answer: HttpAnswer): LinkState {
  const effect = state.inFlight;
  const done: LinkState = { ...state, busy: null, inFlight: null };
  if (!effect) return done;
  const failed = commonFailure(answer);
  if (failed) return { ...done, outcome: failed };
  switch (effect.kind) {
    case 'scan':
      return readScanAnswer(done, effect.barcode, answer);
    case 'link':
      return readLinkAnswer(done, effect, answer);
    case 'unlink':
      return readUnlinkAnswer(done, effect.target, answer);
  }
}

/** Answers any endpoint can give: signed out, network down, server crash. */
function commonFailure(answer: HttpAnswer): LinkOutcome | null {
  if (answer.status === 0) {
    return { kind: 'error', reason: 'network', status: 0, message: answer.message ?? 'The server could not be reached.' };
  }
  if (answer.status === 401) {
    return { kind: 'error', reason: 'signedOut', status: 401, message: 'You are signed out. Sign in again in Settings.' };
  }
  if (answer.status === 403) {
    return { kind: 'error', reason: 'forbidden', status: 403, message: forbiddenText(answer.body) };
  }
  if (answer.status >= 500) {
    return {
      kind: 'error',
      reason: 'server',
      status: answer.status,
      message: `The server failed (HTTP ${answer.status}). ${errorText(answer.body) ?? ''}`.trim(),
    };
  }
  return null;
}

/** The generic scan, used only to pick the target from its own InvenTree barcode. */
function readScanAnswer(state: LinkState, barcode: string, answer: HttpAnswer): LinkState {
  const match = answer.status === 200 ? findMatch(answer.body) : null;
  if (match) {
    const target = { model: match.model, pk: match.pk };
    return { ...state, target, outcome: { kind: 'targetChosen', target, via: 'scan' } };
  }
  if (answer.status === 200 || answer.status === 400) {
    // Not known to InvenTree: this is the barcode to link once the target is chosen.
    return { ...state, barcode, outcome: { kind: 'barcodePending', barcode } };
  }
  return { ...state, outcome: unexpected(answer) };
}

function readLinkAnswer(state: LinkState, effect: Extract<LinkEffect, { kind: 'link' }>, answer: HttpAnswer): LinkState {
  const body = answer.body as Record<string, unknown> | null;
  if (answer.status === 200 && body && typeof body.success === 'string') {
    return {
      ...state,
      barcode: null,
      outcome: {
        kind: 'linked',
        target: effect.target,
        barcode: typeof body.barcode_data === 'string' ? body.barcode_data : effect.barcode.trim(),
        hash: typeof body.barcode_hash === 'string' ? body.barcode_hash : '',
      },
    };
  }
  if (answer.status === 400) {
    const match = findMatch(answer.body);
    if (match) {
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
    return { ...state, outcome: invalidInput(answer, effect.target) };
  }
  return { ...state, outcome: unexpected(answer) };
}

function readUnlinkAnswer(state: LinkState, target: LinkTarget, answer: HttpAnswer): LinkState {
  const body = answer.body as Record<string, unknown> | null;
  if (answer.status === 200 && body && typeof body.success === 'string') {
    return { ...state, outcome: { kind: 'unlinked', target } };
  }
  if (answer.status === 400) return { ...state, outcome: invalidInput(answer, target) };
  return { ...state, outcome: unexpected(answer) };
}

/** 400 answers without a match: field errors, "Missing data", "Could not unassign barcode"... */
function invalidInput(answer: HttpAnswer, target: LinkTarget): LinkOutcome {
  const fields = fieldErrors(answer.body);
  const targetErrors = fields[target.model];
  if (targetErrors?.some((m) => m.includes('does not exist'))) {
    return {
      kind: 'error',
      reason: 'notFound',
      status: 400,
      message: `${capitalise(modelName(target.model))} #${target.pk} does not exist (any more). Choose another target.`,
    };
  }
  if (fields.barcode) {
    return { kind: 'error', reason: 'invalid', status: 400, message: `Barcode: ${fields.barcode.join(' ')}` };
  }
  if (fields.non_field_errors?.includes('Existing barcode found')) {
    return {
      kind: 'error',
      reason: 'invalid',
      status: 400,
      message: `Another ${modelName(target.model)} already has this barcode.`,
    };
  }
  const text = errorText(answer.body) ?? 'The server rejected the request.';
  if (text.startsWith('Missing data')) {
    return { kind: 'error', reason: 'noTarget', status: 400, message: 'Choose the object to link first.' };
  }
  return { kind: 'error', reason: 'invalid', status: 400, message: text };
}

function unexpected(answer: HttpAnswer): LinkOutcome {
  return {
    kind: 'error',
    reason: 'server',
    status: answer.status,
    message: answer.message ?? `Unexpected answer (HTTP ${answer.status}). ${errorText(answer.body) ?? ''}`.trim(),
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
