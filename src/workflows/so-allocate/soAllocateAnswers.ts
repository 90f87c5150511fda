/**
 * What each typed answer means for sales-order allocation: an allocation, a scan waiting for a
 * shipment, a created shipment, or a refusal in words. Failures common to every workflow are the kit's.
 */
import type { SoAllocateFailure, SoAllocateResult } from '../../api/barcode.ts';
import { extractFieldErrors } from '../../api/errorMapping.ts';
import type { Answer, RequestFailure } from '../../api/httpAnswer.ts';
import type { SalesOrderShipment } from '../../api/lists.ts';
import { modelName } from '../../api/models.ts';
import { formatQuantity } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import { failureOutcome, serverReason } from '../kit/failure.ts';
import { begin, stay } from '../kit/machine.ts';
import {
  allocateEffect,
  type AllocateRequest,
  type SoAllocateEffect,
  type SoAllocateState,
  type SoAllocateStep,
  type SoErrorReason,
  type WaitingScan,
} from './soAllocateTypes.ts';

function error(
  state: SoAllocateState,
  reason: SoErrorReason,
  message: string,
  status: number,
  barcode: string | null,
): SoAllocateState {
  return { ...state, outcome: { kind: 'error', reason, message, status, barcode } };
}

export function readAllocateAnswer(
  state: SoAllocateState,
  request: AllocateRequest,
  answer: Answer<SoAllocateResult>,
): SoAllocateState {
  const barcode = request.barcode;
  if (answer.kind === 'failed') {
    const { failure } = answer;
    const common = failureOutcome(failure, { forbidden: i18n.t('wf-so-allocate:error.forbidden') });
    if (common) return error(state, common.reason, common.message, failure.status, barcode);
    if (failure.status === 400) return error(state, ...explainFieldErrors(failure, request), failure.status, barcode);
    return error(
      state,
      'server',
      failure.message || i18n.t('wf-so-allocate:error.unexpected', { status: failure.status }),
      failure.status,
      barcode,
    );
  }
  const r = answer.value;
  if (r.ok && r.shipment !== null) {
    const allocation = {
      barcode,
      stockItem: r.stockItem,
      part: r.part,
      line: r.lineItem,
      shipment: r.shipment,
      quantity: r.quantity,
    };
    return { ...state, waiting: null, outcome: { kind: 'allocated', allocation } };
  }
  if (r.ok || r.code === 'no-shipment') {
    // v291 allocated nothing for want of a single open shipment: the scan waits for one.
    const waiting: WaitingScan = { barcode, stockItem: r.stockItem, line: r.lineItem, quantity: r.quantity };
    return { ...state, waiting, outcome: { kind: 'needsShipment', ...waiting } };
  }
  if (r.code === 'needs-choice' && r.status === 200) {
    return error(state, 'server', i18n.t('wf-so-allocate:error.noVerdict'), r.status, barcode);
  }
  if (r.status === 200) return error(state, 'invalid', r.serverError, r.status, barcode);
  return error(state, ...explainRejection(r, request), r.status, barcode);
}

/** A refused request's field errors in words (the order not pending, a delivered shipment, a missing line). */
function explainFieldErrors(failure: RequestFailure, request: AllocateRequest): [SoErrorReason, string] {
  const fields = extractFieldErrors(failure.body);
  const so = fields.sales_order?.join(' ') ?? '';
  if (so.includes('not pending')) {
    return ['orderNotPending', i18n.t('wf-so-allocate:error.notPending')];
  }
  // API 425 allocates to any open order (pending, in progress, on hold) and says "not open".
  if (so.includes('not open')) {
    return ['orderNotPending', i18n.t('wf-so-allocate:error.notOpen')];
  }
  if (so) return ['noOrder', i18n.t('wf-so-allocate:error.orderField', { server: so })];
  if (fields.shipment?.some((m) => m.includes('delivered'))) {
    return ['shipmentDelivered', i18n.t('wf-so-allocate:error.shipmentDelivered')];
  }
  if (fields.line?.some((m) => m.includes('does not exist'))) {
    return ['lineNotFound', i18n.t('wf-so-allocate:error.lineNotFound', { line: request.line })];
  }
  const firstField = Object.entries(fields)[0];
  if (firstField) return ['invalid', `${firstField[0]}: ${firstField[1].join(' ')}`];
  return ['invalid', serverReason(failure.body) || i18n.t('wf-so-allocate:error.refused')];
}

