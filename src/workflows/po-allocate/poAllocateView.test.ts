import { describe, expect, it } from 'vitest';
import type { PurchaseOrderLine } from '../../api/lists.ts';
import { transcript } from '../../api/testing/transcripts.ts';
import { poLines } from '../kit/orderLines.ts';
import { alreadyOnOrder, logLine, outcomeSentence } from './poAllocateView.ts';

const lines = poLines(transcript('143-get-po-lines').response.body as PurchaseOrderLine[]);
const sku = (sp: number) => (sp === 203 ? 'WM1731-ND' : null);

describe('add-to-order page words', () => {
  it('says what is already on the order (143)', () => {
    expect(alreadyOnOrder(203, lines)).toBe('Already on this order: 400 on line #20.');
    expect(alreadyOnOrder(204, lines)).toBeNull();
  });

  it('offers, repeats and added lines', () => {
    const offered = {
      kind: 'offered' as const,
      offerId: 1,
      barcode: 'x',
      supplierPart: 203,
      scanned: { model: 'part' as const, pk: 69 },
      repeated: false,
    };
    expect(outcomeSentence(offered, sku, 'PO0007')).toBe(
      'Matched WM1731-ND (scanned part #69). Check the quantity and add it to PO0007.',
    );
    expect(outcomeSentence({ ...offered, repeated: true }, sku, 'PO0007')).toBe('Scanned again: one more WM1731-ND.');
    expect(
      outcomeSentence(
        { kind: 'lineAdded', order: 7, line: 36, supplierPart: 204, quantity: 25, barcode: 'x' },
        sku,
        'PO0007',
      ),
    ).toBe('Added 25 × supplier part #204 to PO0007 (line #36).');
  });

  it('tones for the session log', () => {
    const err = {
      kind: 'error' as const,
      reason: 'wrongSupplier' as const,
      message: 'Wrong supplier: …',
      status: 400,
      barcode: 'x',
    };
    expect(logLine(err, sku, 'PO0007')).toEqual({ tone: 'error', result: 'Wrong supplier: …' });
    expect(logLine({ ...err, reason: 'unknownBarcode' }, sku, 'PO0007').tone).toBe('notFound');
  });
});
