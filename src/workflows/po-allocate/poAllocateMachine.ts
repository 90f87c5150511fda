/**
 * Adding scanned parts to a pending purchase order, as a pure state machine
 * (`POST /api/barcode/po-allocate/`, BEHAVIOUR.md 2.5).
 *
 * po-allocate only says which supplier part of the order's supplier a barcode is; it changes
 * nothing. The matched supplier part is offered as a new line with a quantity, and the user's "add"
 * creates it with `POST /api/order/po-line/`.
 *
 * Every po-allocate failure in v291 is a bare `["Invalid input."]`. To say why, the machine asks
 * the generic scan endpoint what the barcode is, then (for a part or manufacturer part) counts that
 * object's supplier parts from the order's supplier, or (for a supplier part) reads its supplier.
 */
import { positiveInt } from '../../api/answerFields.ts';
import type { PoAllocateResult } from '../../api/barcode.ts';
import { extractFieldErrors } from '../../api/errorMapping.ts';
import type { Answer } from '../../api/httpAnswer.ts';
import type { PurchaseOrderLine } from '../../api/lists.ts';
import { i18n } from '../../i18n/i18n.ts';
import { failureOutcome, serverReason } from '../kit/failure.ts';
import { finish, stay } from '../kit/machine.ts';
import {
  fail,
  readCountAnswer,
  readIdentifyAnswer,
  readSupplierPartAnswer,
  start,
  WORDS,
} from './poAllocateDiagnosis.ts';
import { poAllocateOrderProblem } from './poAllocateTypes.ts';
import type {
  LineOffer,
  PoAllocateBody,
  PoAllocateEffect,
  PoAllocateEvent,
  PoAllocateState,
  PoAllocateStep,
} from './poAllocateTypes.ts';

export { poAllocateOrderProblem } from './poAllocateTypes.ts';
export type {
  LineOffer,
  PoAllocateBody,
  PoAllocateEffect,
  PoAllocateErrorReason,
  PoAllocateEvent,
  PoAllocateOutcome,
  PoAllocateState,
  PoAllocateStep,
  PoLineBody,
  SupplierPartDetail,
} from './poAllocateTypes.ts';

export function initialPoAllocateState(init: { order?: number | null } = {}): PoAllocateState {
  return {
    order: init.order ?? null,
    supplier: null,
    supplierName: null,
    inFlight: null,
    queue: [],
    offers: [],
    outcome: null,
    nextOfferId: 1,
    orderStatus: null,
  };
}

/** `/purchasing/add?order=3`. */
export function poAllocateStateFromUrl(params: URLSearchParams): PoAllocateState {
  return initialPoAllocateState({ order: positiveInt(params.get('order')) });
}

export function poAllocateQuery(state: Pick<PoAllocateState, 'order'>): string {
  return state.order ? new URLSearchParams({ order: String(state.order) }).toString() : '';
}

export function poAllocateStep(state: PoAllocateState, event: PoAllocateEvent): PoAllocateStep {
  switch (event.type) {
    case 'setOrder':
      if (event.order === state.order) return { state, effect: null };
      // Offers belong to the order's supplier; another order makes them meaningless.
      return {
        state: {
          ...state,
          order: event.order,
          supplier: null,
          supplierName: null,
          offers: [],
          queue: [],
          outcome: null,
          orderStatus: null,
        },
        effect: null,
      };
    case 'setOrderStatus':
      // An answer about an order no longer chosen says nothing about the current one.
      return stay(event.order === state.order ? { ...state, orderStatus: event.status } : state);
    case 'setSupplier':
      return {
        state: { ...state, supplier: event.supplier, supplierName: event.name ?? state.supplierName },
        effect: null,
      };
    case 'scan': {
      const text = event.scan.text;
      if (text.trim() === '') return { state, effect: null };
      if (!state.order) {
        return {
          state: fail(state, 'noOrder', i18n.t('wf-po-allocate:error.noOrder'), 0, text),
          effect: null,
        };
      }
      // Refused before sending: InvenTree refuses every scan for this order ("Purchase order is not pending").
      const problem = poAllocateOrderProblem(state);
      if (problem) return stay(fail(state, 'orderNotPending', problem, 0, text));
      if (state.inFlight) return stay({ ...state, queue: [...state.queue, text] });
      return start(state, { kind: 'allocate', request: { barcode: text, purchase_order: state.order } });
    }
    case 'setOfferQuantity': {
      if (!(event.quantity > 0)) return { state, effect: null };
      return {
        state: {
          ...state,
          offers: state.offers.map((o) => (o.id === event.id ? { ...o, quantity: event.quantity } : o)),
        },
        effect: null,
      };
    }
    case 'addLine': {
      const offer = state.offers.find((o) => o.id === event.id);
      if (!offer || state.inFlight || !state.order) return { state, effect: null };
      return start(state, {
        kind: 'createLine',
        offerId: offer.id,
        request: { order: state.order, part: offer.supplierPart, quantity: offer.quantity },
      });
    }
    case 'dismissOffer':
      return { state: { ...state, offers: state.offers.filter((o) => o.id !== event.id) }, effect: null };
    case 'answer': {
      const effect = state.inFlight;
      const done = finish(state);
      if (!effect || effect.kind !== event.to) return stay(done);
      const next = readAnswer(done, effect, event);
      if (next.effect) return next;
      const [barcode, ...rest] = next.state.queue;
      if (barcode !== undefined && next.state.order) {
        return start(
          { ...next.state, queue: rest },
          { kind: 'allocate', request: { barcode, purchase_order: next.state.order } },
        );
      }
      return next;
    }
  }
}

