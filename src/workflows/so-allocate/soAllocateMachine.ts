/**
 * Sales-order allocation as a pure state machine (`POST /api/barcode/so-allocate/`, BEHAVIOUR.md 2.7).
 *
 * The user picks a pending order (optionally a line, a shipment and a quantity) and scans stock item
 * labels. v291 answers 200 with neither `success` nor `error` when no single open shipment exists: it
 * allocated nothing. The machine then keeps the scan waiting, the user picks or creates a shipment
 * (`POST /api/order/so/shipment/`), and the same barcode is sent again.
 *
 * `soAllocateStep(state, event)` returns the next state and at most one effect (an HTTP call).
 */
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { extractMatch, modelName } from '../../api/models.ts';
import { cleanServerText, extractFieldErrors } from '../../api/errorMapping.ts';

import type { HttpAnswer } from '../../api/httpAnswer.ts';
import { isRecord, answerNumber as num, positiveInt } from '../../api/answerFields.ts';

export type { HttpAnswer };

export interface AllocateRequest {
  barcode: string;
  sales_order: number;
  line?: number;
  shipment?: number;
  quantity?: number;
}

export type SoAllocateEffect =
  | { kind: 'allocate'; request: AllocateRequest }
  | { kind: 'createShipment'; order: number; reference: string };

export interface Allocation {
  barcode: string;
  stockItem: number;
  part: number | null;
  line: number;
  shipment: number;
  quantity: number;
}

export type SoErrorReason =
  | 'noOrder'
  | 'orderNotPending'
  | 'unknownBarcode'
  | 'notStockItem'
  | 'noLine'
  | 'multipleLines'
  | 'wrongPart'
  | 'shipmentMismatch'
  | 'shipmentDelivered'
  | 'lineNotFound'
  | 'insufficientStock'
  | 'shipmentNotCreated'
  | 'forbidden'
  | 'signedOut'
  | 'network'
  | 'server'
  | 'invalid';

export type SoOutcome =
  | { kind: 'allocated'; allocation: Allocation }
  /** Nothing allocated: no single open shipment. The scan waits in `state.waiting`. */
  | { kind: 'needsShipment'; barcode: string; stockItem: number | null; line: number | null; quantity: number | null }
  | { kind: 'shipmentCreated'; shipment: number; reference: string }
  /** Server mode without a server: the allocation waits in the offline queue (`queueId`) and is sent later. */
  | { kind: 'queued'; barcode: string; queueId: string; reason: string | null }
  | { kind: 'error'; reason: SoErrorReason; message: string; status: number; barcode: string | null };

/** A scan that allocated nothing for want of a shipment, to send again once one is chosen. */
export interface WaitingScan {
  barcode: string;
  stockItem: number | null;
  line: number | null;
  quantity: number | null;
}

export interface SoAllocateState {
  order: number | null;
  line: number | null;
  shipment: number | null;
  /** Integer quantity to allocate per scan; null lets the server decide (rest of the line, or 1 for serials). */
  quantity: number | null;
  busy: SoAllocateEffect['kind'] | null;
  inFlight: SoAllocateEffect | null;
  outcome: SoOutcome | null;
  waiting: WaitingScan | null;
  /**
   * Scans that arrived while a request was in flight or a scan waited for a shipment, oldest first:
   * a scanner gun can be faster than the server, and no scan may be lost or reordered.
   */
  queue: string[];
}

export type SoAllocateEvent =
  | { type: 'setOrder'; order: number | null }
  | { type: 'setLine'; line: number | null }
  | { type: 'setShipment'; shipment: number | null }
  | { type: 'setQuantity'; quantity: number | null }
  | { type: 'scan'; scan: ScanEvent }
  /** Answer to "which shipment?": set it and send the waiting scan again. */
  | { type: 'chooseShipmentForWaiting'; shipment: number }
  | { type: 'createShipment'; reference: string }
  | { type: 'dismissWaiting' }
  | { type: 'answer'; answer: HttpAnswer }
  /** The allocation in flight went to the offline queue instead: a finished step, the next scan goes on. */
  | { type: 'queued'; id: string; reason: string | null };

