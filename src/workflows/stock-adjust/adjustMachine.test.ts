import { describe, expect, it } from 'vitest';
import type { StockItemView } from '../../api/stock.ts';
import { adjustStep, initialAdjustState } from './adjustMachine.ts';

const item = (over: Partial<StockItemView> = {}): StockItemView => ({
  pk: 1180,
  part: 1,
  partName: 'Wire',
  quantity: 200,
  serial: null,
  batch: null,
  location: 3,
  locationName: 'B',
  inStock: true,
  serialized: false,
  trackable: false,
  units: 'm',
  ...over,
});
const scan = { type: 'scan' as const, scan: { text: 'INV-SI1180', source: 'wedge' as const, format: null, at: 0 } };

describe('adjust machine', () => {
  it('scan, then add with a note; the item read back after the write', () => {
    let s = adjustStep(initialAdjustState(), scan);
    expect(s.effect).toEqual({ kind: 'readItem', pk: 1180, barcode: 'INV-SI1180' });
    s = adjustStep(s.state, {
      type: 'answer',
      to: 'readItem',
      answer: { kind: 'answered', value: { kind: 'item', item: item() } },
    });
    s = adjustStep(s.state, { type: 'setQuantity', quantity: 5 });
    s = adjustStep(s.state, { type: 'setNote', note: 'Found a box' });
    s = adjustStep(s.state, { type: 'submit' });
    expect(s.effect).toEqual({ kind: 'adjust', mode: 'add', item: 1180, quantity: 5, note: 'Found a box' });
    s = adjustStep(s.state, {
      type: 'answer',
      to: 'adjust',
      answer: { kind: 'answered', value: { kind: 'adjusted', item: item({ quantity: 205 }) } },
    });
    expect(s.state.outcome).toMatchObject({ kind: 'adjusted', before: 200, after: 205 });
  });

  it('a serialized item is not adjusted (InvenTree would answer 201 and do nothing)', () => {
    let s = adjustStep(initialAdjustState(), scan);
    s = adjustStep(s.state, {
      type: 'answer',
      to: 'readItem',
      answer: {
        kind: 'answered',
        value: { kind: 'item', item: item({ serial: '10', quantity: 1, serialized: true }) },
      },
    });
    s = adjustStep(s.state, { type: 'setQuantity', quantity: 1 });
    s = adjustStep(s.state, { type: 'submit' });
    expect(s.effect).toBeNull();
    expect(s.state.outcome).toMatchObject({ kind: 'error', reason: 'serialized' });
  });
});
