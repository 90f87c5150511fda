import { describe, expect, it } from 'vitest';
import { SO_STATUS } from '../../api/lists.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { initialSoAllocateState, soAllocateStep, soOrderProblem, soQuestion } from './soAllocateMachine.ts';

const scan = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 1 });

describe('so-allocate: asked before the first scan', () => {
  it('an order with no open shipment is asked up front; one open shipment is not', () => {
    const s = initialSoAllocateState({ order: 2 });
    expect(soQuestion(s, null)).toBeNull(); // shipments not loaded yet
    expect(soQuestion(s, 0)).toEqual({ kind: 'noShipment' });
    expect(soQuestion(s, 1)).toBeNull();
    expect(soQuestion(initialSoAllocateState(), 0)).toBeNull(); // no order chosen
  });

  it('a scan waiting for its shipment asks "which shipment?", and later scans wait behind it', () => {
    const s = {
      ...initialSoAllocateState({ order: 2 }),
      waiting: { barcode: '{"stockitem": 231}', stockItem: 231, line: 2, quantity: 5 },
    };
    expect(soQuestion(s, 2)).toEqual({ kind: 'whichShipment' });
    const queued = soAllocateStep(s, { type: 'scan', scan: scan('{"stockitem": 232}') });
    expect(queued.effect).toBeNull();
    expect(queued.state.queue).toEqual(['{"stockitem": 232}']);
  });

  it('creating the shipment from the up-front question needs no scan', () => {
    const s = initialSoAllocateState({ order: 2 });
    const step = soAllocateStep(s, { type: 'createShipment', reference: '45' });
    expect(step.effect).toEqual({ kind: 'createShipment', order: 2, reference: '45' });
    const done = soAllocateStep(step.state, {
      type: 'answer',
      to: 'createShipment',
      answer: { kind: 'answered', value: { pk: 9, order: 2, reference: '45' } as never },
    });
    expect(done.effect).toBeNull();
    expect(done.state).toMatchObject({ shipment: 9, outcome: { kind: 'shipmentCreated', reference: '45' } });
  });
});

describe('so-allocate: an order that cannot take allocations', () => {
  const withStatus = (status: number, anyOpen: boolean) =>
    soAllocateStep(initialSoAllocateState({ order: 4 }), { type: 'setOrderStatus', order: 4, status, anyOpen }).state;

  it('v291: only a pending order; scans are refused up front with the reason', () => {
    const s = withStatus(SO_STATUS.inProgress, false);
    expect(soOrderProblem(s)).toMatch(/in progress: InvenTree allocates stock by barcode only to a pending order/);
    const step = soAllocateStep(s, { type: 'scan', scan: scan('{"stockitem": 231}') });
    expect(step.effect).toBeNull();
    expect(step.state.outcome).toMatchObject({ kind: 'error', reason: 'orderNotPending' });
    expect(soQuestion(s, 0)).toBeNull(); // no shipment question for an order that cannot be used
    expect(soOrderProblem(withStatus(SO_STATUS.pending, false))).toBeNull();
  });

  it('API 425: any open order (pending, in progress, on hold); shipped and later are refused', () => {
    expect(soOrderProblem(withStatus(SO_STATUS.inProgress, true))).toBeNull();
    expect(soOrderProblem(withStatus(SO_STATUS.onHold, true))).toBeNull();
    expect(soOrderProblem(withStatus(SO_STATUS.shipped, true))).toMatch(/shipped: .* only to an open order/);
  });

  it('a status for another order is ignored; choosing another order forgets it', () => {
    const other = soAllocateStep(initialSoAllocateState({ order: 1 }), {
      type: 'setOrderStatus',
      order: 4,
      status: SO_STATUS.complete,
      anyOpen: false,
    });
    expect(other.state.orderStatus).toBeNull();
    const s = withStatus(SO_STATUS.complete, false);
    expect(soAllocateStep(s, { type: 'setOrder', order: 2 }).state.orderStatus).toBeNull();
  });
});
