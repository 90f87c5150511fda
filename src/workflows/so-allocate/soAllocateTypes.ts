/** Sales-order allocation: state, events, effects and URL context (the rules are in soAllocateMachine.ts). */
import { positiveInt } from '../../api/answerFields.ts';
import type { SoAllocateResult } from '../../api/barcode.ts';
import { SO_STATUS, type SalesOrderShipment } from '../../api/lists.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { FailureReason } from '../kit/failure.ts';
import type { AnswerEvent, QueuedEvent, ScanEventOf, Transition, Work } from '../kit/machine.ts';

export interface AllocateRequest {
  barcode: string;
  sales_order: number;
  line?: number;
  shipment?: number;
  quantity?: number;
}

export type SoAllocateEffect =
  { kind: 'allocate'; request: AllocateRequest } | { kind: 'createShipment'; order: number; reference: string };

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
  | FailureReason
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

export interface SoAllocateState extends Work<SoAllocateEffect> {
  order: number | null;
  line: number | null;
  shipment: number | null;
  /** Integer quantity to allocate per scan; null lets the server decide (rest of the line, or 1 for serials). */
  quantity: number | null;
  outcome: SoOutcome | null;
  /** A scan waiting for a shipment; later scans wait in the queue behind it (none may be lost or reordered). */
  waiting: WaitingScan | null;
  /** Status of the chosen order when known, and whether the server takes any open order (API 425). */
  orderStatus: { status: number; anyOpen: boolean } | null;
}

/** Why the chosen order cannot take allocations (null: it can, or its status is unknown). */
export function soOrderProblem(state: Pick<SoAllocateState, 'order' | 'orderStatus'>): string | null {
  if (state.order === null || state.orderStatus === null) return null;
  const { status, anyOpen } = state.orderStatus;
  // v291 allocates only to PENDING orders (BEHAVIOUR.md 2.7); API 425 to any open one.
  const open: number[] = [SO_STATUS.pending, SO_STATUS.inProgress, SO_STATUS.onHold];
  if (status === SO_STATUS.pending || (anyOpen && open.includes(status))) return null;
  const word =
    status === SO_STATUS.inProgress
      ? i18n.t('wf-so-allocate:problem.status.inProgress')
      : status === SO_STATUS.onHold
        ? i18n.t('wf-so-allocate:problem.status.onHold')
        : status === SO_STATUS.shipped
          ? i18n.t('wf-so-allocate:problem.status.shipped')
          : status === SO_STATUS.complete
            ? i18n.t('wf-so-allocate:problem.status.complete')
            : status === SO_STATUS.cancelled
              ? i18n.t('wf-so-allocate:problem.status.cancelled')
              : i18n.t('wf-so-allocate:problem.status.notPending');
  return anyOpen
    ? i18n.t('wf-so-allocate:problem.onlyOpen', { status: word })
    : i18n.t('wf-so-allocate:problem.onlyPending', { status: word });
}

/** What the page must ask before scans can allocate: the waiting scan's shipment, or a shipment at all. */
export type SoQuestion = { kind: 'whichShipment' } | { kind: 'noShipment' } | null;

/**
 * `openShipments`: how many shipments of the order are not shipped yet; null while not loaded.
 * v291 allocates nothing without a single open shipment, so an order with none is asked up front.
 */
export function soQuestion(state: SoAllocateState, openShipments: number | null): SoQuestion {
  if (state.waiting) return { kind: 'whichShipment' };
  if (state.order === null || soOrderProblem(state) !== null || openShipments === null) return null;
  return openShipments === 0 ? { kind: 'noShipment' } : null;
}

export type SoAllocateEvent =
  | { type: 'setOrder'; order: number | null }
  | { type: 'setLine'; line: number | null }
  | { type: 'setShipment'; shipment: number | null }
  | { type: 'setQuantity'; quantity: number | null }
  | { type: 'setOrderStatus'; order: number; status: number | null; anyOpen: boolean }
  | ScanEventOf
  /** Answer to "which shipment?": set it and send the waiting scan again. */
  | { type: 'chooseShipmentForWaiting'; shipment: number }
  | { type: 'createShipment'; reference: string }
  | { type: 'dismissWaiting' }
  | AnswerEvent<'allocate', SoAllocateResult>
  | AnswerEvent<'createShipment', SalesOrderShipment>
  | QueuedEvent;

export type SoAllocateStep = Transition<SoAllocateState, SoAllocateEffect>;

/** The effect sends a scan the waiting one (again), not a new scan: it has no log line of its own yet. */
export function isResend(step: SoAllocateStep): boolean {
  return step.effect?.kind === 'allocate' && step.state.waiting !== null;
}

export function initialSoAllocateState(
  init: Partial<Pick<SoAllocateState, 'order' | 'line' | 'shipment' | 'quantity'>> = {},
): SoAllocateState {
  return {
    order: init.order ?? null,
    line: init.order ? (init.line ?? null) : null,
    shipment: init.order ? (init.shipment ?? null) : null,
    quantity: init.quantity ?? null,
    inFlight: null,
    outcome: null,
    waiting: null,
    queue: [],
    orderStatus: null,
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

export function allocateEffect(state: SoAllocateState, barcode: string, line: number | null): SoAllocateEffect {
  const request: AllocateRequest = { barcode, sales_order: state.order! };
  if (line) request.line = line;
  if (state.shipment) request.shipment = state.shipment;
  if (state.quantity) request.quantity = state.quantity;
  return { kind: 'allocate', request };
}
