/**
 * What each typed answer means for sales-order allocation: an allocation, a scan waiting for a
 * shipment, a created shipment, or a refusal in words. Failures common to every workflow are the kit's.
 */
import type { SoAllocateFailure, SoAllocateResult } from '../../api/barcode.ts';
import { extractFieldErrors } from '../../api/errorMapping.ts';
import type { Answer, RequestFailure } from '../../api/httpAnswer.ts';
import type { SalesOrderShipment } from '../../api/lists.ts';
import { modelName } from '../../api/models.ts';
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

const FORBIDDEN = 'Your InvenTree account may not do this (it needs the Sales orders "add" right).';

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
    const common = failureOutcome(failure, { forbidden: FORBIDDEN });
    if (common) return error(state, common.reason, common.message, failure.status, barcode);
    if (failure.status === 400) return error(state, ...explainFieldErrors(failure, request), failure.status, barcode);
    return error(
      state,
      'server',
      failure.message || `Unexpected answer from the server (HTTP ${failure.status}).`,
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
    return error(
      state,
      'server',
      'The server answered without saying whether it allocated anything.',
      r.status,
      barcode,
    );
  }
  if (r.status === 200) return error(state, 'invalid', r.serverError, r.status, barcode);
  return error(state, ...explainRejection(r, request), r.status, barcode);
}

/** A refused request's field errors in words (the order not pending, a delivered shipment, a missing line). */
function explainFieldErrors(failure: RequestFailure, request: AllocateRequest): [SoErrorReason, string] {
  const fields = extractFieldErrors(failure.body);
  const so = fields.sales_order?.join(' ') ?? '';
  if (so.includes('not pending')) {
    return [
      'orderNotPending',
      'This sales order is not pending, so stock cannot be allocated to it by barcode. Choose a pending order.',
    ];
  }
  // API 425 allocates to any open order (pending, in progress, on hold) and says "not open".
  if (so.includes('not open')) {
    return [
      'orderNotPending',
      'This sales order is not open (it is shipped, complete or cancelled), so stock cannot be allocated to it by barcode. Choose an open order.',
    ];
  }
  if (so) return ['noOrder', `Sales order: ${so} Choose a pending sales order.`];
  if (fields.shipment?.some((m) => m.includes('delivered'))) {
    return ['shipmentDelivered', 'The chosen shipment has already been delivered. Choose or create an open shipment.'];
  }
  if (fields.line?.some((m) => m.includes('does not exist'))) {
    return ['lineNotFound', `Line #${request.line} does not exist (any more). Choose another line or "any line".`];
  }
  const firstField = Object.entries(fields)[0];
  if (firstField) return ['invalid', `${firstField[0]}: ${firstField[1].join(' ')}`];
  return ['invalid', serverReason(failure.body) || 'The server refused the allocation.'];
}

/** A barcode-level refusal from so-allocate in words. */
export function explainRejection(r: SoAllocateFailure, request: AllocateRequest): [SoErrorReason, string] {
  const stockItem = r.stockItem ?? (r.match?.model === 'stockitem' ? r.match.pk : null);
  const item = stockItem !== null ? `Stock item #${stockItem}` : 'This stock item';
  switch (r.serverError) {
    case 'No matching plugin found for barcode data':
      return ['unknownBarcode', 'This barcode is not known to InvenTree. Scan the label of a stock item.'];
    case 'Barcode does not match an existing stock item': {
      const what = r.match ? `a ${modelName(r.match.model)} (#${r.match.pk})` : 'not a stock item';
      return ['notStockItem', `That barcode is ${what}, not a stock item. Scan the stock item's own label.`];
    }
    case 'No matching line item found':
      return ['noLine', `${item} is of a part that is not on this sales order.`];
    case 'Multiple matching line items found':
      return ['multipleLines', 'Several lines of this order are for this part. Choose the line, then scan again.'];
    case 'Stock item does not match line item':
      return [
        'wrongPart',
        request.line
          ? `Wrong part: ${item.toLowerCase()} is not the part of the chosen line (#${request.line}).`
          : `Wrong part: ${item.toLowerCase()} is a variant, not the exact part the order line asks for.`,
      ];
    case 'Shipment does not match sales order':
      return [
        'shipmentMismatch',
        `Shipment #${request.shipment} belongs to another sales order. Choose one of this order's shipments.`,
      ];
    case 'Insufficient stock available': {
      const q = r.quantity ?? request.quantity ?? null;
      return [
        'insufficientStock',
        `Not enough stock: ${item.toLowerCase()} has less than ${q ?? 'that'} unallocated. Allocate a smaller quantity or another item.`,
      ];
    }
    default:
      return ['invalid', r.serverError || 'The server refused the allocation.'];
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
    forbidden: 'Your InvenTree account may not create shipments (it needs the Sales orders "add" right).',
  });
  const fields = extractFieldErrors(failure.body);
  const detail = Object.entries(fields)
    .map(([k, v]) => (k === 'non_field_errors' ? v.join(' ') : `${k}: ${v.join(' ')}`))
    .join(' ');
  const message = common?.message ?? `The shipment was not created. ${detail || serverReason(failure.body)}`.trim();
  return stay(
    error(state, common?.reason ?? 'shipmentNotCreated', message, failure.status, state.waiting?.barcode ?? null),
  );
}
