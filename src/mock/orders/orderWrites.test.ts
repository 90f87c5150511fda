// The follow-up writes a client makes after the order barcode endpoints: finishing an
// action_required receive with POST /api/order/po/{id}/receive/, adding a po-allocate match as a
// PO line, and creating the shipment a shipment-less so-allocate needs.
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../dataset';
import { DIGIKEY_BARCODE, MOUSER_BARCODE_WITHOUT_Q } from '../supplier/supplierSamples';
import { useOrderSimulation } from './testing/orderFixtures';

const h = useOrderSimulation(demoDataset);
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Transcripts 078-085 in short: a DigiKey supplier part on a new, placed PO with a line of 20. */
async function placedDigikeyOrder() {
  const part = (await h.create('/api/part/', { name: 'LM358 Op-Amp', category: 8, purchaseable: true })).pk as number;
  const supplierPart = (await h.create('/api/company/part/', { part, supplier: 1, SKU: '296-LM358BIDDFRCT-ND' }))
    .pk as number;
  const order = (await h.create('/api/order/po/', { reference: 'PO0013', supplier: 1, supplier_reference: '72991337' }))
    .pk as number;
  const line = (await h.create('/api/order/po-line/', { order, part: supplierPart, quantity: 20 })).pk as number;
  expect((await h.post(`/api/order/po/${order}/issue/`, {}, h.admin)).status).toBe(201);
  return { part, supplierPart, order, line };
}

describe('order writes', () => {
  it('an action_required receive is finished with POST /api/order/po/{id}/receive/', async () => {
    const { order, line } = await placedDigikeyOrder();
    const scanned = await h.post('/api/barcode/po-receive/', { barcode: DIGIKEY_BARCODE }, h.admin);
    expect(scanned.status).toBe(200);
    expect((scanned.body as Body).action_required).toBe('Further information required to receive line item');

    const response = await h.post(
      `/api/order/po/${order}/receive/`,
      { items: [{ line_item: line, quantity: 10, barcode: DIGIKEY_BARCODE }], location: 7 },
      h.admin,
    );
    expect(response.status).toBe(201);
    const lines = (await h.get('/api/order/po-line/', h.admin, { order })).body as Body[];
    expect(lines[0]!.received).toBe(10);
    expect(lines[0]!.destination_detail).toEqual({ pk: 7, name: 'Electronics Lab', pathstring: 'Electronics Lab' });
    const po = (await h.get(`/api/order/po/${order}/`, h.admin)).body as Body;
    expect(po.line_items).toBe(1);
    expect(po.completed_lines).toBe(0);

    // The label is now on the new stock item: scanning it finds the item, receiving it again fails.
    const scan = (await h.post('/api/barcode/', { barcode: DIGIKEY_BARCODE }, h.admin)).body as Body;
    expect(h.sim.store.stockItems.get(scan.stockitem.pk)?.location).toBe(7);
    const again = await h.post('/api/barcode/po-receive/', { barcode: DIGIKEY_BARCODE, location: 7 }, h.admin);
    expect(again.status).toBe(400);
    expect((again.body as Body).error).toBe('Item has already been received');
  });

  it('receive rejects lines of another order, non-positive quantities and missing items', async () => {
    const { order } = await placedDigikeyOrder();
    const otherLine = h.sim.store.poLines.all()[0]!.pk;
    const response = await h.post(
      `/api/order/po/${order}/receive/`,
      { items: [{ line_item: otherLine, quantity: 0 }], location: 7 },
      h.admin,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      items: [
        { line_item: ['Line item does not match purchase order'], quantity: ['Quantity must be greater than zero'] },
      ],
    });
    const empty = await h.post(`/api/order/po/${order}/receive/`, { items: [], location: 7 }, h.admin);
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ non_field_errors: ['Line items must be provided'] });
  });

  it('a po-allocate match becomes a PO line of the pending order', async () => {
    const allocate = await h.post('/api/barcode/po-allocate/', { barcode: '{"part": 69}', purchase_order: 7 }, h.admin);
    expect(allocate.status).toBe(200);
    const supplierPart = (allocate.body as Body).supplierpart.pk as number;
    const created = await h.post('/api/order/po-line/', { order: 7, part: supplierPart, quantity: 5 }, h.admin);
    expect(created.status).toBe(201);
    expect((created.body as Body).sku).toBe('WM1731-ND');
    // merge_items defaults to true: PO0007 already has a line of this supplier part (same target
    // date and destination), so v291 adds the 5 to it instead of creating a second line.
    const lines = (await h.get('/api/order/po-line/', h.admin, { order: 7 })).body as Body[];
    expect(lines.map((l) => [l.pk, l.quantity])).toEqual([[(created.body as Body).pk, 405]]);
    const separate = await h.post(
      '/api/order/po-line/',
      { order: 7, part: supplierPart, quantity: 5, merge_items: false },
      h.admin,
    );
    const after = (await h.get('/api/order/po-line/', h.admin, { order: 7 })).body as Body[];
    expect(after.map((l) => [l.pk, l.quantity])).toEqual([
      [(created.body as Body).pk, 405],
      [(separate.body as Body).pk, 5],
    ]);
  });

  it('a PO line of another supplier is rejected', async () => {
    // PO0007 is DigiKey's (supplier 1); take a supplier part of another company.
    const foreign = h.sim.store.supplierParts.find((sp) => sp.supplier !== 1);
    if (!foreign) throw new Error('demo data has no non-DigiKey supplier part');
    const response = await h.post('/api/order/po-line/', { order: 7, part: foreign.pk, quantity: 5 }, h.admin);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ part: ['Supplier must match purchase order'] });
  });

  it('so-allocate without a shipment allocates nothing; after creating one it allocates', async () => {
    const before = await h.post(
      '/api/barcode/so-allocate/',
      { barcode: '{"stockitem": 231}', sales_order: 2 },
      h.admin,
    );
    expect(before.status).toBe(200);
    expect(before.body).not.toHaveProperty('success');
    const shipment = await h.post('/api/order/so/shipment/', { order: 2, reference: 'SHIP-1' }, h.admin);
    expect(shipment.status).toBe(201);
    const duplicate = await h.post('/api/order/so/shipment/', { order: 2, reference: 'SHIP-1' }, h.admin);
    expect(duplicate.status).toBe(400);
    const after = await h.post('/api/barcode/so-allocate/', { barcode: '{"stockitem": 231}', sales_order: 2 }, h.admin);
    expect(after.status).toBe(200);
    expect((after.body as Body).shipment).toBe((shipment.body as Body).pk);
    expect((after.body as Body).success).toBe('Stock item allocated to sales order');
    const so = (await h.get('/api/order/so/2/', h.admin)).body as Body;
    expect(so.shipments_count).toBe(1);
  });

  it('a Mouser label whose MPN has no supplier part is no supplier match', async () => {
    const response = await h.post('/api/barcode/po-receive/', { barcode: MOUSER_BARCODE_WITHOUT_Q }, h.admin);
    // MPN MC34063ADR is not in the demo data: no supplier part, so no plugin answers.
    expect(response.status).toBe(400);
    expect((response.body as Body).error).toBe('No match for supplier barcode');
  });
});
