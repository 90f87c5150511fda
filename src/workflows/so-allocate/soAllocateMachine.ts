/**
 * Sales-order allocation as a pure state machine (`POST /api/barcode/so-allocate/`, BEHAVIOUR.md 2.7).
 *
 * The user picks a pending order (optionally a line, a shipment and a quantity) and scans stock item
 * labels. v291 answers 200 with neither `success` nor `error` when no single open shipment exists: it
 * allocated nothing. The machine then keeps the scan waiting, the user picks or creates a shipment
 * (`POST /api/order/so/shipment/`), and the same barcode is sent again.
 *
 * Scans wait in the kit's queue while a request is in flight or a scan waits for a shipment.
 * The answers are the typed results of api/ (SoAllocateResult, the created shipment).
 */
import { i18n } from '../../i18n/i18n.ts';
import { begin, finish, stay } from '../kit/machine.ts';
import { readAllocateAnswer, readShipmentAnswer } from './soAllocateAnswers.ts';
import {
  allocateEffect,
  soOrderProblem,
  type SoAllocateEvent,
  type SoAllocateState,
  type SoAllocateStep,
} from './soAllocateTypes.ts';

export * from './soAllocateTypes.ts';
export { explainRejection } from './soAllocateAnswers.ts';

/** A new scan with nothing in flight and nothing waiting. */
function startScan(state: SoAllocateState, text: string): SoAllocateStep {
  if (!state.order) {
    return {
      state: {
        ...state,
        outcome: {
          kind: 'error',
          reason: 'noOrder',
          status: 0,
          barcode: text,
          message: i18n.t('wf-so-allocate:error.noOrder'),
        },
      },
      effect: null,
    };
  }
  // An order that cannot take allocations is said before anything is sent.
  const problem = soOrderProblem(state);
  if (problem)
    return stay({
      ...state,
      outcome: { kind: 'error', reason: 'orderNotPending', status: 0, barcode: text, message: problem },
    });
  return begin({ ...state, waiting: null }, allocateEffect(state, text, state.line));
}

/** Once the machine is free (no request, no shipment question), the oldest queued scan goes. */
function drain(step: SoAllocateStep): SoAllocateStep {
  const { state } = step;
  const [next, ...rest] = state.queue;
  if (step.effect || state.inFlight || state.waiting || next === undefined) return step;
  return startScan({ ...state, queue: rest }, next);
}

export function soAllocateStep(state: SoAllocateState, event: SoAllocateEvent): SoAllocateStep {
  switch (event.type) {
    case 'setOrder':
      if (event.order === state.order) return { state, effect: null };
      // Queued scans were meant for the old order.
      return {
        state: {
          ...state,
          order: event.order,
          line: null,
          shipment: null,
          waiting: null,
          outcome: null,
          queue: [],
          orderStatus: null,
        },
        effect: null,
      };
    case 'setOrderStatus':
      if (event.order !== state.order) return stay(state);
      return stay({
        ...state,
        orderStatus: event.status === null ? null : { status: event.status, anyOpen: event.anyOpen },
      });
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
      if (state.inFlight || state.waiting || state.queue.length > 0)
        return stay({ ...state, queue: [...state.queue, text] });
      return startScan(state, text);
    }
    case 'chooseShipmentForWaiting': {
      if (state.inFlight || !state.order) return stay(state);
      const next = { ...state, shipment: event.shipment };
      if (!state.waiting) return { state: next, effect: null };
      // Send the waiting scan again, pinned to the line the server picked for it.
      return begin(next, allocateEffect(next, state.waiting.barcode, state.line ?? state.waiting.line));
    }
    case 'createShipment': {
      const reference = event.reference.trim();
      if (state.inFlight || !state.order || reference === '') return stay(state);
      return begin(state, { kind: 'createShipment', order: state.order, reference });
    }
    case 'dismissWaiting':
      return drain({ state: { ...state, waiting: null, outcome: null }, effect: null });
    case 'answer': {
      const effect = state.inFlight;
      const done = finish(state);
      if (effect?.kind === 'allocate' && event.to === 'allocate')
        return drain(stay(readAllocateAnswer(done, effect.request, event.answer)));
      if (effect?.kind === 'createShipment' && event.to === 'createShipment')
        return drain(readShipmentAnswer(done, effect, event.answer));
      return drain(stay(done));
    }
    case 'queued': {
      const effect = state.inFlight;
      if (effect?.kind !== 'allocate') return { state, effect: null };
      // A waiting scan sent again and queued is no longer waiting: the queue has it.
      return drain({
        state: {
          ...finish(state),
          waiting: null,
          outcome: { kind: 'queued', barcode: effect.request.barcode, queueId: event.id, reason: event.reason },
        },
        effect: null,
      });
    }
  }
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