export interface SoAllocateStep {
  state: SoAllocateState;
  effect: SoAllocateEffect | null;
  /** The effect sends a new scan (just made, or the oldest queued one), not the waiting one again. */
  fromScan?: boolean;
}

export function initialSoAllocateState(init: Partial<Pick<SoAllocateState, 'order' | 'line' | 'shipment' | 'quantity'>> = {}): SoAllocateState {
  return {
    order: init.order ?? null,
    line: init.order ? (init.line ?? null) : null,
    shipment: init.order ? (init.shipment ?? null) : null,
    quantity: init.quantity ?? null,
    busy: null,
    inFlight: null,
    outcome: null,
    waiting: null,
    queue: [],
  };
}

/** `/sales/allocate?order=5&line=9&shipment=2`; line and shipment only count with an order. */
export function soAllocateStateFromUrl(params: URLSearchParams): SoAllocateState {
  return initialSoAllocateState({
    order: positiveInt(params.get('order')),
    line: positiveInt(params.get('line')),
    shipment: positiveInt(params.get('shipment')),
  });
}

/** The URL query for the current context, so the page stays bookmarkable. */
export function soAllocateQuery(state: Pick<SoAllocateState, 'order' | 'line' | 'shipment'>): string {
  const p = new URLSearchParams();
  if (state.order) p.set('order', String(state.order));
  if (state.order && state.line) p.set('line', String(state.line));
  if (state.order && state.shipment) p.set('shipment', String(state.shipment));
  return p.toString();
}

function allocateEffect(state: SoAllocateState, barcode: string, line: number | null): SoAllocateEffect {
  const request: AllocateRequest = { barcode, sales_order: state.order! };
  if (line) request.line = line;
  if (state.shipment) request.shipment = state.shipment;
  if (state.quantity) request.quantity = state.quantity;
  return { kind: 'allocate', request };
}

function run(state: SoAllocateState, effect: SoAllocateEffect, fromScan = false): SoAllocateStep {
  return { state: { ...state, busy: effect.kind, inFlight: effect }, effect, fromScan };
}

/** A new scan with nothing in flight and nothing waiting. */
function startScan(state: SoAllocateState, text: string): SoAllocateStep {
  if (!state.order) {
    return {
      state: {
        ...state,
        outcome: { kind: 'error', reason: 'noOrder', status: 0, barcode: text, message: 'Choose a pending sales order first, then scan stock items.' },
      },
      effect: null,
    };
  }
  return run({ ...state, waiting: null }, allocateEffect(state, text, state.line), true);
}

/** Once the machine is free (no request, no shipment question), the oldest queued scan goes. */
function drain(step: SoAllocateStep): SoAllocateStep {
  const { state } = step;
  if (step.effect || state.busy || state.waiting || state.queue.length === 0) return step;
  const [next, ...rest] = state.queue;
  return startScan({ ...state, queue: rest }, next);
}

