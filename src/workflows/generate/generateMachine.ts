/**
 * Generate workflow as a pure state machine: choose an object (scan any barcode it answers to, search,
 * or the URL), ask the server for its InvenTree barcode (`POST /api/barcode/generate/`), and hold the
 * text the page renders as QR / Data Matrix / Code 128.
 *
 * `generateStep(state, event)` returns the next state and at most one effect for the page to run;
 * the HTTP answer comes back as an `answer` event.
 */
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { type BarcodeModel, BARCODE_MODELS_V291, extractMatch, modelName } from '../../api/models.ts';
import { cleanServerText, extractFieldErrors } from '../../api/errorMapping.ts';

export interface GenerateTarget {
  model: BarcodeModel;
  pk: number;
}

import type { HttpAnswer } from '../../api/httpAnswer.ts';

export type { HttpAnswer };

export type GenerateEffect =
  | { kind: 'scan'; barcode: string }
  | { kind: 'generate'; target: GenerateTarget };

export type GenerateErrorReason = 'notFound' | 'unsupported' | 'noMatch' | 'signedOut' | 'network' | 'server' | 'invalid';

export type GenerateOutcome =
  | { kind: 'generated'; target: GenerateTarget; barcode: string }
  | { kind: 'error'; reason: GenerateErrorReason; message: string; status: number };

export interface GenerateState {
  target: GenerateTarget | null;
  /** The barcode text of `target`, once the server gave it. */
  barcode: string | null;
  busy: GenerateEffect['kind'] | null;
  inFlight: GenerateEffect | null;
  outcome: GenerateOutcome | null;
}

export type GenerateEvent =
  | { type: 'scan'; scan: ScanEvent }
  | { type: 'chooseTarget'; target: GenerateTarget }
  | { type: 'clearTarget' }
  | { type: 'answer'; answer: HttpAnswer };

export interface GenerateStep {
  state: GenerateState;
  effect: GenerateEffect | null;
}

export const initialGenerateState: GenerateState = {
  target: null,
  barcode: null,
  busy: null,
  inFlight: null,
  outcome: null,
};

/** `/generate?model=stockitem&pk=12` → the target, or null when absent or not a v291 barcode model. */
export function generateTargetFromUrl(params: URLSearchParams): GenerateTarget | null {
  const model = params.get('model');
  const pk = Number(params.get('pk'));
  if (!model || !(BARCODE_MODELS_V291 as readonly string[]).includes(model)) return null;
  if (!Number.isInteger(pk) || pk <= 0) return null;
  return { model: model as BarcodeModel, pk };
}

function run(state: GenerateState, effect: GenerateEffect): GenerateStep {
  return { state: { ...state, busy: effect.kind, inFlight: effect }, effect };
}

export function generateStep(state: GenerateState, event: GenerateEvent): GenerateStep {
  switch (event.type) {
    case 'scan':
      if (state.busy || event.scan.text.trim() === '') return { state, effect: null };
      return run(state, { kind: 'scan', barcode: event.scan.text });
    case 'chooseTarget':
      if (state.busy) return { state, effect: null };
      return run({ ...state, target: event.target, barcode: null, outcome: null }, { kind: 'generate', target: event.target });
    case 'clearTarget':
      return { state: { ...initialGenerateState }, effect: null };
    case 'answer':
      return readAnswer(state, event.answer);
  }
}

function readAnswer(state: GenerateState, answer: HttpAnswer): GenerateStep {
  const effect = state.inFlight;
  const done: GenerateState = { ...state, busy: null, inFlight: null };
  if (!effect) return { state: done, effect: null };
  const failure = commonFailure(answer);
  if (failure) return { state: { ...done, outcome: failure }, effect: null };

  if (effect.kind === 'scan') {
    const match = answer.status === 200 ? extractMatch(answer.body) : null;
    if (match && (BARCODE_MODELS_V291 as readonly string[]).includes(match.model)) {
      // The scan named the object: ask for its barcode straight away.
      const target = { model: match.model, pk: match.pk };
      return run({ ...done, target, barcode: null, outcome: null }, { kind: 'generate', target });
    }
    return {
      state: {
        ...done,
        outcome: {
          kind: 'error',
          reason: 'noMatch',
          status: answer.status,
          message: 'This barcode does not belong to anything in InvenTree. Scan an InvenTree label or a linked barcode, or search.',
        },
      },
      effect: null,
    };
  }

  const target = effect.target;
  const body = answer.body as Record<string, unknown> | null;
  if (answer.status === 200 && body && typeof body.barcode === 'string') {
    return { state: { ...done, target, barcode: body.barcode, outcome: { kind: 'generated', target, barcode: body.barcode } }, effect: null };
  }
  return { state: { ...done, barcode: null, outcome: generateError(answer, target) }, effect: null };
}

function commonFailure(answer: HttpAnswer): GenerateOutcome | null {
  if (answer.status === 0) {
    return { kind: 'error', reason: 'network', status: 0, message: answer.message ?? 'The server could not be reached.' };
  }
  if (answer.status === 401) {
    return { kind: 'error', reason: 'signedOut', status: 401, message: 'You are signed out. Sign in again in Settings.' };
  }
  if (answer.status >= 500) {
    return { kind: 'error', reason: 'server', status: answer.status, message: `The server failed (HTTP ${answer.status}).` };
  }
  return null;
}

function generateError(answer: HttpAnswer, target: GenerateTarget): GenerateOutcome {
  const body = answer.body as Record<string, unknown> | null;
  const fields = extractFieldErrors(body);
  if (fields.model?.some((m) => m.includes('not supported'))) {
    return {
      kind: 'error',
      reason: 'unsupported',
      status: answer.status,
      message: `This server cannot make barcodes for ${modelName(target.model, 2)}.`,
    };
  }
  if (body && cleanServerText(body.error) === 'Model instance not found') {
    return {
      kind: 'error',
      reason: 'notFound',
      status: answer.status,
      message: `${capitalise(modelName(target.model))} #${target.pk} does not exist on the server.`,
    };
  }
  const first = Object.entries(fields)[0];
  const text = first ? `${first[0]}: ${first[1].join(' ')}` : cleanServerText(body?.error ?? body?.detail ?? '');
  return {
    kind: 'error',
    reason: 'invalid',
    status: answer.status,
    message: text ? `The server refused: ${text}` : `The server refused (HTTP ${answer.status}).`,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
