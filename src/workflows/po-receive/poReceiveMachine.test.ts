import { describe, expect, it } from 'vitest';
import { transcript } from '../../api/testing/transcripts.ts';
import { initialPoReceiveState, poReceiveStep, type PoReceiveBody } from './poReceiveMachine.ts';
import { scan, answerOf, reply, replay, errorOf } from './testing/poReceiveReplies.ts';

describe('po-receive: received', () => {
  it('DigiKey label into the chosen location (108)', () => {
    const { state, effect } = replay('108-po-receive-digikey');
    expect(effect).toBeNull();
    expect(state.outcome).toMatchObject({
      kind: 'received',
      line: 32,
      order: 13,
      quantity: 10,
      location: 7,
      plugin: 'DigiKeyPlugin',
      byHand: false,
    });
    expect(state.lastOrder).toBe(13);
    expect(state.inFlight).toBeNull();
  });

  it('Mouser label against an explicit order (112), LCSC (113) and TME QR (114)', () => {
    expect(replay('112-po-receive-mouser-explicit-po').state.outcome).toMatchObject({
      kind: 'received',
      line: 33,
      order: 14,
      quantity: 3,
      plugin: 'MouserPlugin',
    });
    expect(replay('113-po-receive-lcsc').state.outcome).toMatchObject({
      kind: 'received',
      line: 34,
      order: 15,
      quantity: 2,
      plugin: 'LCSCPlugin',
    });
    expect(replay('114-po-receive-tme-qr').state.outcome).toMatchObject({
      kind: 'received',
      line: 35,
      order: 16,
      quantity: 1,
      plugin: 'TMEPlugin',
    });
  });
});

describe('po-receive: action_required asks only for what is missing', () => {
  it('no location given (106): asks for the location only, keeps the label quantity', () => {
    const { state, effect } = replay('106-po-receive-digikey-no-location');
    expect(effect).toBeNull();
    expect(state.outcome).toMatchObject({ kind: 'actionRequired', line: 32, order: 13, missing: ['location'] });
    expect(state.awaiting).toHaveLength(1);
    expect(state.awaiting[0]).toMatchObject({
      line: 32,
      order: 13,
      quantity: 10,
      location: null,
      missing: ['location'],
    });
  });

  it('a label without quantity asks for the quantity only', () => {
    let s = poReceiveStep(initialPoReceiveState({ location: 7 }), {
      type: 'scan',
      scan: scan('LABEL-WITHOUT-Q'),
    }).state;
    s = poReceiveStep(
      s,
      reply(s, {
        status: 200,
        body: {
          barcode_data: 'x',
          barcode_hash: 'h',
          plugin: 'MouserPlugin',
          lineitem: { pk: 33, purchase_order: 14, location: 7 },
          action_required: 'Further information required to receive line item',
        },
      }),
    ).state;
    expect(s.awaiting[0]).toMatchObject({ quantity: null, location: 7, missing: ['quantity'] });
  });

  it('completing with the missing location posts the PO receive endpoint with the label barcode', () => {
    const t = transcript('106-po-receive-digikey-no-location');
    const barcode = (t.request.body as PoReceiveBody).barcode;
    let s = replay('106-po-receive-digikey-no-location').state;
    const id = s.awaiting[0]!.id;
    // Quantity is not asked again: null keeps the label's 10.
    const step = poReceiveStep(s, { type: 'completeReceipt', id, quantity: null, location: 7 });
    expect(step.effect).toEqual({
      kind: 'receiveLine',
      order: 13,
      receiptId: id,
      request: { items: [{ line_item: 32, quantity: 10, location: 7, barcode }], location: 7 },
    });
    // The chosen location becomes the station's location.
    expect(step.state.location).toBe(7);
    s = poReceiveStep(
      step.state,
      reply(step.state, {
        status: 201,
        body: { items: [{ line_item: 32, quantity: '10', location: 7 }], location: 7 },
      }),
    ).state;
    expect(s.outcome).toMatchObject({ kind: 'received', line: 32, order: 13, quantity: 10, location: 7, byHand: true });
    expect(s.awaiting).toHaveLength(0);
  });

  it('completing without the missing value sends nothing', () => {
    const s = replay('106-po-receive-digikey-no-location').state;
    const step = poReceiveStep(s, { type: 'completeReceipt', id: s.awaiting[0]!.id, quantity: 5, location: null });
    expect(step.effect).toBeNull();
    expect(step.state.awaiting[0]?.quantity).toBe(5);
  });

  it('scanning a location while a receipt waits for one sets it and receives the receipt', () => {
    let s = replay('106-po-receive-digikey-no-location').state;
    let step = poReceiveStep(s, { type: 'scan', scan: scan('{"stocklocation": 7}') });
    expect(step.effect).toEqual({ kind: 'identify', barcode: '{"stocklocation": 7}', purpose: 'location' });
    step = poReceiveStep(step.state, reply(step.state, answerOf('011-scan-stocklocation')));
    expect(step.state.location).toBe(7);
    expect(step.effect).toMatchObject({
      kind: 'receiveLine',
      order: 13,
      request: { items: [{ line_item: 32, quantity: 10, location: 7 }], location: 7 },
    });
    s = poReceiveStep(step.state, reply(step.state, { status: 201, body: {} })).state;
    expect(s.outcome).toMatchObject({ kind: 'received', byHand: true, location: 7 });
    expect(s.awaiting).toHaveLength(0);
  });

  it('a refused manual receipt stays waiting with the reason in words', () => {
    const s0 = replay('106-po-receive-digikey-no-location').state;
    const step = poReceiveStep(s0, { type: 'completeReceipt', id: s0.awaiting[0]!.id, quantity: null, location: 7 });
    const s = poReceiveStep(
      step.state,
      reply(step.state, { status: 400, body: { items: [{ barcode: ['Barcode is already in use'] }] } }),
    ).state;
    expect(errorOf(s)).toMatchObject({ reason: 'receiveRejected', message: 'Not received: Barcode is already in use' });
    expect(s.awaiting).toHaveLength(1);
  });
});
