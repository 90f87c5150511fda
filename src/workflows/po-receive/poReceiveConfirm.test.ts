import { describe, expect, it } from 'vitest';
import { answerFromReply, BARCODE_PATHS } from '../../api/barcode.ts';
import { readScanAnswer } from '../../api/barcodeAnswers.ts';
import { PO_STATUS } from '../../api/lists.ts';
import { transcript } from '../../api/testing/transcripts.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { lineForLabel } from './poReceiveConfirm.ts';
import {
  initialPoReceiveState,
  labelQuantity,
  poReceiveStep,
  stockItemFromBarcode,
  type PoReceiveState,
  type ReceiveLineRef,
} from './poReceiveMachine.ts';
import { parseReceiveSettings } from './poReceiveSettings.ts';

const scan = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 1 });
const SCAN_098 = transcript('098-scan-digikey');
const LABEL = (SCAN_098.request.body as { barcode: string }).barcode;
/** Line 32 of PO 13: 20 × supplier part 1035 (085), nothing received yet. */
const LINE_32: ReceiveLineRef = { pk: 32, order: 13, supplierPart: 1035, ordered: 20, received: 0 };

function identifyAnswer(status: number, body: unknown) {
  return {
    type: 'answer' as const,
    to: 'identify' as const,
    answer: answerFromReply(BARCODE_PATHS.scan, status, body, readScanAnswer),
  };
}

function confirming(init: Partial<PoReceiveState> = {}): PoReceiveState {
  let s = initialPoReceiveState({ order: 13, location: 7 });
  s = poReceiveStep(s, { type: 'setConfirm', confirm: true }).state;
  s = poReceiveStep(s, { type: 'setLines', lines: [LINE_32] }).state;
  return { ...s, ...init };
}

describe('po-receive: confirm the quantity before booking', () => {
  it('asks what the label is (nothing sent to po-receive), then asks the quantity, then books the answer', () => {
    const started = poReceiveStep(confirming(), { type: 'scan', scan: scan(LABEL) });
    expect(started.effect).toEqual({ kind: 'identify', barcode: LABEL, purpose: 'confirm' });
    // 098: the DigiKey plugin names supplier part 1035; the label says Q10.
    const asked = poReceiveStep(started.state, identifyAnswer(SCAN_098.response.status, SCAN_098.response.body));
    expect(asked.effect).toBeNull();
    expect(asked.state.outcome).toMatchObject({ kind: 'actionRequired', line: 32, order: 13, confirm: true });
    const receipt = asked.state.awaiting[0]!;
    expect(receipt).toMatchObject({ quantity: 10, location: 7, confirm: true, missing: ['quantity'] });
    // The box holds 9: corrected in the question, booked by hand with the label's barcode.
    const booked = poReceiveStep(asked.state, { type: 'completeReceipt', id: receipt.id, quantity: 9, location: null });
    expect(booked.effect).toEqual({
      kind: 'receiveLine',
      order: 13,
      receiptId: receipt.id,
      request: { items: [{ line_item: 32, quantity: 9, location: 7, barcode: LABEL }], location: 7 },
    });
    const done = poReceiveStep(booked.state, {
      type: 'answer',
      to: 'receiveLine',
      answer: { kind: 'answered', value: {} },
    });
    expect(done.state.outcome).toMatchObject({ kind: 'received', quantity: 9, line: 32, byHand: true });
    expect(done.state.receivedBarcodes).toEqual([LABEL]);
  });

  it('a location label does not book a receipt waiting for its confirmation', () => {
    const started = poReceiveStep(confirming({ location: null }), { type: 'scan', scan: scan(LABEL) });
    const asked = poReceiveStep(started.state, identifyAnswer(200, SCAN_098.response.body)).state;
    expect(asked.awaiting[0]?.missing).toEqual(['quantity', 'location']);
    const loc = poReceiveStep(asked, { type: 'scan', scan: scan('{"stocklocation": 7}') });
    const set = poReceiveStep(
      loc.state,
      identifyAnswer(200, {
        stocklocation: { pk: 7, api_url: '/api/stock/location/7/', web_url: '/stock/location/7/' },
        plugin: 'InvenTreeBarcode',
        barcode_data: '{"stocklocation": 7}',
        barcode_hash: 'x',
        success: 'Match found for barcode data',
      }),
    );
    expect(set.effect).toBeNull();
    expect(set.state.awaiting[0]).toMatchObject({ location: 7, autoSubmit: false, confirm: true });
  });

  it('without the order’s lines it says to choose the order; nothing is booked', () => {
    const s = confirming({ lines: [] });
    const started = poReceiveStep(s, { type: 'scan', scan: scan(LABEL) });
    const next = poReceiveStep(started.state, identifyAnswer(200, SCAN_098.response.body));
    expect(next.effect).toBeNull();
    expect(next.state.outcome).toMatchObject({ kind: 'error', reason: 'noLineToConfirm' });
    expect(next.state.awaiting).toEqual([]);
  });

  it('picks the line InvenTree would: same quantity, then larger, then the first; fully received lines never', () => {
    const l = (pk: number, ordered: number, received = 0): ReceiveLineRef => ({
      pk,
      order: 1,
      supplierPart: 5,
      ordered,
      received,
    });
    expect(lineForLabel([l(1, 50), l(2, 10)], 5, 10)?.pk).toBe(2);
    expect(lineForLabel([l(1, 5), l(2, 50)], 5, 10)?.pk).toBe(2);
    expect(lineForLabel([l(1, 5), l(2, 6)], 5, 10)?.pk).toBe(1);
    expect(lineForLabel([l(1, 10, 10), l(2, 6)], 5, 10)?.pk).toBe(2);
    expect(lineForLabel([l(1, 10)], 6, 10)).toBeNull();
  });

  it('the setting is off unless stored as on', () => {
    expect(parseReceiveSettings(null)).toEqual({ confirmQuantity: false });
    expect(parseReceiveSettings('garbage')).toEqual({ confirmQuantity: false });
    expect(parseReceiveSettings('{"confirmQuantity":"yes"}')).toEqual({ confirmQuantity: false });
    expect(parseReceiveSettings('{"confirmQuantity":true}')).toEqual({ confirmQuantity: true });
  });
});

