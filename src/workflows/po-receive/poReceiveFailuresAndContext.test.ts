import { describe, expect, it } from 'vitest';
import { transcript } from '../../api/testing/transcripts.ts';
import {
  initialPoReceiveState,
  locationFromBarcode,
  poReceiveQuery,
  poReceiveStateFromUrl,
  poReceiveStep,
  type PoReceiveBody,
} from './poReceiveMachine.ts';
import { scan, answerOf, reply, replay, errorOf } from './testing/poReceiveReplies.ts';

describe('po-receive: failures in words', () => {
  it('already received (109) and an internal stock item barcode (116)', () => {
    const s = replay('109-po-receive-digikey-again').state;
    expect(errorOf(s)).toMatchObject({ reason: 'alreadyReceived' });
    expect(errorOf(s).message).toMatch(/^Already received before/);
    // v291 answers both alike ("Item has already been received"); an InvenTree label is no repeat.
    const item = errorOf(replay('116-po-receive-internal-stockitem').state);
    expect(item.reason).toBe('stockItemLabel');
    expect(item.message).toMatch(/^InvenTree label of stock item 231 — not on this order/);
  });

  it('a label received in this session, scanned again (108 then 109), is the real repeat', () => {
    const first = replay('108-po-receive-digikey').state;
    expect(first.receivedBarcodes).toHaveLength(1);
    const again = replay('109-po-receive-digikey-again', first).state;
    expect(errorOf(again)).toMatchObject({ reason: 'alreadyReceived' });
    expect(errorOf(again).message).toMatch(/^Already received in this session/);
  });

  it('no matching order, naming the order number (092)', () => {
    const e = errorOf(replay('092-po-receive-not-placed').state);
    expect(e.reason).toBe('noMatchingOrder');
    expect(e.message).toContain('“72991337”');
  });

  it('explicit order not placed (093)', () => {
    expect(errorOf(replay('093-po-receive-explicit-po-not-placed').state).reason).toBe('orderNotPlaced');
  });

  it('order does not match supplier (115)', () => {
    const e = errorOf(replay('115-po-receive-wrong-supplier-po').state);
    expect(e.reason).toBe('wrongSupplier');
    expect(e.message).toContain('TME label');
  });

  it('structural location (107) is refused and unset', () => {
    const s = replay('107-po-receive-structural-location').state;
    expect(errorOf(s).reason).toBe('structuralLocation');
    expect(s.location).toBeNull();
  });

  it('several matching supplier parts, and no pending line', () => {
    const base = { barcode_data: 'x', barcode_hash: 'h', plugin: 'DigiKeyPlugin' };
    let step = poReceiveStep(initialPoReceiveState(), { type: 'scan', scan: scan('x') });
    let s = poReceiveStep(
      step.state,
      reply(step.state, {
        status: 400,
        body: { ...base, error: 'Found multiple matching supplier parts for barcode' },
      }),
    ).state;
    expect(errorOf(s).reason).toBe('multipleParts');
    step = poReceiveStep(s, { type: 'scan', scan: scan('x') });
    s = poReceiveStep(
      step.state,
      reply(step.state, {
        status: 400,
        body: { ...base, error: 'Failed to find pending line item for supplier part' },
      }),
    ).state;
    expect(errorOf(s).reason).toBe('noPendingLine');
  });

  it('no supplier label (119): the scan endpoint is asked, then "unknown" is explained', () => {
    const step = replay('119-po-receive-unknown');
    expect(step.effect).toEqual({ kind: 'identify', barcode: 'UNKNOWN-BARCODE-XYZ-123', purpose: 'explain' });
    const s = poReceiveStep(step.state, reply(step.state, answerOf('019-scan-unknown'))).state;
    expect(errorOf(s).reason).toBe('unknownBarcode');
  });

  it('a part barcode (118) is explained as not a supplier label', () => {
    const step = replay('118-po-receive-internal-part');
    expect(step.effect).toMatchObject({ kind: 'identify', purpose: 'explain' });
    const s = poReceiveStep(step.state, reply(step.state, answerOf('009-scan-part'))).state;
    expect(errorOf(s)).toMatchObject({ reason: 'notSupplierLabel', message: expect.stringContaining('part #69') });
  });

  it('a custom barcode linked to a location sets the location', () => {
    let step = poReceiveStep(initialPoReceiveState(), { type: 'scan', scan: scan('SHELF-A1') });
    step = poReceiveStep(
      step.state,
      reply(step.state, {
        status: 400,
        body: { barcode_data: 'SHELF-A1', barcode_hash: 'h', plugin: 'None', error: 'No match for supplier barcode' },
      }),
    );
    expect(step.effect).toMatchObject({ kind: 'identify', purpose: 'explain' });
    const s = poReceiveStep(
      step.state,
      reply(step.state, {
        status: 200,
        body: {
          stocklocation: { pk: 3, api_url: '/api/stock/location/3/', web_url: '/stock/location/3/' },
          plugin: 'InvenTreeBarcode',
          success: 'Match found for barcode data',
        },
      }),
    ).state;
    expect(s.location).toBe(3);
    expect(s.outcome).toMatchObject({ kind: 'locationSet', location: 3 });
  });

  it('signed out (121), network and server trouble', () => {
    expect(errorOf(replay('121-po-receive-noauth').state).reason).toBe('signedOut');
    const step = poReceiveStep(initialPoReceiveState(), { type: 'scan', scan: scan('x') });
    expect(
      errorOf(poReceiveStep(step.state, reply(step.state, { status: 0, body: null, message: 'offline' })).state).reason,
    ).toBe('network');
    expect(
      errorOf(poReceiveStep(step.state, reply(step.state, { status: 500, body: { error: 'IndexError' } })).state)
        .reason,
    ).toBe('server');
  });
});

