/**
 * What each typed answer means for the receive workflow: a receipt, a prompt for what is missing,
 * a location set, or a failure in words. Failures common to every workflow are the kit's.
 */
import type { BarcodeFailure, PoReceiveResult, ScanResult } from '../../api/barcode.ts';
import { extractFieldErrors } from '../../api/errorMapping.ts';
import type { Answer, RequestFailure } from '../../api/httpAnswer.ts';
import { modelName } from '../../api/models.ts';
import { i18n } from '../../i18n/i18n.ts';
import { explainUnreceivedLabel, readSupplierLabel } from '../../api/supplierLabel.ts';
import { failureOutcome, serverReason, type FailureWords } from '../kit/failure.ts';
import { begin, stay } from '../kit/machine.ts';
import { readConfirmAnswer } from './poReceiveConfirm.ts';
import {
  alreadyReceived,
  fail,
  missingOf,
  receiveLine,
  type PendingReceipt,
  type PoReceiveBody,
  type PoReceiveEffect,
  type PoReceiveErrorReason,
  type PoReceiveState,
  type PoReceiveStep,
} from './poReceiveTypes.ts';

/** Receive's words for the kit's common failures, made in the language in use. */
function words(): FailureWords {
  return {
    afterSignIn: i18n.t('wf-po-receive:failure.afterSignIn'),
    forbidden: i18n.t('wf-po-receive:failure.forbidden'),
    afterServerError: i18n.t('wf-po-receive:failure.afterServerError'),
  };
}

function common(state: PoReceiveState, failure: RequestFailure, barcode: string | null): PoReceiveState | null {
  const o = failureOutcome(failure, words());
  return o ? fail(state, o.reason, o.message, o.status, barcode) : null;
}

export function readReceiveAnswer(
  state: PoReceiveState,
  request: PoReceiveBody,
  answer: Answer<PoReceiveResult>,
): PoReceiveStep {
  const barcode = request.barcode;
  if (answer.kind === 'failed') return stay(readReceiveFailure(state, request, answer.failure));
  const r = answer.value;
  if (!r.ok) {
    if (/^No match for supplier barcode$|^No plugin match for supplier barcode$/i.test(r.serverError)) {
      // Maybe a location's custom barcode, maybe another InvenTree object: ask the scan endpoint.
      return begin(state, { kind: 'identify', barcode, purpose: 'explain' });
    }
    const [reason, message] = explainReceiveError(r, request);
    if (reason === 'alreadyReceived') return stay(alreadyReceived(state, barcode, r.status));
    return stay(fail(state, reason, message, r.status, barcode));
  }
  const line = r.lineItem.pk;
  const order = r.lineItem.purchaseOrder ?? request.purchase_order ?? null;
  if (order === null) return stay(fail(state, 'server', i18n.t('wf-po-receive:error.unsaid'), r.status, barcode));
  const { quantity, location } = r.lineItem;
  if (r.outcome === 'received') {
    return stay({
      ...state,
      lastOrder: order,
      outcome: { kind: 'received', barcode, line, order, quantity, location, plugin: r.plugin, byHand: false },
    });
  }
  // action_required: nothing was received. Keep what the server knew; ask for the rest.
  const receipt: PendingReceipt = {
    id: state.nextReceiptId,
    barcode,
    line,
    order,
    quantity: quantity !== null && quantity > 0 ? quantity : null,
    location: location ?? state.location,
    missing: [],
    autoSubmit: false,
    confirm: false,
  };
  receipt.missing = missingOf(receipt);
  const next = { ...state, lastOrder: order, nextReceiptId: state.nextReceiptId + 1 };
  // The server lacked nothing the page does not already know (e.g. the location was just set).
  if (receipt.missing.length === 0) return receiveLine({ ...next, awaiting: [receipt, ...state.awaiting] }, receipt);
  return stay({
    ...next,
    awaiting: [receipt, ...state.awaiting.filter((r) => r.barcode !== barcode)],
    outcome: { kind: 'actionRequired', barcode, receiptId: receipt.id, line, order, missing: receipt.missing },
  });
}

