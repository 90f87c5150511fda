/** "Correct quantity" of a receipt, against the simulation: the item is counted, the line keeps `received`. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../connection/connectionTypes.ts';
import { linkBarcode } from '../../api/barcode.ts';
import { createNodeSimulation } from '../../mock/node.ts';
import { TEST_ORIGIN, tokenFor } from '../../mock/test/simClient.ts';
import { correctReceipt, receiptUndoOffer } from './poReceiveUndo.ts';

const { sim, server } = createNodeSimulation();
let conn: Connection;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.reset();
  conn = { mode: 'server', baseUrl: TEST_ORIGIN, token: tokenFor(sim, 'admin').replace(/^Token /, '') };
});

describe('correcting a receipt', () => {
  it('says first that the order line keeps its received count', () => {
    const offer = receiptUndoOffer({ barcode: 'LABEL', quantity: 100 });
    expect(offer.label).toBe('Correct quantity');
    expect(offer.confirm).toContain('The order line keeps its received count');
    expect(offer.ask).toEqual({ label: 'Quantity in the new stock item', value: 100 });
  });

  it('counts the stock item the label is stored on to the quantity entered', async () => {
    // A received label is stored on its new stock item; item 408 stands in for it here.
    const linked = await linkBarcode(conn, 'RECEIPT-LABEL-1', 'stockitem', 408);
    expect(linked.ok).toBe(true);
    const { ref } = receiptUndoOffer({ barcode: 'RECEIPT-LABEL-1', quantity: 145 });
    await expect(correctReceipt(conn, ref, 45)).resolves.toBe(
      'Corrected: stock item #408 counted to 45; the order line keeps its received count.',
    );
    expect(sim.store.stockItems.get(408)?.quantity).toBe(45);
  });

  it('a label on no stock item counts nothing', async () => {
    const { ref } = receiptUndoOffer({ barcode: 'NOT-RECEIVED-LABEL', quantity: 1 });
    await expect(correctReceipt(conn, ref, 0)).rejects.toThrow('nothing was counted');
  });
});
