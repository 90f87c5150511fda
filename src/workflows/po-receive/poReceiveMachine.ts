/**
 * Receiving supplier labels against a purchase order as a pure state machine
 * (`POST /api/barcode/po-receive/`, BEHAVIOUR.md 2.6).
 *
 * The user may choose the order (otherwise the label's order numbers find it) and the destination
 * location. Scanning a location's InvenTree barcode sets the location, which stays until changed.
 * Each supplier label is sent to po-receive; when v291 answers `action_required` (nothing received:
 * quantity or location unknown) the receipt waits in `awaiting` until the user gives only what is
 * missing, then it is completed with `POST /api/order/po/{id}/receive/`.
 *
 * Scans arriving while a request is in flight are queued, so a scanner gun can be fired label after
 * label. `poReceiveStep(state, event)` returns the next state and at most one effect (an HTTP call).
 */
import { cleanServerText, describeBarcodeError, extractFieldErrors } from '../../api/errorMapping.ts';
import { BARCODE_MODELS_V291, extractMatch, modelName } from '../../api/models.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';

import type { HttpAnswer } from '../../api/httpAnswer.ts';
import { isRecord, answerNumber as num, positiveInt } from '../../api/answerFields.ts';

export type { HttpAnswer };

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
  | 'alreadyReceived'
  | 'noMatchingOrder'
  | 'multipleOrders'
  | 'wrongSupplier'
  | 'multipleParts'
  | 'noPendingLine'
  | 'notSupplierLabel'
  | 'unknownBarcode'
  | 'notLocation'
  | 'orderNotPlaced'
  | 'structuralLocation'
  | 'badLocation'
  | 'receiveRejected'
  | 'forbidden'
  | 'signedOut'
  | 'network'
  | 'server'
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

export interface PoReceiveState {
  /** Chosen purchase order; null lets the label's order numbers find it. */
  order: number | null;
  /** Destination for received stock; stays until changed. */
  location: number | null;
  /** SHORT_BARCODE_PREFIX, to recognise `INV-SL7` as a location barcode. */
  shortPrefix: string;
  /** Order of the latest receipt or prompt, so its lines can be shown when no order was chosen. */
  lastOrder: number | null;
  busy: boolean;
  inFlight: PoReceiveEffect | null;
  /** Barcodes scanned while a request was in flight, oldest first. */
  queue: string[];
  /** Newest first. */
  awaiting: PendingReceipt[];
  outcome: PoReceiveOutcome | null;
  nextReceiptId: number;
}

export type PoReceiveEvent =
  | { type: 'setOrder'; order: number | null }
  | { type: 'setLocation'; location: number | null }
  | { type: 'setShortPrefix'; prefix: string }
  | { type: 'scan'; scan: ScanEvent }
  | { type: 'completeReceipt'; id: number; quantity: number | null; location: number | null }
  | { type: 'dismissReceipt'; id: number }
  | { type: 'answer'; answer: HttpAnswer }
  /** The request in flight went to the offline queue instead: a finished step, the next label goes on. */
  | { type: 'queued'; id: string; reason: string | null };

export interface PoReceiveStep {
  state: PoReceiveState;
  effect: PoReceiveEffect | null;
}

export const DEFAULT_SHORT_PREFIX = 'INV-';

export function initialPoReceiveState(init: { order?: number | null; location?: number | null; shortPrefix?: string } = {}): PoReceiveState {
  return {
    order: init.order ?? null,
    location: init.location ?? null,
    shortPrefix: init.shortPrefix ?? DEFAULT_SHORT_PREFIX,
    lastOrder: init.order ?? null,
    busy: false,
    inFlight: null,
    queue: [],
    awaiting: [],
    outcome: null,
    nextReceiptId: 1,
  };
}

