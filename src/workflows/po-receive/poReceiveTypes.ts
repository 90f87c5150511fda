/**
 * Receiving supplier labels against a purchase order: the state, events and effects
 * (`POST /api/barcode/po-receive/`, BEHAVIOUR.md 2.6). The rules are in poReceiveMachine.ts, the
 * reading of each typed answer in poReceiveAnswers.ts.
 */
import type { PoReceiveResult, ScanResult } from '../../api/barcode.ts';
import { positiveInt } from '../../api/answerFields.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { FailureReason } from '../kit/failure.ts';
import { DEFAULT_SHORT_PREFIX, stockItemFromBarcode } from './poReceiveRules.ts';
import {
  begin,
  type AnswerEvent,
  type QueuedEvent,
  type ScanEventOf,
  type Transition,
  type Work,
} from '../kit/machine.ts';

/** Body of `POST /api/barcode/po-receive/`; null context keys are left out, as the app sends them. */
export interface PoReceiveBody {
  barcode: string;
  purchase_order?: number;
  location?: number;
}

export interface ReceiveLineBody {
  items: { line_item: number; quantity: number; location: number; barcode: string }[];
  location: number;
}

export type PoReceiveEffect =
  /** POST /api/barcode/ — what is this barcode? (a location to set, or why it is no supplier label). */
  /** purpose `confirm`: the confirm step's "which line is this label?" (nothing is received). */
  | { kind: 'identify'; barcode: string; purpose: 'location' | 'explain' | 'confirm' }
  | { kind: 'receive'; request: PoReceiveBody }
  /** POST /api/order/po/{order}/receive/ — finish a receipt po-receive could not do alone. */
  | { kind: 'receiveLine'; order: number; receiptId: number; request: ReceiveLineBody };

export type MissingField = 'quantity' | 'location';

/** A label po-receive matched to a line but did not receive: it waits for what is missing. */
export interface PendingReceipt {
  id: number;
  barcode: string;
  line: number;
  order: number;
  /** From the label; null when the label had none. */
  quantity: number | null;
  /** The server's or the user's choice; null until known. */
  location: number | null;
  /** What the server lacked, in the order the form asks for it. */
  missing: MissingField[];
  /** Receive as soon as nothing is missing (set when a location scan fills the last gap). */
  autoSubmit: boolean;
  /** "Confirm the quantity before booking": asked although the label had one; nothing sent yet. */
  confirm: boolean;
}

/** An order line as the confirm step needs it: which supplier part, how many still to come. */
export interface ReceiveLineRef {
  pk: number;
  order: number;
  supplierPart: number;
  ordered: number;
  received: number;
}

export type PoReceiveErrorReason =
  | FailureReason
  | 'alreadyReceived'
  | 'noMatchingOrder'
  | 'multipleOrders'
  | 'wrongSupplier'
  | 'multipleParts'
  | 'noPendingLine'
  | 'notSupplierLabel'
  /** An InvenTree label of a stock item (not a supplier label, not a receipt of this session). */
  | 'stockItemLabel'
  /** Confirm mode: the label's supplier part has no pending line on the known order. */
  | 'noLineToConfirm'
  /** A supplier label po-receive could not match (API 425: supplier, order or line), explained. */
  | 'unreceivableLabel'
  | 'unknownBarcode'
  | 'notLocation'
  | 'orderNotPlaced'
  | 'structuralLocation'
  | 'badLocation'
  | 'receiveRejected'
  | 'invalid';

export type PoReceiveOutcome =
  | {
      kind: 'received';
      barcode: string;
      line: number;
      order: number;
      quantity: number | null;
      location: number | null;
      /** Supplier plugin that read the label; null when completed by hand. */
      plugin: string | null;
      byHand: boolean;
    }
  | {
      kind: 'actionRequired';
      barcode: string;
      receiptId: number;
      line: number;
      order: number;
      missing: MissingField[];
      /** Asked by the confirm step, not by the server. */
      confirm?: boolean;
    }
  | { kind: 'locationSet'; barcode: string; location: number }
  /** Server mode without a server: the receipt waits in the offline queue (`queueId`) and is sent later. */
  | { kind: 'queued'; barcode: string; queueId: string; reason: string | null }
  | { kind: 'error'; reason: PoReceiveErrorReason; message: string; status: number; barcode: string | null };

