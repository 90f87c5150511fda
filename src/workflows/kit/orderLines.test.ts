import { describe, expect, it } from 'vitest';
import type { PurchaseOrderLine } from '../../api/lists.ts';
import { transcript } from '../../api/testing/transcripts.ts';
import { poLines } from './orderLines.ts';

const recorded = (name: string) => transcript(name).response.body as PurchaseOrderLine[];

describe('purchase-order lines', () => {
  it('reads a received line (123) and a pending one (143)', () => {
    expect(poLines(recorded('123-get-po-lines-digikey-after-receive'))).toEqual([
      {
        pk: 32,
        part: expect.any(Number),
        sku: '296-LM358BIDDFRCT-ND',
        partName: 'LM358 Op-Amp',
        ordered: 20,
        received: 20,
        done: true,
        destination: null,
      },
    ]);
    expect(poLines(recorded('143-get-po-lines'))).toEqual([
      {
        pk: 20,
        part: 203,
        sku: 'WM1731-ND',
        partName: '530470210',
        ordered: 400,
        received: 0,
        done: false,
        destination: null,
      },
    ]);
  });

  it('names a line without SKU by its supplier part', () => {
    const [line] = poLines([{ ...recorded('143-get-po-lines')[0], sku: '' } as PurchaseOrderLine]);
    expect(line?.sku).toBe('supplier part #203');
  });
});