/** `/purchasing/receive?order=3&location=7`; both optional. */
export function poReceiveStateFromUrl(params: URLSearchParams): PoReceiveState {
  return initialPoReceiveState({ order: positiveInt(params.get('order')), location: positiveInt(params.get('location')) });
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

function receiveRequest(state: PoReceiveState, barcode: string): PoReceiveBody {
  const request: PoReceiveBody = { barcode };
  if (state.order) request.purchase_order = state.order;
  if (state.location) request.location = state.location;
  return request;
}

function effectForScan(state: PoReceiveState, barcode: string): PoReceiveEffect {
  if (locationFromBarcode(barcode, state.shortPrefix) !== null) return { kind: 'identify', barcode, purpose: 'location' };
  return { kind: 'receive', request: receiveRequest(state, barcode) };
}

function start(state: PoReceiveState, effect: PoReceiveEffect): PoReceiveStep {
  return { state: { ...state, busy: true, inFlight: effect }, effect };
}

function missingOf(r: Pick<PendingReceipt, 'quantity' | 'location'>): MissingField[] {
  const m: MissingField[] = [];
  if (!(r.quantity !== null && r.quantity > 0)) m.push('quantity');
  if (r.location === null) m.push('location');
  return m;
}

function receiveLineEffect(r: PendingReceipt): PoReceiveEffect {
  const location = r.location as number;
  return {
    kind: 'receiveLine',
    order: r.order,
    receiptId: r.id,
    // The label's barcode goes onto the new stock item, so scanning it again says "already received".
    request: { items: [{ line_item: r.line, quantity: r.quantity as number, location, barcode: r.barcode }], location },
  };
}

/** After an answer: finish receipts a location scan made complete, then the queued scans. */
function continueWork(state: PoReceiveState): PoReceiveStep {
  const ready = [...state.awaiting].reverse().find((r) => r.autoSubmit && missingOf(r).length === 0);
  if (ready) return start(state, receiveLineEffect(ready));
  if (state.queue.length > 0) {
    const [next, ...rest] = state.queue;
    return start({ ...state, queue: rest }, effectForScan(state, next));
  }
  return { state, effect: null };
}

export function poReceiveStep(state: PoReceiveState, event: PoReceiveEvent): PoReceiveStep {
  switch (event.type) {
    case 'setOrder':
      if (event.order === state.order) return { state, effect: null };
      return { state: { ...state, order: event.order, lastOrder: event.order ?? state.lastOrder }, effect: null };
    case 'setLocation':
      return { state: { ...state, location: event.location }, effect: null };
    case 'setShortPrefix':
      return { state: { ...state, shortPrefix: event.prefix }, effect: null };
    case 'scan': {
      const text = event.scan.text;
      if (text.trim() === '') return { state, effect: null };
      if (state.busy) return { state: { ...state, queue: [...state.queue, text] }, effect: null };
      return start(state, effectForScan(state, text));
    }
    case 'completeReceipt': {
      const r = state.awaiting.find((x) => x.id === event.id);
      if (!r || state.busy) return { state, effect: null };
      const filled: PendingReceipt = {
        ...r,
        quantity: event.quantity !== null && event.quantity > 0 ? event.quantity : r.quantity,
        location: event.location ?? r.location,
      };
      const awaiting = state.awaiting.map((x) => (x.id === r.id ? filled : x));
      if (missingOf(filled).length > 0) return { state: { ...state, awaiting }, effect: null };
      // The location chosen for a receipt is where the user stands: keep it for the next labels.
      return start({ ...state, awaiting, location: filled.location }, receiveLineEffect(filled));
    }
    case 'dismissReceipt':
      return { state: { ...state, awaiting: state.awaiting.filter((r) => r.id !== event.id) }, effect: null };
    case 'answer': {
      const effect = state.inFlight;
      const done: PoReceiveState = { ...state, busy: false, inFlight: null };
      if (!effect) return { state: done, effect: null };
      const next = readAnswer(done, effect, event.answer);
      if (next.effect) return next;
      return continueWork(next.state);
    }
    case 'queued': {
      const effect = state.inFlight;
      if (!effect) return { state, effect: null };
      const barcode = effect.kind === 'receiveLine' ? (effect.request.items[0]?.barcode ?? '') : effect.kind === 'receive' ? effect.request.barcode : effect.barcode;
      return continueWork({ ...state, busy: false, inFlight: null, outcome: { kind: 'queued', barcode, queueId: event.id, reason: event.reason } });
    }
  }
}

function fail(state: PoReceiveState, reason: PoReceiveErrorReason, message: string, status: number, barcode: string | null): PoReceiveState {
  return { ...state, outcome: { kind: 'error', reason, message, status, barcode } };
}

function commonFailure(answer: HttpAnswer): { reason: PoReceiveErrorReason; message: string } | null {
  if (answer.status === 0) return { reason: 'network', message: answer.message ?? 'The server could not be reached. Scan the label again when the connection is back.' };
  if (answer.status === 401) return { reason: 'signedOut', message: 'You are signed out. Sign in again in Settings, then scan the label again.' };
  if (answer.status === 403) return { reason: 'forbidden', message: 'Your InvenTree account may not receive purchase orders (it needs the Purchase orders "add" right).' };
  if (answer.status >= 500) return { reason: 'server', message: `The server failed (HTTP ${answer.status}). Nothing was received.` };
  return null;
}

function readAnswer(state: PoReceiveState, effect: PoReceiveEffect, answer: HttpAnswer): PoReceiveStep {
  switch (effect.kind) {
    case 'receive':
      return readReceiveAnswer(state, effect.request, answer);
    case 'identify':
      return { state: readIdentifyAnswer(state, effect, answer), effect: null };
    case 'receiveLine':
      return { state: readReceiveLineAnswer(state, effect, answer), effect: null };
  }
}

function readReceiveAnswer(state: PoReceiveState, request: PoReceiveBody, answer: HttpAnswer): PoReceiveStep {
  const barcode = request.barcode;
  const common = commonFailure(answer);
  if (common) return { state: fail(state, common.reason, common.message, answer.status, barcode), effect: null };
  const body = isRecord(answer.body) ? answer.body : null;

  if (answer.status === 200 && body && body.error === undefined) {
    const li = isRecord(body.lineitem) ? body.lineitem : null;
    const line = li ? num(li.pk) : null;
    const order = li ? (num(li.purchase_order) ?? request.purchase_order ?? null) : null;
    if (li && line !== null && order !== null) {
      const quantity = num(li.quantity);
      const location = num(li.location);
      const plugin = typeof body.plugin === 'string' && body.plugin !== 'None' ? body.plugin : null;
      if (typeof body.success === 'string') {
        return {
          state: { ...state, lastOrder: order, outcome: { kind: 'received', barcode, line, order, quantity, location, plugin, byHand: false } },
          effect: null,
        };
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
      };
      receipt.missing = missingOf(receipt);
      if (receipt.missing.length === 0) {
        // The server lacked nothing the page does not already know (e.g. the location was just set).
        return start({ ...state, lastOrder: order, nextReceiptId: state.nextReceiptId + 1, awaiting: [receipt, ...state.awaiting] }, receiveLineEffect(receipt));
      }
      return {
        state: {
          ...state,
          lastOrder: order,
          nextReceiptId: state.nextReceiptId + 1,
          awaiting: [receipt, ...state.awaiting.filter((r) => r.barcode !== barcode)],
          outcome: { kind: 'actionRequired', barcode, receiptId: receipt.id, line, order, missing: receipt.missing },
        },
        effect: null,
      };
    }
    return { state: fail(state, 'server', 'The server answered without saying what it received.', answer.status, barcode), effect: null };
  }

  if (answer.status === 400 || (answer.status === 200 && body?.error !== undefined)) {
    const fields = extractFieldErrors(answer.body);
    const po = fields.purchase_order?.join(' ') ?? '';
    if (po) {
      if (/not been placed/i.test(po)) {
        return {
          state: fail(state, 'orderNotPlaced', 'The chosen purchase order has not been placed (it is pending, complete or cancelled), so nothing can be received against it. Choose a placed order, or let the label find it.', answer.status, barcode),
          effect: null,
        };
      }
      return { state: fail(state, 'invalid', `Purchase order: ${po}`, answer.status, barcode), effect: null };
    }
    const loc = fields.location?.join(' ') ?? '';
    if (loc) {
      const structural = /structural/i.test(loc);
      // A location the server refuses must not stick: every further label would fail the same way.
      return {
        state: fail(
          { ...state, location: null },
          structural ? 'structuralLocation' : 'badLocation',
          structural
            ? `Location #${request.location} is structural (it only holds other locations), so stock cannot be received into it. Scan or choose a location inside it.`
            : `Location: ${loc} Choose another location.`,
          answer.status,
          barcode,
        ),
        effect: null,
      };
    }
    const firstField = Object.entries(fields)[0];
    if (firstField) return { state: fail(state, 'invalid', `${firstField[0]}: ${firstField[1].join(' ')}`, answer.status, barcode), effect: null };

    const error = cleanServerText(body?.error);
    if (/^No match for supplier barcode$|^No plugin match for supplier barcode$/i.test(error)) {
      // Maybe a location's custom barcode, maybe another InvenTree object: ask the scan endpoint.
      return start(state, { kind: 'identify', barcode, purpose: 'explain' });
    }
    const [reason, message] = explainReceiveError(error, body ?? {}, request);
    return { state: fail(state, reason, message, answer.status, barcode), effect: null };
  }
  return { state: fail(state, 'server', `Unexpected answer from the server (HTTP ${answer.status}).`, answer.status, barcode), effect: null };
}

/** A po-receive `error` in words, with what to do next. */
export function explainReceiveError(error: string, body: Record<string, unknown>, request: PoReceiveBody): [PoReceiveErrorReason, string] {
  const orderNo = /'(.*)'/.exec(error)?.[1];
  const known = orderNo && orderNo !== 'None' ? `order number “${orderNo}”` : null;
  if (/^Item has already been received$/i.test(error)) {
    return ['alreadyReceived', 'Already received: this label belongs to a stock item that exists. Scan the next label.'];
  }
  if (/^No matching purchase order/i.test(error)) {
    return [
      'noMatchingOrder',
      `No placed purchase order matches ${known ?? 'this label'}. Choose the order before scanning (an order still pending must be placed first).`,
    ];
  }
  if (/^Found multiple purchase orders/i.test(error)) {
    return ['multipleOrders', `Several placed purchase orders match ${known ?? 'this label'}. Choose the order, then scan again.`];
  }
  if (/^Purchase order does not match supplier$/i.test(error)) {
    const plugin = typeof body.plugin === 'string' && body.plugin !== 'None' ? body.plugin.replace(/Plugin$/, '') : null;
    return [
      'wrongSupplier',
      `Wrong supplier: this ${plugin ? `${plugin} ` : ''}label is not from the supplier of the chosen purchase order${request.purchase_order ? ` (#${request.purchase_order})` : ''}. Choose the right order, or “found from the label”.`,
    ];
  }
  if (/^Found multiple matching supplier parts/i.test(error)) {
    return ['multipleParts', 'Several supplier parts match this label, so InvenTree cannot tell which line it is. Receive it by hand, or make the SKUs unique.'];
  }
  if (/^Failed to find pending line item/i.test(error)) {
    return ['noPendingLine', 'The purchase order has no line still waiting for this part (it is fully received or not on the order).'];
  }
  const described = describeBarcodeError(error, body);
  return ['invalid', described.nextStep ? `${described.message} ${described.nextStep}` : described.message];
}

function readIdentifyAnswer(state: PoReceiveState, effect: Extract<PoReceiveEffect, { kind: 'identify' }>, answer: HttpAnswer): PoReceiveState {
  const barcode = effect.barcode;
  const common = commonFailure(answer);
  if (common) return fail(state, common.reason, common.message, answer.status, barcode);
  const body = isRecord(answer.body) ? answer.body : null;
  const match = answer.status === 200 && body && body.error === undefined ? extractMatch(body) : null;
  if (match?.model === 'stocklocation') {
    // A location scan fills the gap of receipts that only lacked a location, and receives them.
    const awaiting = state.awaiting.map((r) =>
      r.location === null ? { ...r, location: match.pk, autoSubmit: missingOf({ ...r, location: match.pk }).length === 0 } : r,
    );
    return { ...state, location: match.pk, awaiting, outcome: { kind: 'locationSet', barcode, location: match.pk } };
  }
  if (effect.purpose === 'location') {
    return fail(state, 'notLocation', 'No stock location has this barcode (it may have been deleted).', answer.status, barcode);
  }
  if (match) {
    const what = `${modelName(match.model)} #${match.pk}`;
    const hint = match.model === 'stockitem' ? ' It has been received already.' : ' Scan the supplier’s label (DigiKey, Mouser, LCSC or TME) instead.';
    return fail(state, 'notSupplierLabel', `That is the barcode of ${what}, not a supplier label.${hint}`, 400, barcode);
  }
  return fail(
    state,
    'unknownBarcode',
    'Not a supplier label InvenTree can read, and no InvenTree object has this barcode. Scan the supplier’s label (DigiKey, Mouser, LCSC or TME).',
    400,
    barcode,
  );
}

function readReceiveLineAnswer(state: PoReceiveState, effect: Extract<PoReceiveEffect, { kind: 'receiveLine' }>, answer: HttpAnswer): PoReceiveState {
  const receipt = state.awaiting.find((r) => r.id === effect.receiptId);
  const barcode = receipt?.barcode ?? effect.request.items[0]?.barcode ?? null;
  if (answer.status === 200 || answer.status === 201) {
    const item = effect.request.items[0];
    return {
      ...state,
      lastOrder: effect.order,
      awaiting: state.awaiting.filter((r) => r.id !== effect.receiptId),
      outcome: { kind: 'received', barcode: barcode ?? '', line: item.line_item, order: effect.order, quantity: item.quantity, location: item.location, plugin: null, byHand: true },
    };
  }
  // The receipt stays in `awaiting` (no longer automatic) so the user can correct it.
  const kept = { ...state, awaiting: state.awaiting.map((r) => (r.id === effect.receiptId ? { ...r, autoSubmit: false } : r)) };
  const common = commonFailure(answer);
  if (common) return fail(kept, common.reason, common.message, answer.status, barcode);
  const fields = extractFieldErrors(answer.body);
  const detail = Object.entries(fields)
    .map(([k, v]) => (k === 'non_field_errors' || k.startsWith('items') ? v.join(' ') : `${k}: ${v.join(' ')}`))
    .join(' ');
  const text = detail || cleanServerText(isRecord(answer.body) ? (answer.body.detail ?? answer.body.error) : answer.body);
  return fail(kept, 'receiveRejected', `Not received: ${text || `the server refused (HTTP ${answer.status})`}`, answer.status, barcode);
}
