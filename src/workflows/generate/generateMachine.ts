/**
 * Generate workflow as a pure state machine: choose an object (scan any barcode it answers to, search,
 * or the URL), ask the server for its InvenTree barcode (`POST /api/barcode/generate/`), and hold the
 * text the page renders as QR / Data Matrix / Code 128.
 *
 * On the workflow kit's contract; the typed answers (ScanResult, the barcode text) come back as
 * `answer` events. Unlike the scanning workflows, a scan while busy is ignored, not queued: the page
 * shows one object's label, and the newest choice is the one that counts.
 */
import type { ScanResult } from '../../api/barcode.ts';
import { extractFieldErrors } from '../../api/errorMapping.ts';
import type { RequestFailure } from '../../api/httpAnswer.ts';
import { type BarcodeModel, BARCODE_MODELS_V291, modelName } from '../../api/models.ts';
import { i18n } from '../../i18n/i18n.ts';
import { failureOutcome, serverReason, type FailureReason } from '../kit/failure.ts';
import { begin, finish, stay, type AnswerEvent, type ScanEventOf, type Transition, type Work } from '../kit/machine.ts';
import { capitalise } from '../kit/text.ts';

export interface GenerateTarget {
  model: BarcodeModel;
  pk: number;
}

export type GenerateEffect = { kind: 'scan'; barcode: string } | { kind: 'generate'; target: GenerateTarget };

export type GenerateErrorReason = FailureReason | 'unsupported' | 'noMatch' | 'invalid';

export type GenerateOutcome =
  | { kind: 'generated'; target: GenerateTarget; barcode: string }
  | { kind: 'error'; reason: GenerateErrorReason; message: string; status: number };

export interface GenerateState extends Work<GenerateEffect> {
  target: GenerateTarget | null;
  /** The barcode text of `target`, once the server gave it. */
  barcode: string | null;
  outcome: GenerateOutcome | null;
}

export type GenerateEvent =
  | ScanEventOf
  | { type: 'chooseTarget'; target: GenerateTarget }
  | { type: 'clearTarget' }
  | AnswerEvent<'scan', ScanResult>
  | AnswerEvent<'generate', string>;

export type GenerateStep = Transition<GenerateState, GenerateEffect>;

export const initialGenerateState: GenerateState = {
  target: null,
  barcode: null,
  inFlight: null,
  queue: [],
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

const run = (state: GenerateState, effect: GenerateEffect): GenerateStep => begin(state, effect);

export function generateStep(state: GenerateState, event: GenerateEvent): GenerateStep {
  switch (event.type) {
    case 'scan':
      if (state.inFlight || event.scan.text.trim() === '') return stay(state);
      return run(state, { kind: 'scan', barcode: event.scan.text });
    case 'chooseTarget':
      if (state.inFlight) return stay(state);
      return run(
        { ...state, target: event.target, barcode: null, outcome: null },
        { kind: 'generate', target: event.target },
      );
    case 'clearTarget':
      return { state: { ...initialGenerateState }, effect: null };
    case 'answer':
      return readAnswer(state, event);
  }
}

function readAnswer(state: GenerateState, event: Extract<GenerateEvent, { type: 'answer' }>): GenerateStep {
  const effect = state.inFlight;
  const done = finish(state);
  if (!effect || effect.kind !== event.to) return stay(done);
  if (event.answer.kind === 'failed') {
    const failure = failedRequest(event.answer.failure);
    if (failure) return stay({ ...done, outcome: failure });
  }
  if (event.to === 'scan') {
    const answer = event.answer;
    const match = answer.kind === 'answered' && answer.value.ok ? answer.value.match : null;
    if (match && (BARCODE_MODELS_V291 as readonly string[]).includes(match.model)) {
      // The scan named the object: ask for its barcode straight away.
      const target = { model: match.model, pk: match.pk };
      return run({ ...done, target, barcode: null, outcome: null }, { kind: 'generate', target });
    }
    const status = answer.kind === 'answered' ? answer.value.status : answer.failure.status;
    const message = i18n.t('wf-generate:errors.noMatch');
    return stay({ ...done, outcome: { kind: 'error', reason: 'noMatch', status, message } });
  }
  const target = effect.kind === 'generate' ? effect.target : null;
  if (!target || event.to !== 'generate') return stay(done);
  if (event.answer.kind === 'answered') {
    const barcode = event.answer.value;
    return stay({ ...done, target, barcode, outcome: { kind: 'generated', target, barcode } });
  }
  return stay({ ...done, barcode: null, outcome: generateError(event.answer.failure, target) });
}

/** No answer, signed out, server failure: the kit's mapping. A 403 is the server refusing, in its words. */
function failedRequest(failure: RequestFailure): GenerateOutcome | null {
  if (failure.status === 403) return null;
  const o = failureOutcome(failure);
  return o ? { kind: 'error', ...o } : null;
}

function generateError(failure: RequestFailure, target: GenerateTarget): GenerateOutcome {
  const { status, body } = failure;
  const fields = extractFieldErrors(body);
  if (fields.model?.some((m) => m.includes('not supported'))) {
    return {
      kind: 'error',
      reason: 'unsupported',
      status,
      message: i18n.t('wf-generate:errors.unsupported', { models: modelName(target.model, 2) }),
    };
  }
  const reason = serverReason(body);
  if (reason === 'Model instance not found') {
    return {
      kind: 'error',
      reason: 'notFound',
      status,
      message: i18n.t('wf-generate:errors.notFound', { model: capitalise(modelName(target.model)), pk: target.pk }),
    };
  }
  const first = Object.entries(fields)[0];
  const text = first ? `${first[0]}: ${first[1].join(' ')}` : reason;
  return {
    kind: 'error',
    reason: 'invalid',
    status,
    // The field name and message are InvenTree's own, shown as sent.
    message: text
      ? i18n.t('wf-generate:errors.refused', { text })
      : i18n.t('wf-generate:errors.refusedStatus', { status }),
  };
}