export function soAllocateStep(state: SoAllocateState, event: SoAllocateEvent): SoAllocateStep {
  switch (event.type) {
    case 'setOrder':
      if (event.order === state.order) return { state, effect: null };
      // Queued scans were meant for the old order.
      return { state: { ...state, order: event.order, line: null, shipment: null, waiting: null, outcome: null, queue: [] }, effect: null };
    case 'setLine':
      return { state: { ...state, line: state.order ? event.line : null }, effect: null };
    case 'setShipment':
      return { state: { ...state, shipment: state.order ? event.shipment : null }, effect: null };
    case 'setQuantity': {
      const q = event.quantity;
      return { state: { ...state, quantity: q !== null && Number.isInteger(q) && q > 0 ? q : null }, effect: null };
    }
    case 'scan': {
      const text = event.scan.text;
      if (text.trim() === '') return { state, effect: null };
      if (state.busy || state.waiting || state.queue.length > 0) return { state: { ...state, queue: [...state.queue, text] }, effect: null };
      return startScan(state, text);
    }
    case 'chooseShipmentForWaiting': {
      if (state.busy || !state.order) return { state, effect: null };
      const next = { ...state, shipment: event.shipment };
      if (!state.waiting) return { state: next, effect: null };
      // Send the waiting scan again, pinned to the line the server picked for it.
      return run(next, allocateEffect(next, state.waiting.barcode, state.line ?? state.waiting.line));
    }
    case 'createShipment': {
      const reference = event.reference.trim();
      if (state.busy || !state.order || reference === '') return { state, effect: null };
      return run(state, { kind: 'createShipment', order: state.order, reference });
    }
    case 'dismissWaiting':
      return drain({ state: { ...state, waiting: null, outcome: null }, effect: null });
    case 'answer':
      return drain(readAnswer(state, event.answer));
    case 'queued': {
      const effect = state.inFlight;
      if (effect?.kind !== 'allocate') return { state, effect: null };
      // A waiting scan sent again and queued is no longer waiting: the queue has it.
      return drain({
        state: { ...state, busy: null, inFlight: null, waiting: null, outcome: { kind: 'queued', barcode: effect.request.barcode, queueId: event.id, reason: event.reason } },
        effect: null,
      });
    }
  }
}

function readAnswer(state: SoAllocateState, answer: HttpAnswer): SoAllocateStep {
  const effect = state.inFlight;
  const done: SoAllocateState = { ...state, busy: null, inFlight: null };
  if (!effect) return { state: done, effect: null };
  if (effect.kind === 'createShipment') return readShipmentAnswer(done, effect, answer);
  return { state: readAllocateAnswer(done, effect.request, answer), effect: null };
}

function readAllocateAnswer(state: SoAllocateState, request: AllocateRequest, answer: HttpAnswer): SoAllocateState {
  const barcode = request.barcode;
  const error = (reason: SoErrorReason, message: string): SoAllocateState => ({
    ...state,
    outcome: { kind: 'error', reason, message, status: answer.status, barcode },
  });
  const common = commonFailure(answer);
  if (common) return error(common.reason, common.message);

  const body = isRecord(answer.body) ? answer.body : null;
  if (answer.status === 200 && body) {
    if (typeof body.error === 'string') return error('invalid', cleanServerText(body.error));
    const stockItem = num(body.stock_item);
    const line = num(body.line_item);
    const shipment = num(body.shipment);
    const quantity = num(body.quantity);
    if (typeof body.success === 'string' && stockItem !== null && line !== null && shipment !== null && quantity !== null) {
      return {
        ...state,
        waiting: null,
        outcome: { kind: 'allocated', allocation: { barcode, stockItem, part: num(body.part), line, shipment, quantity } },
      };
    }
    if (shipment === null) {
      const waiting: WaitingScan = { barcode, stockItem, line, quantity };
      return { ...state, waiting, outcome: { kind: 'needsShipment', ...waiting } };
    }
    return error('server', 'The server answered without saying whether it allocated anything.');
  }
  if (answer.status === 400) {
    const [reason, message] = explainRejection(answer.body, request);
    return error(reason, message);
  }
  return error('server', answer.message ?? `Unexpected answer from the server (HTTP ${answer.status}).`);
}

function commonFailure(answer: HttpAnswer): { reason: SoErrorReason; message: string } | null {
  if (answer.status === 0) return { reason: 'network', message: answer.message ?? 'The server could not be reached.' };
  if (answer.status === 401) return { reason: 'signedOut', message: 'You are signed out. Sign in again in Settings.' };
  if (answer.status === 403) {
    return { reason: 'forbidden', message: 'Your InvenTree account may not do this (it needs the Sales orders "add" right).' };
  }
  if (answer.status >= 500) return { reason: 'server', message: `The server failed (HTTP ${answer.status}).` };
  return null;
}

