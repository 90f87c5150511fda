import { describe, expect, it } from 'vitest';
import { type SoAllocateState, initialSoAllocateState, soAllocateStep } from './soAllocateMachine.ts';
import { transcript, reply, scan, replay, errorOf } from './testing/soAllocateReplies.ts';

describe('so-allocate: success', () => {
  it('auto-detected line and the one open shipment (126)', () => {
    const s = replay('126-so-allocate-auto');
    expect(s.outcome).toEqual({
      kind: 'allocated',
      allocation: { barcode: '{"stockitem": 231}', stockItem: 231, part: 108, line: 2, shipment: 6, quantity: 5 },
    });
    expect(s.inFlight).toBeNull();
  });

  it('explicit line, shipment and quantity (127)', () => {
    const s = replay('127-so-allocate-explicit');
    expect(s.outcome).toMatchObject({
      kind: 'allocated',
      allocation: { stockItem: 325, line: 3, shipment: 6, quantity: 10 },
    });
    // The context stays for the next scan.
    expect([s.order, s.line, s.shipment, s.quantity]).toEqual([2, 3, 6, 10]);
  });

  it('a view-only user is not stopped by v291 (138)', () => {
    expect(replay('138-so-allocate-other-user').outcome).toMatchObject({ kind: 'allocated' });
  });
});

describe('so-allocate: no single open shipment', () => {
  it('200 without success or error waits for a shipment (124)', () => {
    const s = replay('124-so-allocate-no-shipment');
    expect(s.outcome).toEqual({
      kind: 'needsShipment',
      barcode: '{"stockitem": 231}',
      stockItem: 231,
      line: 2,
      quantity: 5,
    });
    expect(s.waiting).toEqual({ barcode: '{"stockitem": 231}', stockItem: 231, line: 2, quantity: 5 });
  });

  it('a serialised item forced to quantity 1 on an order without shipments waits too (137)', () => {
    const s = replay('137-so-allocate-serialized');
    expect(s.outcome).toMatchObject({ kind: 'needsShipment', stockItem: 1003, line: 6, quantity: 1 });
  });

  it('creating a shipment (125) sends the waiting scan again into it, which then allocates (126)', () => {
    let s = replay('124-so-allocate-no-shipment');
    const create = soAllocateStep(s, { type: 'createShipment', reference: ' SHIP-BARCODE-1 ' });
    expect(create.effect).toEqual({ kind: 'createShipment', order: 2, reference: 'SHIP-BARCODE-1' });
    expect(transcript('125-setup-create-shipment').request.body).toEqual({ order: 2, reference: 'SHIP-BARCODE-1' });
    const created = transcript('125-setup-create-shipment').response;
    const again = soAllocateStep(create.state, reply(create.state, { status: created.status, body: created.body }));
    expect(again.state.shipment).toBe(6);
    expect(again.effect).toEqual({
      kind: 'allocate',
      request: { barcode: '{"stockitem": 231}', sales_order: 2, line: 2, shipment: 6 },
    });
    const answer = transcript('126-so-allocate-auto').response;
    s = soAllocateStep(again.state, reply(again.state, { status: answer.status, body: answer.body })).state;
    expect(s.outcome).toMatchObject({ kind: 'allocated', allocation: { shipment: 6, line: 2, quantity: 5 } });
    expect(s.waiting).toBeNull();
  });

  it('choosing an existing shipment sends the waiting scan again', () => {
    const s = replay('124-so-allocate-no-shipment');
    const step = soAllocateStep(s, { type: 'chooseShipmentForWaiting', shipment: 6 });
    expect(step.effect).toEqual({
      kind: 'allocate',
      request: { barcode: '{"stockitem": 231}', sales_order: 2, line: 2, shipment: 6 },
    });
    expect(step.state.shipment).toBe(6);
  });

  it('a refused shipment creation is explained and the scan keeps waiting', () => {
    const s = replay('124-so-allocate-no-shipment');
    const create = soAllocateStep(s, { type: 'createShipment', reference: '1' });
    const refused = soAllocateStep(
      create.state,
      reply(create.state, {
        status: 400,
        body: { non_field_errors: ['The fields order, reference must make a unique set.'] },
      }),
    );
    expect(refused.effect).toBeNull();
    expect(errorOf(refused.state)).toMatchObject({
      reason: 'shipmentNotCreated',
      message: 'The shipment was not created. The fields order, reference must make a unique set.',
    });
    expect(refused.state.waiting).not.toBeNull();
    const forbidden = soAllocateStep(
      create.state,
      reply(create.state, { status: 403, body: { detail: 'You do not have permission to perform this action.' } }),
    );
    expect(errorOf(forbidden.state).message).toContain('may not create shipments');
  });

  it('dismissing forgets the waiting scan', () => {
    const s = soAllocateStep(replay('124-so-allocate-no-shipment'), { type: 'dismissWaiting' }).state;
    expect(s.waiting).toBeNull();
    expect(soAllocateStep(s, { type: 'chooseShipmentForWaiting', shipment: 6 }).effect).toBeNull();
  });
});

