// The receive machine over the recordings of a real InvenTree 1.2 dev (API 425) server, and over
// the 425 simulation for the label the recordings lack (a TME label for another supplier's order).
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFromReply, BARCODE_PATHS } from '../../api/barcode.ts';
import { readPoReceiveAnswer, readScanAnswer } from '../../api/barcodeAnswers.ts';
import { transcript425 } from '../../api/testing/transcripts425.ts';
import { createHandlers425 } from '../../mock/v425/handlers425.ts';
import { createSimulation425 } from '../../mock/v425/simulation425.ts';
import { request, tokenFor } from '../../mock/test/simClient.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { initialPoReceiveState, poReceiveStep, type PoReceiveBody, type PoReceiveState } from './poReceiveMachine.ts';

const scan = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 1 });

function receiveAnswer(status: number, body: unknown) {
  return {
    type: 'answer',
    to: 'receive',
    answer: answerFromReply(BARCODE_PATHS.poReceive, status, body, readPoReceiveAnswer),
  } as const;
}
function identifyAnswer(status: number, body: unknown) {
  return {
    type: 'answer',
    to: 'identify',
    answer: answerFromReply(BARCODE_PATHS.scan, status, body, readScanAnswer),
  } as const;
}

function replay425(name: string): ReturnType<typeof poReceiveStep> {
  const t = transcript425(name);
  const body = t.request.body as PoReceiveBody;
  let s = initialPoReceiveState();
  s = poReceiveStep(s, { type: 'setOrder', order: body.purchase_order ?? null }).state;
  s = poReceiveStep(s, { type: 'setLocation', location: body.location ?? null }).state;
  const step = poReceiveStep(s, { type: 'scan', scan: scan(body.barcode) });
  expect(step.effect).toEqual({ kind: 'receive', request: body });
  return poReceiveStep(step.state, receiveAnswer(t.response.status, t.response.body));
}

function errorOf(s: PoReceiveState) {
  expect(s.outcome?.kind).toBe('error');
  return s.outcome as { reason: string; message: string };
}

describe('po-receive over the API 425 recordings', () => {
  it('receives DigiKey (108, 111), Mouser (112) and LCSC (113) labels with the new lineitem fields', () => {
    expect(replay425('108-').state.outcome).toMatchObject({
      kind: 'received',
      line: 32,
      order: 13,
      quantity: 10,
      location: 7,
      plugin: 'DigiKeyBarcodePlugin',
    });
    expect(replay425('111-').state.outcome).toMatchObject({
      kind: 'received',
      line: 32,
      order: 13,
      quantity: 10,
      location: 7,
    });
    expect(replay425('112-').state.outcome).toMatchObject({
      kind: 'received',
      line: 33,
      order: 14,
      quantity: 3,
      plugin: 'MouserBarcodePlugin',
    });
    expect(replay425('113-').state.outcome).toMatchObject({
      kind: 'received',
      line: 34,
      order: 15,
      quantity: 2,
      plugin: 'LCSCBarcodePlugin',
    });
  });

  it('action_required on a pending order without location (092, 106) asks for the location only', () => {
    for (const name of ['092-', '106-']) {
      const s = replay425(name).state;
      expect(s.outcome).toMatchObject({ kind: 'actionRequired', line: 32, order: 13, missing: ['location'] });
    }
  });

  it('already received (109, 116), structural location (107), order not placed (093)', () => {
    expect(errorOf(replay425('109-').state).reason).toBe('alreadyReceived');
    expect(errorOf(replay425('116-').state).reason).toBe('stockItemLabel');
    expect(errorOf(replay425('107-').state).reason).toBe('structuralLocation');
    expect(errorOf(replay425('093-').state).reason).toBe('orderNotPlaced');
  });

  it('a TME label no order matches (114): explained from the 425 scan, never "not a supplier label"', () => {
    const step = replay425('114-');
    expect(step.effect).toMatchObject({ kind: 'identify', purpose: 'explain' });
    const t = transcript425('104-');
    const e = errorOf(poReceiveStep(step.state, identifyAnswer(t.response.status, t.response.body)).state);
    expect(e.reason).toBe('unreceivableLabel');
    expect(e.message).toBe(
      'This is a TME supplier label (supplier part WBP-302), but InvenTree could not receive it: no TME purchase order matches the order number on the label. Choose the order and scan again.',
    );
  });

  it('a TME label against a DigiKey order (115): the scan shows it belongs to no DigiKey order', () => {
    const step = replay425('115-');
    const t = transcript425('105-');
    const e = errorOf(poReceiveStep(step.state, identifyAnswer(t.response.status, t.response.body)).state);
    expect(e.reason).toBe('unreceivableLabel');
    expect(e.message).toContain('This is a TME supplier label (supplier part WBP-302)');
    expect(e.message).not.toMatch(/not a supplier label/);
  });

  it('InvenTree object barcodes (117, 118) and an unknown one (119) keep their explanations', () => {
    let step = replay425('118-');
    let t = transcript425('009-');
    expect(errorOf(poReceiveStep(step.state, identifyAnswer(t.response.status, t.response.body)).state)).toMatchObject({
      reason: 'notSupplierLabel',
      message: expect.stringContaining('part #69'),
    });
    step = replay425('119-');
    t = transcript425('019-');
    expect(errorOf(poReceiveStep(step.state, identifyAnswer(t.response.status, t.response.body)).state).reason).toBe(
      'unknownBarcode',
    );
  });
});

