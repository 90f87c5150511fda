import { describe, expect, it } from 'vitest';
import { answerFromReply, BARCODE_PATHS } from '../../api/barcode.ts';
import { readSoAllocateAnswer } from '../../api/barcodeAnswers.ts';
import type { SalesOrderShipment } from '../../api/lists.ts';
import {
  isResend,
  type SoAllocateEvent,
  type AllocateRequest,
  type SoAllocateState,
  initialSoAllocateState,
  nextShipmentReference,
  soAllocateQuery,
  soAllocateStateFromUrl,
  soAllocateStep,
} from './soAllocateMachine.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';

interface Transcript {
  request: { path: string; body: Record<string, unknown> | null };
  response: { status: number; body: unknown };
}

// The recorded v291 answers, copied into the project (e2e/fixtures/contract).
const FILES = import.meta.glob<Transcript>('../../../e2e/fixtures/contract/transcripts/*.json', {
  eager: true,
  import: 'default',
});

function transcript(name: string): Transcript {
  const t = FILES[`../../../e2e/fixtures/contract/transcripts/${name}.json`];
  if (!t) throw new Error(`no transcript ${name}`);
  return t;
}

interface Reply {
  status: number;
  body: unknown;
  message?: string;
}

/** The server's reply to the request in flight, as the page hands it to the machine: parsed once by api/. */
function reply(state: SoAllocateState, r: Reply): SoAllocateEvent {
  if (state.inFlight?.kind === 'createShipment') {
    const ok = r.status >= 200 && r.status < 300;
    return {
      type: 'answer',
      to: 'createShipment',
      answer: ok
        ? { kind: 'answered', value: r.body as SalesOrderShipment }
        : { kind: 'failed', failure: { status: r.status, body: r.body, message: r.message ?? '', nextStep: null } },
    };
  }
  const answer = answerFromReply(BARCODE_PATHS.soAllocate, r.status, r.body, readSoAllocateAnswer);
  // No answer at all (status 0): the API layer's message.
  if (answer.kind === 'failed' && r.message) answer.failure.message = r.message;
  return { type: 'answer', to: 'allocate', answer };
}

const scan = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 5 });

/**
 * Set the context from the transcript's request, scan its barcode, check the machine sends exactly
 * the recorded request body, and feed the recorded answer.
 */
function replay(name: string, from?: SoAllocateState): SoAllocateState {
  const t = transcript(name);
  const body = t.request.body as unknown as AllocateRequest;
  let s = from ?? initialSoAllocateState();
  s = soAllocateStep(s, { type: 'setOrder', order: (body.sales_order as number | undefined) ?? null }).state;
  s = soAllocateStep(s, { type: 'setLine', line: body.line ?? null }).state;
  s = soAllocateStep(s, { type: 'setShipment', shipment: body.shipment ?? null }).state;
  s = soAllocateStep(s, { type: 'setQuantity', quantity: body.quantity ?? null }).state;
  const step = soAllocateStep(s, { type: 'scan', scan: scan(body.barcode) });
  expect(step.effect).toEqual({ kind: 'allocate', request: body });
  return soAllocateStep(step.state, reply(step.state, { status: t.response.status, body: t.response.body })).state;
}

function errorOf(s: SoAllocateState) {
  expect(s.outcome?.kind).toBe('error');
  return s.outcome as { reason: string; message: string };
}

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
