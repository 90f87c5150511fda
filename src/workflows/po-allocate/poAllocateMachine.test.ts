import { describe, expect, it } from 'vitest';
import { answerFromReply, BARCODE_PATHS, type Page } from '../../api/barcode.ts';
import { readPoAllocateAnswer, readScanAnswer } from '../../api/barcodeAnswers.ts';
import type { PurchaseOrderLine, SupplierPart } from '../../api/lists.ts';
import { transcript } from '../../api/testing/transcripts.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import {
  initialPoAllocateState,
  poAllocateQuery,
  poAllocateStateFromUrl,
  poAllocateStep,
  type PoAllocateEvent,
  type SupplierPartDetail,
  type PoAllocateBody,
  type PoAllocateState,
} from './poAllocateMachine.ts';

const scan = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 1 });
interface Reply {
  status: number;
  body: unknown;
}

/** The server's reply to the request in flight, as the page hands it to the machine: parsed once by api/. */
function reply(state: PoAllocateState, r: Reply): PoAllocateEvent {
  const kind = state.inFlight?.kind;
  const failure = { status: r.status, body: r.body, message: '', nextStep: null };
  const ok = r.status >= 200 && r.status < 300;
  const plain = <T>(value: unknown) =>
    ok ? { kind: 'answered' as const, value: value as T } : { kind: 'failed' as const, failure };
  switch (kind) {
    case 'identify':
      return {
        type: 'answer',
        to: 'identify',
        answer: answerFromReply(BARCODE_PATHS.scan, r.status, r.body, readScanAnswer),
      };
    case 'supplierPart':
      return { type: 'answer', to: 'supplierPart', answer: plain<SupplierPartDetail>(r.body) };
    case 'countSupplierParts':
      return { type: 'answer', to: 'countSupplierParts', answer: plain<Page<SupplierPart>>(r.body) };
    case 'createLine':
      return { type: 'answer', to: 'createLine', answer: plain<PurchaseOrderLine>(r.body) };
    default:
      return {
        type: 'answer',
        to: 'allocate',
        answer: answerFromReply(BARCODE_PATHS.poAllocate, r.status, r.body, readPoAllocateAnswer),
      };
  }
}

const answerOf = (name: string): Reply => {
  const t = transcript(name);
  return { status: t.response.status, body: t.response.body };
};

/** Order 7 (PO0007) is DigiKey's (company 1) in the demo dataset the transcripts were recorded on. */
function withOrder(order = 7): PoAllocateState {
  let s = poAllocateStep(initialPoAllocateState(), { type: 'setOrder', order }).state;
  s = poAllocateStep(s, { type: 'setSupplier', supplier: 1, name: 'DigiKey' }).state;
  return s;
}

function replay(name: string, from?: PoAllocateState) {
  const t = transcript(name);
  const body = t.request.body as PoAllocateBody;
  const step = poAllocateStep(from ?? withOrder(body.purchase_order), { type: 'scan', scan: scan(body.barcode) });
  expect(step.effect).toEqual({ kind: 'allocate', request: body });
  return poAllocateStep(step.state, reply(step.state, { status: t.response.status, body: t.response.body }));
}

function errorOf(s: PoAllocateState) {
  expect(s.outcome?.kind).toBe('error');
  return s.outcome as { reason: string; message: string };
}