export interface PoReceiveState extends Work<PoReceiveEffect> {
  /** Chosen purchase order; null lets the label's order numbers find it. */
  order: number | null;
  /** Destination for received stock; stays until changed. */
  location: number | null;
  /** SHORT_BARCODE_PREFIX, to recognise `INV-SL7` as a location barcode. */
  shortPrefix: string;
  /** Order of the latest receipt or prompt, so its lines can be shown when no order was chosen. */
  lastOrder: number | null;
  /** Newest first. */
  awaiting: PendingReceipt[];
  outcome: PoReceiveOutcome | null;
  nextReceiptId: number;
  /** "Confirm the quantity before booking" (a device setting): each label is asked before it is sent. */
  confirm: boolean;
  /** The shown order's lines (the confirm step finds a label's line here). */
  lines: ReceiveLineRef[];
  /** Status of the chosen order when known: only a placed order takes receipts (BEHAVIOUR.md 2.6). */
  orderStatus: number | null;
  /** Labels received in this session: scanning one again is a real repeat. */
  receivedBarcodes: string[];
}

export type PoReceiveEvent =
  | ScanEventOf
  | QueuedEvent
  | AnswerEvent<'receive', PoReceiveResult>
  | AnswerEvent<'identify', ScanResult>
  | AnswerEvent<'receiveLine', unknown>
  | { type: 'setOrder'; order: number | null }
  | { type: 'setLocation'; location: number | null }
  | { type: 'setShortPrefix'; prefix: string }
  | { type: 'setConfirm'; confirm: boolean }
  | { type: 'setLines'; lines: ReceiveLineRef[] }
  | { type: 'setOrderStatus'; order: number; status: number | null }
  | { type: 'completeReceipt'; id: number; quantity: number | null; location: number | null }
  | { type: 'dismissReceipt'; id: number };

export type PoReceiveStep = Transition<PoReceiveState, PoReceiveEffect>;

export function initialPoReceiveState(
  init: { order?: number | null; location?: number | null; shortPrefix?: string; confirm?: boolean } = {},
): PoReceiveState {
  return {
    order: init.order ?? null,
    location: init.location ?? null,
    shortPrefix: init.shortPrefix ?? DEFAULT_SHORT_PREFIX,
    lastOrder: init.order ?? null,
    inFlight: null,
    queue: [],
    awaiting: [],
    outcome: null,
    nextReceiptId: 1,
    confirm: init.confirm ?? false,
    lines: [],
    orderStatus: null,
    receivedBarcodes: [],
  };
}

/** `/purchasing/receive?order=3&location=7`; both optional. */
export function poReceiveStateFromUrl(params: URLSearchParams): PoReceiveState {
  return initialPoReceiveState({
    order: positiveInt(params.get('order')),
    location: positiveInt(params.get('location')),
  });
}

/** The URL query for the current context, so a station can bookmark it. */
export function poReceiveQuery(state: Pick<PoReceiveState, 'order' | 'location'>): string {
  const p = new URLSearchParams();
  if (state.order) p.set('order', String(state.order));
  if (state.location) p.set('location', String(state.location));
  return p.toString();
}

export {
  DEFAULT_SHORT_PREFIX,
  labelQuantity,
  locationFromBarcode,
  receiveOrderProblem,
  stockItemFromBarcode,
} from './poReceiveRules.ts';

export function missingOf(r: Pick<PendingReceipt, 'quantity' | 'location'>): MissingField[] {
  const m: MissingField[] = [];
  if (!(r.quantity !== null && r.quantity > 0)) m.push('quantity');
  if (r.location === null) m.push('location');
  return m;
}

/** Finish a receipt by hand: the label's barcode goes onto the new stock item, so scanning it again says "already received". */
export function receiveLine(state: PoReceiveState, r: PendingReceipt): PoReceiveStep {
  const location = r.location as number;
  return begin(state, {
    kind: 'receiveLine',
    order: r.order,
    receiptId: r.id,
    request: { items: [{ line_item: r.line, quantity: r.quantity as number, location, barcode: r.barcode }], location },
  });
}

/**
 * po-receive's "Item has already been received" (InvenTree matched a stock item) in words: a label
 * received in this session is a real repeat; InvenTree's own label of a stock item is not a receipt
 * at all; any other barcode is stored on an item received before.
 */
export function alreadyReceived(state: PoReceiveState, barcode: string, status: number): PoReceiveState {
  if (state.receivedBarcodes.includes(barcode))
    return fail(state, 'alreadyReceived', i18n.t('wf-po-receive:error.repeatInSession'), status, barcode);
  const item = stockItemFromBarcode(barcode, state.shortPrefix);
  if (item !== null) {
    const message = i18n.t('wf-po-receive:error.stockItemLabel', { pk: item });
    return fail(state, 'stockItemLabel', message, status, barcode);
  }
  return fail(state, 'alreadyReceived', i18n.t('wf-po-receive:error.receivedBefore'), status, barcode);
}

export function fail(
  state: PoReceiveState,
  reason: PoReceiveErrorReason,
  message: string,
  status: number,
  barcode: string | null,
): PoReceiveState {
  return { ...state, outcome: { kind: 'error', reason, message, status, barcode } };
}