describe('po-receive: a TME label for another supplier’s order on API 425 (the 425 simulation)', () => {
  const sim = createSimulation425();
  const server = setupServer(...createHandlers425(sim));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  // PO0002 is Paint by Numbers' order with a line for its supplier part PNT.RED.1L; the demo data
  // has no TME company, so the TME plugin has no supplier of its own.
  const label = 'QTY:1 PN:PNT.RED.1L PO:7731 CPO:PO0002 MFR:PAINT MPN:PNT-RED';

  it('is refused by po-receive, and the scan of it explains why (not "supplier part #199, not a supplier label")', async () => {
    const auth = tokenFor(sim, 'admin');
    const receive = await request('/api/barcode/po-receive/', {
      body: { barcode: label, location: 7 },
      authorization: auth,
    });
    expect(receive.body).toMatchObject({ plugin: 'None', error: 'No plugin match for supplier barcode' });
    let s = poReceiveStep(poReceiveStep(initialPoReceiveState(), { type: 'setLocation', location: 7 }).state, {
      type: 'scan',
      scan: scan(label),
    }).state;
    const step = poReceiveStep(s, receiveAnswer(receive.status, receive.body));
    expect(step.effect).toMatchObject({ kind: 'identify' });
    const scanned = await request('/api/barcode/', { body: { barcode: label }, authorization: auth });
    expect(Object.keys(scanned.body as object)).toEqual([
      'purchaseorder',
      'supplierpart',
      'success',
      'plugin',
      'barcode_data',
      'barcode_hash',
    ]);
    s = poReceiveStep(step.state, identifyAnswer(scanned.status, scanned.body)).state;
    const e = errorOf(s);
    expect(e.reason).toBe('unreceivableLabel');
    expect(e.message).toBe(
      'This is a TME supplier label (supplier part PNT.RED.1L, order PO0002), but InvenTree could not receive it: no supplier company is set up as “TME” on this server (the TME plugin’s Supplier setting), so it receives no TME labels, and this one belongs to Paint by Numbers. Choose PO0002 as the order and scan again, or receive it by hand on the order’s lines.',
    );
    expect(e.message).not.toMatch(/supplier part #199|not a supplier label/);
  });

  it('is received against PO0002 when the page sends the order and its supplier (API 293+ fields)', async () => {
    const auth = tokenFor(sim, 'admin');
    const receive = await request('/api/barcode/po-receive/', {
      body: { barcode: label, purchase_order: 2, supplier: 36, location: 7 },
      authorization: auth,
    });
    expect(receive.status).toBe(200);
    expect(receive.body).toMatchObject({
      plugin: 'TMEBarcodePlugin',
      lineitem: { pk: 4, quantity: 1, supplier_part: 199, purchase_order: 2, location: 7 },
      success: 'Received purchase order line item',
    });
  });
});