describe('so-allocate: refusals in words', () => {
  it('insufficient stock (128, stringified quantity)', () => {
    expect(errorOf(replay('128-so-allocate-insufficient'))).toEqual(
      expect.objectContaining({
        reason: 'insufficientStock',
        message:
          'Not enough stock: stock item #325 has less than 100 unallocated. Allocate a smaller quantity or another item.',
      }),
    );
  });

  it('item not on the order (129, ErrorDetail repr unwrapped)', () => {
    const e = errorOf(replay('129-so-allocate-item-not-on-order'));
    expect(e).toMatchObject({
      reason: 'noLine',
      message: 'Stock item #415 is of a part that is not on this sales order.',
    });
    expect(e.message).not.toContain('ErrorDetail');
  });

  it('wrong part for the chosen line (130)', () => {
    expect(errorOf(replay('130-so-allocate-line-mismatch'))).toMatchObject({
      reason: 'wrongPart',
      message: 'Wrong part: stock item #231 is not the part of the chosen line (#3).',
    });
  });

  it('shipment of another order (131)', () => {
    expect(errorOf(replay('131-so-allocate-shipment-other-order'))).toMatchObject({
      reason: 'shipmentMismatch',
      message: "Shipment #2 belongs to another sales order. Choose one of this order's shipments.",
    });
  });

  it('a part barcode instead of a stock item (132)', () => {
    expect(errorOf(replay('132-so-allocate-part-barcode'))).toMatchObject({
      reason: 'notStockItem',
      message: "That barcode is a part (#108), not a stock item. Scan the stock item's own label.",
    });
  });

  it('an unknown barcode (133)', () => {
    expect(errorOf(replay('133-so-allocate-unknown'))).toMatchObject({ reason: 'unknownBarcode' });
  });

  it('no order chosen: the machine asks first and sends nothing; the server says the same (134)', () => {
    const step = soAllocateStep(initialSoAllocateState(), { type: 'scan', scan: scan('{"stockitem": 231}') });
    expect(step.effect).toBeNull();
    expect(errorOf(step.state).reason).toBe('noOrder');
    const t = transcript('134-so-allocate-missing-so');
    const forced: SoAllocateState = {
      ...initialSoAllocateState({ order: 2 }),
      inFlight: { kind: 'allocate', request: { barcode: '{"stockitem": 231}', sales_order: 2 } },
    };
    const s = soAllocateStep(forced, reply(forced, { status: t.response.status, body: t.response.body })).state;
    expect(errorOf(s)).toMatchObject({
      reason: 'noOrder',
      message: 'Sales order: This field is required. Choose a pending sales order.',
    });
  });

  it('order not pending (135)', () => {
    expect(errorOf(replay('135-so-allocate-not-pending'))).toMatchObject({ reason: 'orderNotPending' });
  });

  it('a line that does not exist (136)', () => {
    expect(errorOf(replay('136-so-allocate-bad-line-pk'))).toMatchObject({
      reason: 'lineNotFound',
      message: 'Line #999999 does not exist (any more). Choose another line or "any line".',
    });
  });

  it('several lines for the part, and a delivered shipment (BEHAVIOUR 2.7)', () => {
    const base: SoAllocateState = {
      ...initialSoAllocateState({ order: 2 }),
      inFlight: { kind: 'allocate', request: { barcode: 'x', sales_order: 2, shipment: 1 } },
    };
    const multi = soAllocateStep(
      base,
      reply(base, {
        status: 400,
        body: { error: "[ErrorDetail(string='Multiple matching line items found', code='invalid')]" },
      }),
    ).state;
    expect(errorOf(multi).reason).toBe('multipleLines');
    const delivered = soAllocateStep(
      base,
      reply(base, { status: 400, body: { shipment: ['Shipment has already been delivered'] } }),
    ).state;
    expect(errorOf(delivered).reason).toBe('shipmentDelivered');
  });

  it('signed out, network and server failures', () => {
    const base: SoAllocateState = {
      ...initialSoAllocateState({ order: 2 }),
      inFlight: { kind: 'allocate', request: { barcode: 'x', sales_order: 2 } },
    };
    const cases: [number, string][] = [
      [401, 'signedOut'],
      [0, 'network'],
      [500, 'server'],
    ];
    for (const [status, reason] of cases) {
      const s = soAllocateStep(base, reply(base, { status, body: null })).state;
      expect(errorOf(s).reason).toBe(reason);
      expect(s.inFlight).toBeNull();
    }
  });
});
