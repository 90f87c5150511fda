import { describe, expect, it } from 'vitest';
import type { StockItemView } from '../../api/stock.ts';
import {
  countStep,
  initialCountState,
  missingItems,
  type CountEffect,
  type CountState,
  type CountValue,
} from './countMachine.ts';

const item = (pk: number, over: Partial<StockItemView> = {}): StockItemView => ({
  pk,
  part: 1,
  partName: `Part ${pk}`,
  quantity: 3,
  serial: null,
  batch: null,
  location: 4,
  locationName: 'Bin 4',
  inStock: true,
  serialized: false,
  trackable: false,
  units: '',
  ...over,
});
const scan = (text: string) => ({
  type: 'scan' as const,
  scan: { text, source: 'wedge' as const, format: null, at: 0 },
});
const answer = (s: CountState, value: CountValue) =>
  countStep(s, { type: 'answer', to: (s.inFlight as CountEffect).kind, answer: { kind: 'answered', value } });

function loaded(): CountState {
  const s = countStep(initialCountState(4), { type: 'open', pk: 4 });
  return answer(s.state, {
    kind: 'location',
    location: { pk: 4, name: 'Bin 4', pathstring: 'Bin 4', structural: false },
    items: [item(229), item(321, { quantity: 200 })],
  }).state;
}

describe('count machine', () => {
  it('+1 per scan, a typed quantity sets it; unscanned items are missing; nothing is sent before Submit', () => {
    let s = countStep(loaded(), scan('INV-SI229'));
    expect(s.effect).toBeNull();
    s = countStep(s.state, scan('INV-SI229'));
    expect(s.state.lines[0]).toMatchObject({ counted: 2, here: true });
    s = countStep(s.state, { type: 'setQuantityNext', quantity: 7 });
    s = countStep(s.state, scan('INV-SI229'));
    expect(s.state.lines[0]?.counted).toBe(7);
    expect(missingItems(s.state).map((i) => i.pk)).toEqual([321]);
    s = countStep(s.state, { type: 'submit' });
    expect(s.effect).toEqual({ kind: 'submit', location: 4, lines: [{ pk: 229, quantity: 7 }], note: '' });
  });

  it('an item from elsewhere is found here, and counted only once moved here', () => {
    let s = countStep(loaded(), scan('INV-SI408'));
    expect(s.effect).toMatchObject({ kind: 'readItem', pk: 408 });
    s = answer(s.state, { kind: 'item', item: item(408, { location: 3, quantity: 145 }) });
    expect(s.state.lines[0]).toMatchObject({ here: false, counted: 1 });
    expect(countStep(s.state, { type: 'submit' }).effect).toBeNull();
    s = countStep(s.state, { type: 'moveHere', pk: 408 });
    s = answer(s.state, { kind: 'moved' });
    expect(s.state.lines[0]?.here).toBe(true);
    s = countStep(s.state, { type: 'submit' });
    s = answer(s.state, { kind: 'counted', after: [{ pk: 408, quantity: 1 }] });
    expect(s.state.outcome).toEqual({
      kind: 'submitted',
      changes: [{ pk: 408, partName: 'Part 408', before: 145, after: 1 }],
    });
  });

  it('an item label before the bin asks for the bin; the reader is told the missing right', () => {
    expect(countStep(initialCountState(), scan('INV-SI1')).state.outcome).toMatchObject({
      kind: 'info',
      message: expect.stringContaining('location label'),
    });
    let s = countStep(loaded(), scan('INV-SI229'));
    s = countStep(s.state, { type: 'submit' });
    s = countStep(s.state, {
      type: 'answer',
      to: 'submit',
      answer: { kind: 'failed', failure: { status: 403, body: {}, message: '', nextStep: null } },
    });
    expect(s.state.outcome).toMatchObject({ kind: 'error', forbidden: true });
  });
});