function readAnswer(
  state: PoAllocateState,
  effect: PoAllocateEffect,
  event: Extract<PoAllocateEvent, { type: 'answer' }>,
): PoAllocateStep {
  if (event.to === 'allocate' && effect.kind === 'allocate')
    return readAllocateAnswer(state, effect.request, event.answer);
  if (event.to === 'identify' && effect.kind === 'identify')
    return readIdentifyAnswer(state, effect.barcode, event.answer);
  if (event.to === 'supplierPart' && effect.kind === 'supplierPart')
    return stay(readSupplierPartAnswer(state, effect, event.answer));
  if (event.to === 'countSupplierParts' && effect.kind === 'countSupplierParts')
    return stay(readCountAnswer(state, effect, event.answer));
  if (event.to === 'createLine' && effect.kind === 'createLine')
    return stay(readCreateLineAnswer(state, effect, event.answer));
  return stay(state);
}

function readAllocateAnswer(
  state: PoAllocateState,
  request: PoAllocateBody,
  answer: Answer<PoAllocateResult>,
): PoAllocateStep {
  const barcode = request.barcode;
  if (answer.kind === 'failed') {
    const { failure } = answer;
    const common = failureOutcome(failure, WORDS);
    if (common) return stay(fail(state, common.reason, common.message, failure.status, barcode));
    if (failure.status !== 400)
      return stay(
        fail(
          state,
          'server',
          i18n.t('wf-po-allocate:error.unexpected', { status: failure.status }),
          failure.status,
          barcode,
        ),
      );
    const fields = extractFieldErrors(failure.body);
    const po = fields.purchase_order?.join(' ') ?? '';
    if (/not pending/i.test(po)) {
      const message = i18n.t('wf-po-allocate:error.notPending');
      return stay(fail(state, 'orderNotPending', message, 400, barcode));
    }
    const firstField = Object.entries(fields)[0];
    if (firstField) return stay(fail(state, 'invalid', `${firstField[0]}: ${firstField[1].join(' ')}`, 400, barcode));
    return start(state, { kind: 'identify', barcode });
  }
  const r = answer.value;
  // ["Invalid input."]: v291 keeps the reason to itself. Find it out.
  if (!r.ok) return start(state, { kind: 'identify', barcode });
  const sp = r.supplierPart.pk;
  const hit = r.match ?? r.supplierPart;
  const scanned = { model: hit.model, pk: hit.pk };
  const existing = state.offers.find((o) => o.supplierPart === sp);
  if (existing) {
    // Scanning the same part again adds one more to its line.
    const bumped = { ...existing, quantity: existing.quantity + 1 };
    return stay({
      ...state,
      offers: [bumped, ...state.offers.filter((o) => o.id !== existing.id)],
      outcome: { kind: 'offered', offerId: existing.id, barcode, supplierPart: sp, scanned, repeated: true },
    });
  }
  const offer: LineOffer = { id: state.nextOfferId, barcode, supplierPart: sp, scanned, quantity: 1 };
  return stay({
    ...state,
    nextOfferId: state.nextOfferId + 1,
    offers: [offer, ...state.offers],
    outcome: { kind: 'offered', offerId: offer.id, barcode, supplierPart: sp, scanned, repeated: false },
  });
}

function readCreateLineAnswer(
  state: PoAllocateState,
  effect: Extract<PoAllocateEffect, { kind: 'createLine' }>,
  answer: Answer<PurchaseOrderLine>,
): PoAllocateState {
  const offer = state.offers.find((o) => o.id === effect.offerId);
  const barcode = offer?.barcode ?? null;
  if (answer.kind === 'answered') {
    return {
      ...state,
      offers: state.offers.filter((o) => o.id !== effect.offerId),
      outcome: {
        kind: 'lineAdded',
        order: effect.request.order,
        line: typeof answer.value.pk === 'number' ? answer.value.pk : null,
        supplierPart: effect.request.part,
        quantity: effect.request.quantity,
        barcode: barcode ?? '',
      },
    };
  }
  const { failure } = answer;
  const common = failureOutcome(failure, WORDS);
  if (common) return fail(state, common.reason, common.message, failure.status, barcode);
  const http = i18n.t('wf-po-allocate:error.http', { status: failure.status });
  const fields = extractFieldErrors(failure.body);
  const detail = Object.entries(fields)
    .map(([k, v]) => (k === 'non_field_errors' ? v.join(' ') : `${k}: ${v.join(' ')}`))
    .join(' ');
  return fail(
    state,
    'lineRejected',
    i18n.t('wf-po-allocate:error.lineRejected', { detail: detail || serverReason(failure.body) || http }).trim(),
    failure.status,
    barcode,
  );
}