/** A 400 from so-allocate in words: field errors first, then the (possibly repr-wrapped) `error`. */
export function explainRejection(body: unknown, request: AllocateRequest): [SoErrorReason, string] {
  const fields = extractFieldErrors(body);
  const so = fields.sales_order?.join(' ') ?? '';
  if (so.includes('not pending')) {
    return ['orderNotPending', 'This sales order is not pending, so stock cannot be allocated to it by barcode. Choose a pending order.'];
  }
  // API 425 allocates to any open order (pending, in progress, on hold) and says "not open".
  if (so.includes('not open')) {
    return ['orderNotPending', 'This sales order is not open (it is shipped, complete or cancelled), so stock cannot be allocated to it by barcode. Choose an open order.'];
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

  const rec = isRecord(body) ? body : {};
  const text = cleanServerText(rec.error);
  const stockItem = num(rec.stock_item) ?? (extractMatch(rec)?.model === 'stockitem' ? extractMatch(rec)!.pk : null);
  const item = stockItem !== null ? `Stock item #${stockItem}` : 'This stock item';
  switch (text) {
    case 'No matching plugin found for barcode data':
      return ['unknownBarcode', 'This barcode is not known to InvenTree. Scan the label of a stock item.'];
    case 'Barcode does not match an existing stock item': {
      const match = extractMatch(rec);
      const what = match ? `a ${modelName(match.model)} (#${match.pk})` : 'not a stock item';
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
      return ['shipmentMismatch', `Shipment #${request.shipment} belongs to another sales order. Choose one of this order's shipments.`];
    case 'Insufficient stock available': {
      const q = num(rec.quantity) ?? request.quantity ?? null;
      return [
        'insufficientStock',
        `Not enough stock: ${item.toLowerCase()} has less than ${q ?? 'that'} unallocated. Allocate a smaller quantity or another item.`,
      ];
    }
    default:
      return ['invalid', text || 'The server refused the allocation.'];
  }
}

function readShipmentAnswer(
  state: SoAllocateState,
  effect: Extract<SoAllocateEffect, { kind: 'createShipment' }>,
  answer: HttpAnswer,
): SoAllocateStep {
  const body = isRecord(answer.body) ? answer.body : null;
  const pk = body ? num(body.pk) : null;
  if ((answer.status === 201 || answer.status === 200) && pk !== null) {
    const next: SoAllocateState = {
      ...state,
      shipment: pk,
      outcome: { kind: 'shipmentCreated', shipment: pk, reference: effect.reference },
    };
    // The waiting scan goes again into the new shipment.
    if (next.waiting && next.order) {
      return run(next, allocateEffect(next, next.waiting.barcode, next.line ?? next.waiting.line));
    }
    return { state: next, effect: null };
  }
  const common = commonFailure(answer);
  const fields = extractFieldErrors(answer.body);
  const detail = Object.entries(fields)
    .map(([k, v]) => (k === 'non_field_errors' ? v.join(' ') : `${k}: ${v.join(' ')}`))
    .join(' ');
  const message =
    answer.status === 403
      ? 'Your InvenTree account may not create shipments (it needs the Sales orders "add" right).'
      : (common?.message ?? `The shipment was not created. ${detail || cleanServerText(body?.detail ?? body?.error ?? '')}`.trim());
  return {
    state: {
      ...state,
      outcome: { kind: 'error', reason: common?.reason ?? 'shipmentNotCreated', message, status: answer.status, barcode: state.waiting?.barcode ?? null },
    },
    effect: null,
  };
}

/** A reference for a new shipment: one more than the largest numeric reference of the order, else "1". */
export function nextShipmentReference(existing: string[]): string {
  let max = 0;
  for (const ref of existing) {
    const n = Number(ref.trim());
    if (Number.isInteger(n) && n > max) max = n;
  }
  let candidate = String(max + 1);
  // Non-numeric references cannot collide with a number, but be safe against "1" being taken twice.
  while (existing.includes(candidate)) candidate = String(Number(candidate) + 1);
  return candidate;
}
