import { describe, expect, it } from 'vitest';
import type { PurchaseOrderLine } from '../../api/lists.ts';
import { transcript } from '../../api/testing/transcripts.ts';
import { poLines } from '../kit/orderLines.ts';
import { logLine, outcomeSentence, remaining, type Names } from './poReceiveView.ts';

const lines = poLines(transcript('123-get-po-lines-digikey-after-receive').response.body as PurchaseOrderLine[]);
const names: Names = {
  lines,
  orderRef: (pk) => (pk === 13 ? 'PO0013' : `order #${pk}`),
  locationName: (pk) => (pk === 7 ? 'Electronics Lab' : `location #${pk}`),
};

describe('receive page words', () => {
  it('what is still to come on a line (123, 143)', () => {
    const pending = poLines(transcript('143-get-po-lines').response.body as PurchaseOrderLine[]);
    expect(remaining(pending[0])).toBe(400);
    expect(remaining(lines[0])).toBeNull();
  });

  it('received, with quantity, part and location names', () => {
    const o = {
      kind: 'received' as const,
      barcode: 'x',
      line: 32,
      order: 13,
      quantity: 10,
      location: 7,
      plugin: 'DigiKeyPlugin',
      byHand: false,
    };
    expect(outcomeSentence(o, names)).toBe(
      'Received 10 × 296-LM358BIDDFRCT-ND (LM358 Op-Amp) on PO0013 into Electronics Lab.',
    );
    expect(outcomeSentence({ ...o, location: null, line: 99 }, names)).toBe(
      'Received 10 × line #99 on PO0013 (no location).',
    );
    expect(logLine(o, names).tone).toBe('success');
  });

  it('action required names only what is missing', () => {
    const o = {
      kind: 'actionRequired' as const,
      barcode: 'x',
      receiptId: 1,
      line: 32,
      order: 13,
      missing: ['location' as const],
    };
    expect(outcomeSentence(o, names)).toBe(
      'Matched 296-LM358BIDDFRCT-ND (LM358 Op-Amp) on PO0013. Nothing received yet: give the location.',
    );
    expect(outcomeSentence({ ...o, missing: ['quantity', 'location'] }, names)).toContain(
      'give the quantity and the location',
    );
  });

  it('location set, and errors with their tones', () => {
    expect(outcomeSentence({ kind: 'locationSet', barcode: 'x', location: 7 }, names)).toBe(
      'Location set to Electronics Lab. Labels scanned now are received there.',
    );
    const already = {
      kind: 'error' as const,
      reason: 'alreadyReceived' as const,
      message: 'Already received: …',
      status: 400,
      barcode: 'x',
    };
    expect(logLine(already, names)).toEqual({ tone: 'repeat', result: 'Already received' });
    expect(logLine({ ...already, reason: 'wrongSupplier' }, names).tone).toBe('error');
    expect(logLine({ ...already, reason: 'unknownBarcode' }, names).tone).toBe('notFound');
  });
});