/** A refused request: the kit's common failures, else the field InvenTree refused. */
function readReceiveFailure(state: PoReceiveState, request: PoReceiveBody, failure: RequestFailure): PoReceiveState {
  const barcode = request.barcode;
  const { status } = failure;
  const known = common(state, failure, barcode);
  if (known) return known;
  if (status !== 400)
    return fail(state, 'server', i18n.t('wf-po-receive:error.unexpected', { status }), status, barcode);
  const fields = extractFieldErrors(failure.body);
  const po = fields.purchase_order?.join(' ') ?? '';
  if (po) {
    if (/not been placed/i.test(po)) {
      return fail(state, 'orderNotPlaced', i18n.t('wf-po-receive:error.orderNotPlaced'), status, barcode);
    }
    return fail(state, 'invalid', i18n.t('wf-po-receive:error.orderField', { server: po }), status, barcode);
  }
  const loc = fields.location?.join(' ') ?? '';
  if (loc) {
    const structural = /structural/i.test(loc);
    const message = structural
      ? i18n.t('wf-po-receive:error.structural', { pk: request.location })
      : i18n.t('wf-po-receive:error.locationField', { server: loc });
    // A location the server refuses must not stick: every further label would fail the same way.
    return fail(
      { ...state, location: null },
      structural ? 'structuralLocation' : 'badLocation',
      message,
      status,
      barcode,
    );
  }
  const firstField = Object.entries(fields)[0];
  if (firstField) return fail(state, 'invalid', `${firstField[0]}: ${firstField[1].join(' ')}`, status, barcode);
  return fail(state, 'invalid', failure.message, status, barcode);
}

/** A po-receive `error` in words, with what to do next. */
export function explainReceiveError(failure: BarcodeFailure, request: PoReceiveBody): [PoReceiveErrorReason, string] {
  const error = failure.serverError;
  const orderNo = /'(.*)'/.exec(error)?.[1];
  const what =
    orderNo && orderNo !== 'None'
      ? i18n.t('wf-po-receive:explain.orderNumber', { number: orderNo })
      : i18n.t('wf-po-receive:explain.thisLabel');
  if (/^Item has already been received$/i.test(error)) {
    return ['alreadyReceived', i18n.t('wf-po-receive:explain.alreadyReceived')];
  }
  if (/^No matching purchase order/i.test(error)) {
    return ['noMatchingOrder', i18n.t('wf-po-receive:explain.noMatchingOrder', { what })];
  }
  if (/^Found multiple purchase orders/i.test(error)) {
    return ['multipleOrders', i18n.t('wf-po-receive:explain.multipleOrders', { what })];
  }
  if (/^Purchase order does not match supplier$/i.test(error)) {
    const plugin = failure.plugin ? failure.plugin.replace(/Plugin$/, '') : null;
    const label = plugin
      ? i18n.t('wf-po-receive:explain.pluginLabel', { plugin })
      : i18n.t('wf-po-receive:explain.label');
    const order = request.purchase_order ? ` (#${request.purchase_order})` : '';
    return ['wrongSupplier', i18n.t('wf-po-receive:explain.wrongSupplier', { label, order })];
  }
  if (/^Found multiple matching supplier parts/i.test(error)) {
    return ['multipleParts', i18n.t('wf-po-receive:explain.multipleParts')];
  }
  if (/^Failed to find pending line item/i.test(error)) {
    return ['noPendingLine', i18n.t('wf-po-receive:explain.noPendingLine')];
  }
  return ['invalid', failure.nextStep ? `${failure.message} ${failure.nextStep}` : failure.message];
}

