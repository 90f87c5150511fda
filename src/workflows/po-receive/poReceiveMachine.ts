/**
 * Receiving supplier labels against a purchase order as a pure state machine
 * (`POST /api/barcode/po-receive/`, BEHAVIOUR.md 2.6), on the workflow kit's contract.
 *
 * The user may choose the order (otherwise the label's order numbers find it) and the destination
 * location. Scanning a location's InvenTree barcode sets the location, which stays until changed.
 * Each supplier label is sent to po-receive; when v291 answers `action_required` (nothing received:
 * quantity or location unknown) the receipt waits in `awaiting` until the user gives only what is
 * missing, then it is completed with `POST /api/order/po/{id}/receive/`.
 *
 * Scans arriving while a request is in flight wait in the kit's queue and go in scan order.
 */
import { begin, finish, nextQueued, scanOrQueue, stay } from '../kit/machine.ts';
import { readIdentifyAnswer, readReceiveAnswer, readReceiveLineAnswer } from './poReceiveAnswers.ts';
import {
  fail,
  locationFromBarcode,
  missingOf,
  receiveLine,
  receiveOrderProblem,
  type PendingReceipt,
  type PoReceiveBody,
  type PoReceiveEvent,
  type PoReceiveState,
  type PoReceiveStep,
} from './poReceiveTypes.ts';

export * from './poReceiveTypes.ts';
export { explainReceiveError } from './poReceiveAnswers.ts';

function receiveRequest(state: PoReceiveState, barcode: string): PoReceiveBody {
  const request: PoReceiveBody = { barcode };
  if (state.order) request.purchase_order = state.order;
  if (state.location) request.location = state.location;
  return request;
}

function startScan(state: PoReceiveState, barcode: string): PoReceiveStep {
  if (locationFromBarcode(barcode, state.shortPrefix) !== null)
    return begin(state, { kind: 'identify', barcode, purpose: 'location' });
  // An order that cannot take receipts is said before anything is sent (InvenTree would refuse each label).
  const problem = receiveOrderProblem(state.order, state.orderStatus);
  if (problem) return stay(fail(state, 'orderNotPlaced', problem, 0, barcode));
  // Confirm mode: find the label's line first (nothing booked), ask, then receive by hand.
  if (state.confirm) return begin(state, { kind: 'identify', barcode, purpose: 'confirm' });
  return begin(state, { kind: 'receive', request: receiveRequest(state, barcode) });
}

/** A label the step just received is remembered: scanning it again is a real repeat. */
function remember(before: PoReceiveState, step: PoReceiveStep): PoReceiveStep {
  const o = step.state.outcome;
  if (o === before.outcome || o?.kind !== 'received' || step.state.receivedBarcodes.includes(o.barcode)) return step;
  return { ...step, state: { ...step.state, receivedBarcodes: [...step.state.receivedBarcodes, o.barcode] } };
}

/** After an answer: finish receipts a location scan made complete, then the queued scans. */
function continueWork(state: PoReceiveState): PoReceiveStep {
  const ready = [...state.awaiting].reverse().find((r) => r.autoSubmit && missingOf(r).length === 0);
  if (ready) return receiveLine(state, ready);
  return nextQueued(state, startScan);
}

/** The barcode an effect is about. */
function barcodeOf(state: PoReceiveState): string {
  const effect = state.inFlight;
  if (!effect) return '';
  if (effect.kind === 'receiveLine') return effect.request.items[0]?.barcode ?? '';
  return effect.kind === 'receive' ? effect.request.barcode : effect.barcode;
}

export function poReceiveStep(state: PoReceiveState, event: PoReceiveEvent): PoReceiveStep {
  switch (event.type) {
    case 'setOrder':
      if (event.order === state.order) return stay(state);
      return stay({ ...state, order: event.order, lastOrder: event.order ?? state.lastOrder, orderStatus: null });
    case 'setOrderStatus':
      // An answer about an order no longer chosen says nothing about the current one.
      return stay(event.order === state.order ? { ...state, orderStatus: event.status } : state);
    case 'setConfirm':
      return stay({ ...state, confirm: event.confirm });
    case 'setLines':
      return stay({ ...state, lines: event.lines });
    case 'setLocation':
      return stay({ ...state, location: event.location });
    case 'setShortPrefix':
      return stay({ ...state, shortPrefix: event.prefix });
    case 'scan':
      if (event.scan.text.trim() === '') return stay(state);
      return scanOrQueue(state, event.scan.text, startScan);
    case 'completeReceipt': {
      const r = state.awaiting.find((x) => x.id === event.id);
      if (!r || state.inFlight) return stay(state);
      const filled: PendingReceipt = {
        ...r,
        quantity: event.quantity !== null && event.quantity > 0 ? event.quantity : r.quantity,
        location: event.location ?? r.location,
      };
      const awaiting = state.awaiting.map((x) => (x.id === r.id ? filled : x));
      if (missingOf(filled).length > 0) return stay({ ...state, awaiting });
      // The location chosen for a receipt is where the user stands: keep it for the next labels.
      return receiveLine({ ...state, awaiting, location: filled.location }, filled);
    }
    case 'dismissReceipt':
      return stay({ ...state, awaiting: state.awaiting.filter((r) => r.id !== event.id) });
    case 'answer': {
      const effect = state.inFlight;
      if (!effect || effect.kind !== event.to) return stay(finish(state));
      const done = finish(state);
      const next: PoReceiveStep =
        event.to === 'receive' && effect.kind === 'receive'
          ? readReceiveAnswer(done, effect.request, event.answer)
          : event.to === 'identify' && effect.kind === 'identify'
            ? stay(readIdentifyAnswer(done, effect, event.answer))
            : event.to === 'receiveLine' && effect.kind === 'receiveLine'
              ? stay(readReceiveLineAnswer(done, effect, event.answer))
              : stay(done);
      return remember(done, next.effect ? next : continueWork(next.state));
    }
    case 'queued': {
      if (!state.inFlight) return stay(state);
      return continueWork({
        ...finish(state),
        outcome: { kind: 'queued', barcode: barcodeOf(state), queueId: event.id, reason: event.reason },
      });
    }
  }
}