describe('po-allocate: matched supplier part is offered as a line', () => {
  it('part barcode (068) offers supplier part 203, scanned as part 69', () => {
    const { state, effect } = replay('068-po-allocate-part');
    expect(effect).toBeNull();
    expect(state.offers).toEqual([
      { id: 1, barcode: '{"part": 69}', supplierPart: 203, scanned: { model: 'part', pk: 69 }, quantity: 1 },
    ]);
    expect(state.outcome).toMatchObject({ kind: 'offered', supplierPart: 203, repeated: false });
  });

  it('supplier part (069) and manufacturer part (070) barcodes', () => {
    expect(replay('069-po-allocate-supplierpart').state.offers[0]).toMatchObject({
      supplierPart: 203,
      scanned: { model: 'supplierpart', pk: 203 },
    });
    expect(replay('070-po-allocate-manufacturerpart').state.offers[0]).toMatchObject({
      supplierPart: 203,
      scanned: { model: 'manufacturerpart', pk: 197 },
    });
  });

  it('scanning the same part again adds one to its offer', () => {
    const first = replay('068-po-allocate-part').state;
    const second = replay('070-po-allocate-manufacturerpart', first).state;
    expect(second.offers).toHaveLength(1);
    expect(second.offers[0]?.quantity).toBe(2);
    expect(second.outcome).toMatchObject({ kind: 'offered', repeated: true });
  });

  it('"add" creates the line with POST /api/order/po-line/ and the chosen quantity', () => {
    let s = replay('068-po-allocate-part').state;
    s = poAllocateStep(s, { type: 'setOfferQuantity', id: 1, quantity: 25 }).state;
    const step = poAllocateStep(s, { type: 'addLine', id: 1 });
    expect(step.effect).toEqual({ kind: 'createLine', offerId: 1, request: { order: 7, part: 203, quantity: 25 } });
    // The shape of a created line is transcript 085's.
    const created = {
      ...(transcript('085-setup-create-po-line-digikey').response.body as object),
      pk: 36,
      order: 7,
      part: 203,
      quantity: 25,
    };
    s = poAllocateStep(step.state, reply(step.state, { status: 201, body: created })).state;
    expect(s.outcome).toEqual({
      kind: 'lineAdded',
      order: 7,
      line: 36,
      supplierPart: 203,
      quantity: 25,
      barcode: '{"part": 69}',
    });
    expect(s.offers).toHaveLength(0);
  });

  it('a refused line keeps the offer and says why', () => {
    let s = replay('068-po-allocate-part').state;
    const step = poAllocateStep(s, { type: 'addLine', id: 1 });
    s = poAllocateStep(
      step.state,
      reply(step.state, { status: 400, body: { quantity: ['Ensure this value is greater than or equal to 0.'] } }),
    ).state;
    expect(errorOf(s)).toMatchObject({
      reason: 'lineRejected',
      message: expect.stringContaining('greater than or equal to 0'),
    });
    expect(s.offers).toHaveLength(1);
  });

  it('ignores a non-positive quantity', () => {
    const s = replay('068-po-allocate-part').state;
    expect(poAllocateStep(s, { type: 'setOfferQuantity', id: 1, quantity: 0 }).state.offers[0]?.quantity).toBe(1);
  });
});

