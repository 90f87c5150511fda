import { describe, expect, it } from 'vitest';
import {
  isResend,
  initialSoAllocateState,
  nextShipmentReference,
  soAllocateQuery,
  soAllocateStateFromUrl,
  soAllocateStep,
} from './soAllocateMachine.ts';
import { reply, scan, replay } from './testing/soAllocateReplies.ts';

describe('so-allocate: context', () => {
  it('reads and writes the bookmarkable URL', () => {
    const s = soAllocateStateFromUrl(new URLSearchParams('order=5&line=9&shipment=2'));
    expect([s.order, s.line, s.shipment]).toEqual([5, 9, 2]);
    expect(soAllocateQuery(s)).toBe('order=5&line=9&shipment=2');
    const noOrder = soAllocateStateFromUrl(new URLSearchParams('line=9&shipment=x'));
    expect([noOrder.order, noOrder.line, noOrder.shipment]).toEqual([null, null, null]);
    expect(soAllocateQuery(noOrder)).toBe('');
  });

  it('changing the order clears line, shipment and a waiting scan', () => {
    let s = replay('124-so-allocate-no-shipment');
    s = soAllocateStep(s, { type: 'setLine', line: 2 }).state;
    s = soAllocateStep(s, { type: 'setOrder', order: 3 }).state;
    expect([s.order, s.line, s.shipment, s.waiting]).toEqual([3, null, null, null]);
  });

  it('quantity must be a positive integer (the field is an IntegerField)', () => {
    let s = initialSoAllocateState({ order: 2 });
    s = soAllocateStep(s, { type: 'setQuantity', quantity: 2.5 }).state;
    expect(s.quantity).toBeNull();
    s = soAllocateStep(s, { type: 'setQuantity', quantity: 0 }).state;
    expect(s.quantity).toBeNull();
    s = soAllocateStep(s, { type: 'setQuantity', quantity: 3 }).state;
    expect(s.quantity).toBe(3);
  });

  it('ignores scans while a request is in flight', () => {
    const first = soAllocateStep(initialSoAllocateState({ order: 2 }), { type: 'scan', scan: scan('a') });
    expect(soAllocateStep(first.state, { type: 'scan', scan: scan('b') }).effect).toBeNull();
  });

  it('suggests the next shipment reference', () => {
    expect(nextShipmentReference([])).toBe('1');
    expect(nextShipmentReference(['1', '2'])).toBe('3');
    expect(nextShipmentReference(['SHIP-BARCODE-1'])).toBe('1');
    expect(nextShipmentReference(['001', '2'])).toBe('3');
  });
});