describe('po-receive: labels read locally', () => {
  it('the quantity printed on DigiKey/Mouser (ECIA Q), LCSC (qty:) and TME (QTY:) labels', () => {
    expect(labelQuantity(LABEL)).toBe(10);
    expect(labelQuantity('{pbn:PICK1,on:SO1,pc:C312235,pm:STM32,qty:100,mc:,cc:1}')).toBe(100);
    expect(labelQuantity('QTY:250 PN:ABC-1 PO:123 MPN:X https://www.tme.eu')).toBe(250);
    expect(labelQuantity('[)>\u001e06\u001dPX\u001d1K1\u001e\u0004')).toBeNull();
    expect(labelQuantity('HELLO')).toBeNull();
  });

  it('InvenTree labels of stock items, JSON and short', () => {
    expect(stockItemFromBarcode('{"stockitem": 231}')).toBe(231);
    expect(stockItemFromBarcode('INV-SI12')).toBe(12);
    expect(stockItemFromBarcode('{"part": 1, "stockitem": 2}')).toBeNull();
    expect(stockItemFromBarcode('{"stocklocation": 7}')).toBeNull();
  });
});

describe('po-receive: an order that cannot take receipts', () => {
  it('refuses labels up front with the reason, but still takes a location label', () => {
    let s = initialPoReceiveState({ order: 4 });
    s = poReceiveStep(s, { type: 'setOrderStatus', order: 4, status: PO_STATUS.pending }).state;
    const refused = poReceiveStep(s, { type: 'scan', scan: scan(LABEL) });
    expect(refused.effect).toBeNull();
    expect(refused.state.outcome).toMatchObject({ kind: 'error', reason: 'orderNotPlaced' });
    expect((refused.state.outcome as { message: string }).message).toMatch(/still pending/);
    expect(poReceiveStep(s, { type: 'scan', scan: scan('{"stocklocation": 7}') }).effect?.kind).toBe('identify');
    // A status for another order, or a new order chosen, does not block.
    expect(poReceiveStep(s, { type: 'setOrder', order: 1 }).state.orderStatus).toBeNull();
    const other = poReceiveStep(initialPoReceiveState({ order: 1 }), { type: 'setOrderStatus', order: 4, status: 10 });
    expect(other.state.orderStatus).toBeNull();
    const placed = poReceiveStep(s, { type: 'setOrderStatus', order: 4, status: PO_STATUS.placed }).state;
    expect(poReceiveStep(placed, { type: 'scan', scan: scan(LABEL) }).effect?.kind).toBe('receive');
  });
});