/** A barcode-level refusal from so-allocate in words. */
export function explainRejection(r: SoAllocateFailure, request: AllocateRequest): [SoErrorReason, string] {
  const stockItem = r.stockItem ?? (r.match?.model === 'stockitem' ? r.match.pk : null);
  // The item as a sentence starts with it, and as it reads inside a sentence.
  const item =
    stockItem !== null
      ? i18n.t('wf-so-allocate:rejection.item', { pk: stockItem })
      : i18n.t('wf-so-allocate:rejection.thisItem');
  const itemInside =
    stockItem !== null
      ? i18n.t('wf-so-allocate:rejection.itemInside', { pk: stockItem })
      : i18n.t('wf-so-allocate:rejection.thisItemInside');
  switch (r.serverError) {
    case 'No matching plugin found for barcode data':
      return ['unknownBarcode', i18n.t('wf-so-allocate:rejection.unknownBarcode')];
    case 'Barcode does not match an existing stock item': {
      return [
        'notStockItem',
        r.match
          ? i18n.t('wf-so-allocate:rejection.notStockItem', { model: modelName(r.match.model), pk: r.match.pk })
          : i18n.t('wf-so-allocate:rejection.notStockItemUnknown'),
      ];
    }
    case 'No matching line item found':
      return ['noLine', i18n.t('wf-so-allocate:rejection.noLine', { item })];
    case 'Multiple matching line items found':
      return ['multipleLines', i18n.t('wf-so-allocate:rejection.multipleLines')];
    case 'Stock item does not match line item':
      return [
        'wrongPart',
        request.line
          ? i18n.t('wf-so-allocate:rejection.wrongPartLine', { item: itemInside, line: request.line })
          : i18n.t('wf-so-allocate:rejection.wrongPartVariant', { item: itemInside }),
      ];
    case 'Shipment does not match sales order':
      return ['shipmentMismatch', i18n.t('wf-so-allocate:rejection.shipmentMismatch', { shipment: request.shipment })];
    case 'Insufficient stock available': {
      const q = r.quantity ?? request.quantity ?? null;
      return [
        'insufficientStock',
        q === null
          ? i18n.t('wf-so-allocate:rejection.insufficient', { item: itemInside })
          : i18n.t('wf-so-allocate:rejection.insufficientQuantity', { item: itemInside, quantity: formatQuantity(q) }),
      ];
    }
    default:
      return ['invalid', r.serverError || i18n.t('wf-so-allocate:error.refused')];
  }
}

export function readShipmentAnswer(
  state: SoAllocateState,
  effect: Extract<SoAllocateEffect, { kind: 'createShipment' }>,
  answer: Answer<SalesOrderShipment>,
): SoAllocateStep {
  if (answer.kind === 'answered') {
    const pk = answer.value.pk;
    const next: SoAllocateState = {
      ...state,
      shipment: pk,
      outcome: { kind: 'shipmentCreated', shipment: pk, reference: effect.reference },
    };
    // The waiting scan goes again into the new shipment.
    if (next.waiting && next.order)
      return begin(next, allocateEffect(next, next.waiting.barcode, next.line ?? next.waiting.line));
    return stay(next);
  }
  const { failure } = answer;
  const common = failureOutcome(failure, {
    forbidden: i18n.t('wf-so-allocate:error.forbiddenShipment'),
  });
  const fields = extractFieldErrors(failure.body);
  const detail = Object.entries(fields)
    .map(([k, v]) => (k === 'non_field_errors' ? v.join(' ') : `${k}: ${v.join(' ')}`))
    .join(' ');
  const message =
    common?.message ??
    i18n.t('wf-so-allocate:error.shipmentNotCreated', { detail: detail || serverReason(failure.body) }).trim();
  return stay(
    error(state, common?.reason ?? 'shipmentNotCreated', message, failure.status, state.waiting?.barcode ?? null),
  );
}