describe('po-allocate: ["Invalid input."] explained as well as the client can', () => {
  it('wrong supplier (071): the supplier part belongs to Mouser', () => {
    let step = replay('071-po-allocate-wrong-supplier');
    expect(step.effect).toEqual({ kind: 'identify', barcode: '{"supplierpart": 204}' });
    step = poAllocateStep(
      step.state,
      reply(step.state, {
        status: 200,
        body: {
          supplierpart: { pk: 204, api_url: '/api/company/part/204/', web_url: '/supplier-part/204/' },
          plugin: 'InvenTreeBarcode',
          success: 'Match found for barcode data',
        },
      }),
    );
    expect(step.effect).toEqual({ kind: 'supplierPart', barcode: '{"supplierpart": 204}', pk: 204 });
    const s = poAllocateStep(
      step.state,
      reply(step.state, {
        status: 200,
        body: { pk: 204, part: 82, supplier: 2, SKU: '1551ABK', supplier_detail: { pk: 2, name: 'Mouser' } },
      }),
    ).state;
    expect(errorOf(s).reason).toBe('wrongSupplier');
    expect(errorOf(s).message).toBe(
      'Wrong supplier: supplier part 1551ABK is sold by Mouser, but this order is from DigiKey. Scan the part’s own barcode to find its DigiKey supplier part.',
    );
  });

  it('stock item barcode (072) is not a part barcode', () => {
    let step = replay('072-po-allocate-stockitem');
    step = poAllocateStep(step.state, reply(step.state, answerOf('010-scan-stockitem')));
    expect(errorOf(step.state)).toMatchObject({
      reason: 'notPart',
      message: expect.stringContaining('stock item #231, not of a part'),
    });
  });

  it('unknown barcode (073)', () => {
    let step = replay('073-po-allocate-unknown');
    step = poAllocateStep(step.state, reply(step.state, answerOf('019-scan-unknown')));
    expect(errorOf(step.state).reason).toBe('unknownBarcode');
    expect(errorOf(step.state).message).toMatch(/^Not a part barcode/);
  });

  it('a part with no supplier part of the order’s supplier', () => {
    let step = poAllocateStep(withOrder(), { type: 'scan', scan: scan('{"part": 1}') });
    step = poAllocateStep(step.state, reply(step.state, answerOf('073-po-allocate-unknown')));
    step = poAllocateStep(
      step.state,
      reply(step.state, {
        status: 200,
        body: {
          part: { pk: 1, api_url: '/api/part/1/', web_url: '/part/1/' },
          plugin: 'InvenTreeBarcode',
          success: 'Match found for barcode data',
        },
      }),
    );
    expect(step.effect).toEqual({
      kind: 'countSupplierParts',
      barcode: '{"part": 1}',
      model: 'part',
      pk: 1,
      supplier: 1,
    });
    const none = poAllocateStep(
      step.state,
      reply(step.state, { status: 200, body: { count: 0, next: null, previous: null, results: [] } }),
    ).state;
    expect(errorOf(none)).toMatchObject({
      reason: 'noSupplierPart',
      message: expect.stringContaining('Part #1 is not sold by DigiKey'),
    });
    const many = poAllocateStep(
      step.state,
      reply(step.state, { status: 200, body: { count: 2, next: null, previous: null, results: [{}] } }),
    ).state;
    expect(errorOf(many)).toMatchObject({
      reason: 'multipleSupplierParts',
      message: expect.stringContaining('has 2 supplier parts from DigiKey'),
    });
  });

  it('a supplier label matching several supplier parts (200 with error)', () => {
    let step = poAllocateStep(withOrder(), { type: 'scan', scan: scan('{pc:C1,qty:2}') });
    step = poAllocateStep(step.state, reply(step.state, { status: 400, body: ['Invalid input.'] }));
    step = poAllocateStep(
      step.state,
      reply(step.state, {
        status: 200,
        body: {
          error: 'Found multiple matching supplier parts for barcode',
          plugin: 'LCSCPlugin',
          barcode_data: '{pc:C1,qty:2}',
          barcode_hash: 'h',
          success: 'Match found for barcode data',
        },
      }),
    );
    expect(errorOf(step.state).reason).toBe('multipleSupplierParts');
  });

  it('order not pending (074)', () => {
    const s = replay('074-po-allocate-not-pending').state;
    expect(errorOf(s).reason).toBe('orderNotPending');
  });

  it('no order chosen: nothing is sent', () => {
    const step = poAllocateStep(initialPoAllocateState(), { type: 'scan', scan: scan('{"part": 69}') });
    expect(step.effect).toBeNull();
    expect(errorOf(step.state).reason).toBe('noOrder');
  });

  it('the view-only user is answered like anyone (076: v291 enforces no role)', () => {
    expect(replay('076-po-allocate-other-user').state.offers[0]).toMatchObject({ supplierPart: 203 });
  });
});

describe('po-allocate: queue and context', () => {
  it('queues scans during a request', () => {
    let step = poAllocateStep(withOrder(), { type: 'scan', scan: scan('{"part": 69}') });
    step = poAllocateStep(step.state, { type: 'scan', scan: scan('{"supplierpart": 203}') });
    expect(step.state.queue).toEqual(['{"supplierpart": 203}']);
    step = poAllocateStep(step.state, reply(step.state, answerOf('068-po-allocate-part')));
    expect(step.effect).toEqual({ kind: 'allocate', request: { barcode: '{"supplierpart": 203}', purchase_order: 7 } });
  });

  it('changing the order drops offers of the previous one', () => {
    const s = replay('068-po-allocate-part').state;
    const next = poAllocateStep(s, { type: 'setOrder', order: 12 }).state;
    expect(next.offers).toEqual([]);
    expect(next.supplier).toBeNull();
  });

  it('URL context', () => {
    expect(poAllocateStateFromUrl(new URLSearchParams('order=7')).order).toBe(7);
    expect(poAllocateStateFromUrl(new URLSearchParams('order=abc')).order).toBeNull();
    expect(poAllocateQuery({ order: 7 })).toBe('order=7');
    expect(poAllocateQuery({ order: null })).toBe('');
  });
});
