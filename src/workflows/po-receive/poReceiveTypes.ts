/**
 * Receiving supplier labels against a purchase order: the state, events and effects
 * (`POST /api/barcode/po-receive/`, BEHAVIOUR.md 2.6). The rules are in poReceiveMachine.ts, the
 * reading of each typed answer in poReceiveAnswers.ts.
 */
import type { PoReceiveResult, ScanResult } from '../../api/barcode.ts';
import { positiveInt } from '../../api/answerFields.ts';
import { BARCODE_MODELS_V291 } from '../../api/models.ts';
import type { FailureReason } from '../kit/failure.ts';
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
  | { kind: 'identify'; barcode: string; purpose: 'location' | 'explain' }
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
  | { kind: 'actionRequired'; barcode: string; receiptId: number; line: number; order: number; missing: MissingField[] }
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
  | { type: 'completeReceipt'; id: number; quantity: number | null; location: number | null }
  | { type: 'dismissReceipt'; id: number };

export type PoReceiveStep = Transition<PoReceiveState, PoReceiveEffect>;

export const DEFAULT_SHORT_PREFIX = 'INV-';

export function initialPoReceiveState(
  init: { order?: number | null; location?: number | null; shortPrefix?: string } = {},
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The location pk when the text is an InvenTree location barcode: JSON whose first model key (in
 * InvenTree's model order) is `stocklocation`, or the short form `<prefix>SL<pk>`. Linked custom
 * barcodes cannot be told locally; those are found after po-receive says "no supplier label".
 */
export function locationFromBarcode(text: string, shortPrefix = DEFAULT_SHORT_PREFIX): number | null {
  const t = text.trim();
  const short = new RegExp(`^${escapeRegExp(shortPrefix)}SL(\\d+)$`).exec(t);
  if (short) return Number(short[1]);
  if (!t.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const rec = parsed as Record<string, unknown>;
  const first = BARCODE_MODELS_V291.find((m) => m in rec);
  if (first !== 'stocklocation') return null;
  const v = rec.stocklocation;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

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

export function fail(
  state: PoReceiveState,
  reason: PoReceiveErrorReason,
  message: string,
  status: number,
  barcode: string | null,
): PoReceiveState {
  return { ...state, outcome: { kind: 'error', reason, message, status, barcode } };
}