describe('so-allocate: scans faster than the server', () => {
  const allocated = (stockItem: number) => ({
    status: 200,
    body: {
      success: 'Allocated stock item',
      stock_item: stockItem,
      part: 108,
      line_item: 2,
      shipment: 6,
      quantity: 1,
      sales_order: 2,
    },
  });
  const noShipment = {
    status: 200,
    body: { stock_item: 231, line_item: 2, quantity: 5, shipment: null, sales_order: 2, part: 108 },
  };

  it('queues scans while a request is in flight and sends them in order, each as a new scan', () => {
    let step = soAllocateStep(initialSoAllocateState({ order: 2 }), { type: 'scan', scan: scan('{"stockitem": 231}') });
    expect(isResend(step)).toBe(false);
    step = soAllocateStep(step.state, { type: 'scan', scan: scan('{"stockitem": 232}') });
    expect(step.effect).toBeNull();
    step = soAllocateStep(step.state, { type: 'scan', scan: scan('{"stockitem": 233}') });
    expect(step.state.queue).toEqual(['{"stockitem": 232}', '{"stockitem": 233}']);

    step = soAllocateStep(step.state, reply(step.state, allocated(231)));
    expect(step.state.outcome).toMatchObject({ kind: 'allocated', allocation: { stockItem: 231 } });
    expect(step.effect).toEqual({ kind: 'allocate', request: { barcode: '{"stockitem": 232}', sales_order: 2 } });
    expect(isResend(step)).toBe(false);
    step = soAllocateStep(step.state, reply(step.state, { status: 0, body: null, message: 'Network down' }));
    expect(step.effect).toEqual({ kind: 'allocate', request: { barcode: '{"stockitem": 233}', sales_order: 2 } });
    step = soAllocateStep(step.state, reply(step.state, allocated(233)));
    expect(step.effect).toBeNull();
    expect(step.state.queue).toEqual([]);
  });

  it('holds the queue while a scan waits for a shipment; the waiting scan goes again first', () => {
    let step = soAllocateStep(initialSoAllocateState({ order: 2 }), { type: 'scan', scan: scan('{"stockitem": 231}') });
    step = soAllocateStep(step.state, reply(step.state, noShipment));
    expect(step.state.waiting).not.toBeNull();
    step = soAllocateStep(step.state, { type: 'scan', scan: scan('{"stockitem": 240}') });
    expect(step.effect).toBeNull();
    // The shipment is chosen: the waiting scan is sent again (not a new scan), then the queued one.
    step = soAllocateStep(step.state, { type: 'chooseShipmentForWaiting', shipment: 6 });
    expect(step.effect).toEqual({
      kind: 'allocate',
      request: { barcode: '{"stockitem": 231}', sales_order: 2, line: 2, shipment: 6 },
    });
    expect(isResend(step)).toBe(true);
    step = soAllocateStep(step.state, reply(step.state, allocated(231)));
    expect(step.effect).toEqual({
      kind: 'allocate',
      request: { barcode: '{"stockitem": 240}', sales_order: 2, shipment: 6 },
    });
    expect(isResend(step)).toBe(false);
  });

  it('an allocation kept in the offline queue is a finished step: the next scan goes at once, with the same context', () => {
    let step = soAllocateStep(initialSoAllocateState({ order: 2, line: 2, shipment: 6 }), {
      type: 'scan',
      scan: scan('{"stockitem": 231}'),
    });
    step = soAllocateStep(step.state, { type: 'setQuantity', quantity: 2 });
    step = soAllocateStep(step.state, { type: 'scan', scan: scan('{"stockitem": 232}') });
    step = soAllocateStep(step.state, { type: 'queued', id: 'q1', reason: 'Cannot reach the server.' });
    expect(step.state.outcome).toEqual({
      kind: 'queued',
      barcode: '{"stockitem": 231}',
      queueId: 'q1',
      reason: 'Cannot reach the server.',
    });
    expect(step.effect).toEqual({
      kind: 'allocate',
      request: { barcode: '{"stockitem": 232}', sales_order: 2, line: 2, shipment: 6, quantity: 2 },
    });
    expect(isResend(step)).toBe(false);
    step = soAllocateStep(step.state, { type: 'queued', id: 'q2', reason: null });
    expect(step.effect).toBeNull();
    expect(step.state).toMatchObject({ inFlight: null, queue: [], waiting: null });
  });

  it('a waiting scan sent again and queued stops waiting; a shipment creation is never "queued"', () => {
    let step = soAllocateStep(initialSoAllocateState({ order: 2 }), { type: 'scan', scan: scan('{"stockitem": 231}') });
    step = soAllocateStep(step.state, reply(step.state, noShipment));
    step = soAllocateStep(step.state, { type: 'chooseShipmentForWaiting', shipment: 6 });
    step = soAllocateStep(step.state, { type: 'queued', id: 'q1', reason: null });
    expect(step.state.waiting).toBeNull();
    expect(step.state.outcome).toMatchObject({ kind: 'queued', barcode: '{"stockitem": 231}' });
    const creating = soAllocateStep(initialSoAllocateState({ order: 2 }), {
      type: 'createShipment',
      reference: '7',
    }).state;
    expect(soAllocateStep(creating, { type: 'queued', id: 'q2', reason: null }).state).toBe(creating);
  });

  it('dismissing the shipment question lets the queue go on; changing the order drops it', () => {
    let step = soAllocateStep(initialSoAllocateState({ order: 2 }), { type: 'scan', scan: scan('{"stockitem": 231}') });
    step = soAllocateStep(step.state, reply(step.state, noShipment));
    step = soAllocateStep(step.state, { type: 'scan', scan: scan('{"stockitem": 240}') });
    const dismissed = soAllocateStep(step.state, { type: 'dismissWaiting' });
    expect(dismissed.effect).toEqual({ kind: 'allocate', request: { barcode: '{"stockitem": 240}', sales_order: 2 } });
    const moved = soAllocateStep(step.state, { type: 'setOrder', order: 3 });
    expect(moved.state.queue).toEqual([]);
    expect(moved.effect).toBeNull();
  });
});