export function readIdentifyAnswer(
  state: PoReceiveState,
  effect: Extract<PoReceiveEffect, { kind: 'identify' }>,
  answer: Answer<ScanResult>,
): PoReceiveState {
  const barcode = effect.barcode;
  if (answer.kind === 'failed') {
    const known = common(state, answer.failure, barcode);
    if (known) return known;
  }
  const match = answer.kind === 'answered' && answer.value.ok ? answer.value.match : null;
  if (match?.model === 'stocklocation') {
    // A location scan fills the gap of receipts that only lacked a location, and receives them.
    const awaiting = state.awaiting.map((r) =>
      r.location === null
        ? { ...r, location: match.pk, autoSubmit: !r.confirm && missingOf({ ...r, location: match.pk }).length === 0 }
        : r,
    );
    return { ...state, location: match.pk, awaiting, outcome: { kind: 'locationSet', barcode, location: match.pk } };
  }
  const status = answer.kind === 'answered' ? answer.value.status : answer.failure.status;
  // A stock item's barcode (its InvenTree label, or a label received before): never a new receipt.
  if (match?.model === 'stockitem' && answer.kind === 'answered' && answer.value.plugin === 'InvenTreeBarcode')
    return alreadyReceived(state, barcode, 400);
  if (effect.purpose === 'confirm' && answer.kind === 'answered' && answer.value.ok) {
    const asked = readConfirmAnswer(state, barcode, answer.value);
    if (asked) return asked;
  }
  if (effect.purpose === 'location') {
    return fail(state, 'notLocation', i18n.t('wf-po-receive:error.notLocation'), status, barcode);
  }
  // API 425: a supplier plugin reads the label (several matches) but po-receive could not match it.
  const label = answer.kind === 'answered' && answer.value.ok ? readSupplierLabel(answer.value) : null;
  if (label) return fail(state, 'unreceivableLabel', explainUnreceivedLabel(label, state.order), 400, barcode);
  if (match) {
    const what = { model: modelName(match.model), pk: match.pk };
    const message =
      match.model === 'stockitem'
        ? i18n.t('wf-po-receive:error.stockItemBarcode', what)
        : i18n.t('wf-po-receive:error.otherBarcode', what);
    return fail(state, 'notSupplierLabel', message, 400, barcode);
  }
  return fail(state, 'unknownBarcode', i18n.t('wf-po-receive:error.unknownBarcode'), 400, barcode);
}

export function readReceiveLineAnswer(
  state: PoReceiveState,
  effect: Extract<PoReceiveEffect, { kind: 'receiveLine' }>,
  answer: Answer<unknown>,
): PoReceiveState {
  const receipt = state.awaiting.find((r) => r.id === effect.receiptId);
  const barcode = receipt?.barcode ?? effect.request.items[0]?.barcode ?? null;
  const item = effect.request.items[0];
  if (answer.kind === 'answered' && item) {
    return {
      ...state,
      lastOrder: effect.order,
      awaiting: state.awaiting.filter((r) => r.id !== effect.receiptId),
      outcome: {
        kind: 'received',
        barcode: barcode ?? '',
        line: item.line_item,
        order: effect.order,
        quantity: item.quantity,
        location: item.location,
        plugin: null,
        byHand: true,
      },
    };
  }
  // The receipt stays in `awaiting` (no longer automatic) so the user can correct it.
  const kept = {
    ...state,
    awaiting: state.awaiting.map((r) => (r.id === effect.receiptId ? { ...r, autoSubmit: false } : r)),
  };
  if (answer.kind === 'answered') return kept;
  const { failure } = answer;
  const known = common(kept, failure, barcode);
  if (known) return known;
  const fields = extractFieldErrors(failure.body);
  const detail = Object.entries(fields)
    .map(([k, v]) => (k === 'non_field_errors' || k.startsWith('items') ? v.join(' ') : `${k}: ${v.join(' ')}`))
    .join(' ');
  const text = detail || serverReason(failure.body);
  const reason = text || i18n.t('wf-po-receive:error.refused', { status: failure.status });
  return fail(kept, 'receiveRejected', i18n.t('wf-po-receive:error.notReceived', { reason }), failure.status, barcode);
}
