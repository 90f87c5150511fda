import { describe, expect, it } from 'vitest';
import type { StockItemView } from '../../api/stock.ts';
import {
  initialMoveState,
  moveQuery,
  moveStep,
  type MoveEffect,
  type MoveState,
  type MoveValue,
} from './moveMachine.ts';
import { moveUndoOffer } from './moveUndo.ts';

const scan = (text: string) => ({
  type: 'scan' as const,
  scan: { text, source: 'wedge' as const, format: null, at: 0 },
});

const item = (pk: number, over: Partial<StockItemView> = {}): StockItemView => ({
  pk,
  part: 1,
  partName: `Part ${pk}`,
  quantity: 10,
  serial: null,
  batch: null,
  location: 3,
  locationName: 'Storage Room B',
  inStock: true,
  serialized: false,
  trackable: false,
  units: '',
  ...over,
});

function answer(state: MoveState, a: MoveValue) {
  return moveStep(state, {
    type: 'answer',
    to: (state.inFlight as MoveEffect).kind,
    answer: { kind: 'answered', value: a },
  });
}

describe('move machine', () => {
  it('a location label sets the destination; an item label then moves it whole', () => {
    let s = moveStep(initialMoveState(), scan('{"stocklocation": 14}'));
    expect(s.effect).toEqual({ kind: 'readLocation', pk: 14, barcode: '{"stocklocation": 14}' });
    s = answer(s.state, {
      kind: 'location',
      location: { pk: 14, name: 'Location 2', pathstring: 'L0/L1/Location 2', structural: false },
    });
    expect(s.state).toMatchObject({ location: 14, locationName: 'L0/L1/Location 2', inFlight: null });
    expect(moveQuery(s.state)).toBe('location=14');
    s = moveStep(s.state, scan('INV-SI408'));
    expect(s.effect).toEqual({ kind: 'readItem', pk: 408, barcode: 'INV-SI408' });
    s = answer(s.state, { kind: 'item', item: item(408, { quantity: 145 }) });
    expect(s.effect).toEqual({ kind: 'move', rowId: 1, item: 408, quantity: 145, location: 14, barcode: 'INV-SI408' });
    s = answer(s.state, { kind: 'moved', opId: 'ab' });
    expect(s.state.rows[0]).toMatchObject({ item: 408, from: 3, to: 14, status: 'moved', split: false });
    expect(s.state.outcome).toEqual({ kind: 'moved', rowId: 1 });
  });

  it('a typed quantity below the item’s is a partial move (split), used once', () => {
    let s = moveStep(initialMoveState({ location: 14 }), { type: 'setQuantity', quantity: 4 });
    s = moveStep(s.state, scan('{"stockitem": 173}'));
    s = answer(s.state, { kind: 'item', item: item(173) });
    expect(s.effect).toMatchObject({ kind: 'move', quantity: 4 });
    expect(s.state.rows[0]?.split).toBe(true);
    expect(s.state.quantity).toBeNull();
  });

  it('an item already at the destination says so and sends nothing', () => {
    let s = moveStep(initialMoveState({ location: 3 }), scan('INV-SI5'));
    s = answer(s.state, { kind: 'item', item: item(5) });
    expect(s.effect).toBeNull();
    expect(s.state.outcome).toMatchObject({ kind: 'alreadyThere', item: 5 });
  });

  it('a gun burst waits and is moved in scan order', () => {
    let s = moveStep(initialMoveState({ location: 14 }), scan('INV-SI1'));
    const first = s.effect;
    s = moveStep(s.state, scan('INV-SI2'));
    s = moveStep(s.state, scan('INV-SI3'));
    expect(s.state.queue).toEqual(['INV-SI2', 'INV-SI3']);
    s = { ...s, effect: first };
    const order: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const pk = (s.effect as { pk: number }).pk;
      s = answer(s.state, { kind: 'item', item: item(pk) });
      order.push((s.effect as { item: number }).item);
      s = answer(s.state, { kind: 'moved', opId: `op${pk}` });
    }
    expect(order).toEqual([1, 2, 3]);
    expect(s.state.rows.map((r) => r.item)).toEqual([3, 2, 1]);
  });

  it('offline: the item cannot be read, so it is queued to move whole', () => {
    let s = moveStep(initialMoveState({ location: 14 }), scan('INV-SI9'));
    s = moveStep(s.state, {
      type: 'answer',
      to: 'readItem',
      answer: { kind: 'failed', failure: { status: 0, body: null, message: 'offline', nextStep: null } },
    });
    expect(s.effect).toMatchObject({ kind: 'move', item: 9, quantity: null });
    s = moveStep(s.state, { type: 'queued', id: 'q1', reason: null });
    expect(s.state.rows[0]).toMatchObject({ status: 'queued', queueId: 'q1', from: null });
  });

  it('an item label before any location asks for the location; a move undone from its log line', () => {
    let s = moveStep(initialMoveState(), scan('INV-SI9'));
    expect(s.state.outcome).toMatchObject({ kind: 'error', reason: 'noLocation' });
    s = moveStep(initialMoveState({ location: 14 }), scan('INV-SI9'));
    s = answer(s.state, { kind: 'item', item: item(9) });
    s = answer(s.state, { kind: 'moved', opId: 'x' });
    const offer = moveUndoOffer(s.state.rows[0]!, { location: (pk) => `Location ${pk}` });
    expect(offer).toMatchObject({
      label: 'Move back',
      confirm: 'Moves Part 9 (#9) from Location 14 back to Storage Room B.',
    });
    s = moveStep(s.state, { type: 'undone', rowId: 1 });
    expect(s.effect).toBeNull();
    expect(s.state.rows[0]?.status).toBe('undone');
    expect(s.state.outcome).toEqual({ kind: 'undone', rowId: 1 });
    // Once back, it is not offered again; a queued move (where from unknown) is never offered.
    expect(moveUndoOffer(s.state.rows[0]!, { location: String })).toBeNull();
    expect(moveUndoOffer({ ...s.state.rows[0]!, status: 'moved', from: null }, { location: String })).toBeNull();
  });

  it('the reader’s 403 is shown with the missing right', () => {
    let s = moveStep(initialMoveState({ location: 14 }), scan('INV-SI9'));
    s = answer(s.state, { kind: 'item', item: item(9) });
    s = moveStep(s.state, {
      type: 'answer',
      to: 'move',
      answer: {
        kind: 'failed',
        failure: {
          status: 403,
          body: { detail: 'You do not have permission to perform this action.' },
          message: 'x',
          nextStep: null,
        },
      },
    });
    expect(s.state.rows[0]?.status).toBe('failed');
    expect(s.state.outcome).toMatchObject({
      kind: 'error',
      reason: 'forbidden',
      message: expect.stringContaining('lacks the “Stock: add (change stock items)” right'),
    });
  });
});
