import { describe, expect, it } from 'vitest';
import { PO_STATUS } from '../../api/lists.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { initialPoAllocateState, poAllocateOrderProblem, poAllocateStep } from './poAllocateMachine.ts';

const scan = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 1 });

describe('po-allocate: only a pending order takes lines by barcode (BEHAVIOUR.md 2.5)', () => {
  const withStatus = (status: number | null) =>
    poAllocateStep(initialPoAllocateState({ order: 3 }), { type: 'setOrderStatus', order: 3, status }).state;

  it('a placed order refuses scans up front, with the reason; nothing is sent', () => {
    const s = withStatus(PO_STATUS.placed);
    expect(poAllocateOrderProblem(s)).toMatch(
      /already placed: InvenTree adds parts by barcode only to a pending order/,
    );
    const step = poAllocateStep(s, { type: 'scan', scan: scan('{"part": 5}') });
    expect(step.effect).toBeNull();
    expect(step.state.outcome).toMatchObject({ kind: 'error', reason: 'orderNotPending' });
  });

  it('a pending order, or one whose status is not known yet, sends the scan', () => {
    for (const s of [withStatus(PO_STATUS.pending), withStatus(null)]) {
      expect(poAllocateOrderProblem(s)).toBeNull();
      expect(poAllocateStep(s, { type: 'scan', scan: scan('{"part": 5}') }).effect?.kind).toBe('allocate');
    }
  });

  it('a status for another order is ignored; choosing another order forgets it', () => {
    const other = poAllocateStep(initialPoAllocateState({ order: 1 }), {
      type: 'setOrderStatus',
      order: 3,
      status: PO_STATUS.complete,
    });
    expect(other.state.orderStatus).toBeNull();
    expect(poAllocateStep(withStatus(PO_STATUS.complete), { type: 'setOrder', order: 2 }).state.orderStatus).toBeNull();
  });
});