describe('po-receive: location barcodes and context', () => {
  it('recognises InvenTree location barcodes locally', () => {
    expect(locationFromBarcode('{"stocklocation": 7}')).toBe(7);
    expect(locationFromBarcode('INV-SL7')).toBe(7);
    expect(locationFromBarcode('TESTSL5', 'TEST')).toBe(5);
    expect(locationFromBarcode('INV-SL7', 'TEST')).toBeNull();
    // A part key comes first in InvenTree's model order, so this is a part barcode.
    expect(locationFromBarcode('{"stocklocation": 7, "part": 1}')).toBeNull();
    expect(locationFromBarcode('{"stockitem": 7}')).toBeNull();
    expect(locationFromBarcode('[)>\u001e06\u001dP1\u001dQ1')).toBeNull();
  });

  it('a location scan sets the location, which stays for later labels (011 then 108)', () => {
    let step = poReceiveStep(initialPoReceiveState(), { type: 'scan', scan: scan('{"stocklocation": 7}') });
    step = poReceiveStep(step.state, reply(step.state, answerOf('011-scan-stocklocation')));
    expect(step.state.outcome).toMatchObject({ kind: 'locationSet', location: 7 });
    const t = transcript('108-po-receive-digikey');
    step = poReceiveStep(step.state, { type: 'scan', scan: scan((t.request.body as PoReceiveBody).barcode) });
    expect(step.effect).toEqual({ kind: 'receive', request: t.request.body });
  });

  it('a location barcode that matches nothing is reported', () => {
    let step = poReceiveStep(initialPoReceiveState(), { type: 'scan', scan: scan('{"stocklocation": 999}') });
    step = poReceiveStep(
      step.state,
      reply(step.state, {
        status: 400,
        body: {
          plugin: 'None',
          barcode_data: '{"stocklocation": 999}',
          barcode_hash: 'h',
          error: 'No match found for barcode data',
        },
      }),
    );
    expect(errorOf(step.state).reason).toBe('notLocation');
    expect(step.state.location).toBeNull();
  });

  it('scans during a request are queued and sent in order', () => {
    let step = poReceiveStep(initialPoReceiveState({ location: 7 }), { type: 'scan', scan: scan('A') });
    step = poReceiveStep(step.state, { type: 'scan', scan: scan('B') });
    expect(step.effect).toBeNull();
    expect(step.state.queue).toEqual(['B']);
    step = poReceiveStep(
      step.state,
      reply(step.state, {
        status: 200,
        body: {
          plugin: 'DigiKeyPlugin',
          lineitem: { pk: 1, purchase_order: 1, quantity: 1.0, location: 7 },
          success: 'Received purchase order line item',
        },
      }),
    );
    expect(step.effect).toEqual({ kind: 'receive', request: { barcode: 'B', location: 7 } });
    expect(step.state.queue).toEqual([]);
  });

  it('a receipt kept in the offline queue is a finished step: the next label goes at once, with the same context', () => {
    let step = poReceiveStep(initialPoReceiveState({ order: 1, location: 7 }), { type: 'scan', scan: scan('A') });
    step = poReceiveStep(step.state, { type: 'scan', scan: scan('B') });
    step = poReceiveStep(step.state, { type: 'queued', id: 'q1', reason: 'You are offline.' });
    expect(step.state.outcome).toEqual({ kind: 'queued', barcode: 'A', queueId: 'q1', reason: 'You are offline.' });
    expect(step.effect).toEqual({ kind: 'receive', request: { barcode: 'B', purchase_order: 1, location: 7 } });
    expect(step.state.inFlight).not.toBeNull();
    step = poReceiveStep(step.state, { type: 'queued', id: 'q2', reason: null });
    expect(step.effect).toBeNull();
    expect(step.state).toMatchObject({
      inFlight: null,
      queue: [],
      outcome: { kind: 'queued', barcode: 'B', queueId: 'q2' },
    });
    // Nothing in flight: a stray "queued" changes nothing.
    expect(poReceiveStep(step.state, { type: 'queued', id: 'q3', reason: null }).state).toBe(step.state);
  });

  it('reads and writes the URL context', () => {
    const s = poReceiveStateFromUrl(new URLSearchParams('order=3&location=7'));
    expect([s.order, s.location]).toEqual([3, 7]);
    expect(poReceiveQuery(s)).toBe('order=3&location=7');
    const none = poReceiveStateFromUrl(new URLSearchParams('order=x&location=-1'));
    expect([none.order, none.location]).toEqual([null, null]);
    expect(poReceiveQuery(none)).toBe('');
  });
});
