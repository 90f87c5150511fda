// BEHAVIOUR.md section 5, PO receive cases 52-65 (fixture POX), against the Node simulation.
import { describe, expect, it } from 'vitest';
import { userU } from '../test/fixtures';
import {
  DIGIKEY_BARCODE,
  DIGIKEY_BARCODE_SHORTENED,
  MOUSER_BARCODE,
  MOUSER_BARCODE_WITHOUT_K,
  MOUSER_BARCODE_WITHOUT_Q,
} from '../supplier/supplierSamples';
import {
  company,
  location,
  manufacturerPart,
  part,
  poLine,
  purchaseOrder,
  supplierPart,
  useOrderSimulation,
  type OrderHarness,
} from './testing/orderFixtures';

const h = useOrderSimulation();
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RECEIVE = '/api/barcode/po-receive/';

interface Pox {
  auth: string;
  tp: number;
  po1: number;
  po2: number;
  lineOf: Record<string, number>;
}

/** POX: PO1 (Supplier, PENDING, supplier_reference 72991337), PO2 (Mouser Test, PLACED, reference P0-1337). */
async function pox(harness: OrderHarness): Promise<Pox> {
  const supplier = await company(harness, 'Supplier', { supplier: true });
  const manufacturer = await company(harness, 'Test Manufacturer', { manufacturer: true });
  const mouser = await company(harness, 'Mouser Test', { supplier: true });
  const tp = await part(harness, 'TP');
  const mpx = await manufacturerPart(harness, tp, manufacturer, 'MC34063ADR');
  const po1 = await purchaseOrder(harness, supplier, { supplier_reference: '72991337' });
  const po2 = await purchaseOrder(harness, mouser, { reference: 'P0-1337' });
  const lineOf: Record<string, number> = {};
  for (const sku of ['1_0', '1_1', '296-LM358BIDDFRCT-ND', '1_2', '1_3', '1_4', '1_5']) {
    lineOf[sku] = await poLine(harness, po1, await supplierPart(harness, tp, supplier, sku), 8);
  }
  for (const sku of ['2_0', '2_1', '2_2', '42', '2_3', '2_4', '2_5']) {
    lineOf[sku] = await poLine(
      harness,
      po2,
      await supplierPart(harness, tp, mouser, sku, sku === '42' ? mpx : undefined),
      5,
    );
  }
  await harness.post(`/api/order/po/${po2}/issue/`, {}, harness.admin);
  return { auth: userU(harness.sim).authorization, tp, po1, po2, lineOf };
}

async function receive(body: Body, auth: string) {
  const response = await h.post(RECEIVE, body, auth);
  return { status: response.status, body: response.body as Body };
}

async function scanStockItem(barcode: string, auth: string) {
  const response = await h.post('/api/barcode/', { barcode }, auth);
  expect(response.status).toBe(200);
  const pk = (response.body as Body).stockitem.pk as number;
  const item = h.sim.store.stockItems.get(pk);
  if (!item) throw new Error('scanned stock item missing');
  return {
    response: response.body as Body,
    item,
    supplierPart: h.sim.store.supplierParts.get(item.supplier_part as number),
  };
}

describe('po-receive: /api/barcode/po-receive/ (POX)', () => {
  it('case 52: PENDING PO1 → 400 "No matching purchase order for \'72991337\'" from DigiKeyPlugin', async () => {
    const { auth } = await pox(h);
    const { status, body } = await receive({ barcode: DIGIKEY_BARCODE }, auth);
    expect(status).toBe(400);
    expect(body.error).toBe("No matching purchase order for '72991337'");
    expect(body.plugin).toBe('DigiKeyPlugin');
  });

  it('case 53: after PO1 is placed → 200 received, lineitem without location', async () => {
    const { auth, po1, lineOf } = await pox(h);
    await h.post(`/api/order/po/${po1}/issue/`, {}, h.admin);
    const { status, body } = await receive({ barcode: DIGIKEY_BARCODE }, auth);
    expect(status).toBe(200);
    expect(body.success).toBe('Received purchase order line item');
    expect(body.lineitem).toEqual({ pk: lineOf['296-LM358BIDDFRCT-ND'], purchase_order: po1, quantity: 10 });
    expect(Object.keys(body.lineitem)).toEqual(['pk', 'purchase_order', 'quantity']);
    expect(body.plugin).toBe('DigiKeyPlugin');
  });

  it('case 54: the same label again → 400 "Item has already been received"', async () => {
    const { auth, po1 } = await pox(h);
    await h.post(`/api/order/po/${po1}/issue/`, {}, h.admin);
    expect((await receive({ barcode: DIGIKEY_BARCODE }, auth)).status).toBe(200);
    const { status, body } = await receive({ barcode: DIGIKEY_BARCODE }, auth);
    expect(status).toBe(400);
    expect(body.error).toBe('Item has already been received');
    expect(body).not.toHaveProperty('plugin');
  });

  it('case 55: DIGIKEY_BARCODE minus its last character → 400 "Failed to find pending line item…"', async () => {
    const { auth, po1 } = await pox(h);
    await h.post(`/api/order/po/${po1}/issue/`, {}, h.admin);
    await receive({ barcode: DIGIKEY_BARCODE }, auth);
    const { status, body } = await receive({ barcode: DIGIKEY_BARCODE_SHORTENED }, auth);
    expect(status).toBe(400);
    expect(body.error.startsWith('Failed to find pending line item for supplier part')).toBe(true);
  });

  it('case 56: scanning the received label finds the new stock item (qty 10, no location)', async () => {
    const { auth, po1 } = await pox(h);
    await h.post(`/api/order/po/${po1}/issue/`, {}, h.admin);
    await receive({ barcode: DIGIKEY_BARCODE }, auth);
    const { item, supplierPart: sp } = await scanStockItem(DIGIKEY_BARCODE, auth);
    expect(sp?.SKU).toBe('296-LM358BIDDFRCT-ND');
    expect(item.quantity).toBe(10);
    expect(item.location).toBeNull();
  });

  it('case 57: MOUSER_BARCODE → 200 by DigiKeyPlugin; the follow-up scan finds SKU 42, qty 3', async () => {
    const { auth } = await pox(h);
    const { status, body } = await receive({ barcode: MOUSER_BARCODE }, auth);
    expect(status).toBe(200);
    expect(body.success).toBeDefined();
    expect(body.plugin).toBe('DigiKeyPlugin');
    const { response, item, supplierPart: sp } = await scanStockItem(MOUSER_BARCODE, auth);
    expect(response.plugin).toBe('InvenTreeBarcode');
    expect(sp?.SKU).toBe('42');
    expect(h.sim.store.manufacturerParts.get(sp?.manufacturer_part as number)?.MPN).toBe('MC34063ADR');
    expect(item.quantity).toBe(3);
    expect(item.location).toBeNull();
  });

  it('case 58: exactly one stock location → the item goes there', async () => {
    const { auth } = await pox(h);
    const only = location(h.sim, 'Test Location');
    const { status, body } = await receive({ barcode: MOUSER_BARCODE }, auth);
    expect(status).toBe(200);
    expect(body.success).toBeDefined();
    expect((await scanStockItem(MOUSER_BARCODE, auth)).item.location).toBe(only);
  });

  it('case 59: two locations, the line destination is Location 2 → the item goes there', async () => {
    const { auth, lineOf } = await pox(h);
    location(h.sim, 'Location 1');
    const location2 = location(h.sim, 'Location 2');
    const line = h.sim.store.poLines.get(lineOf['42']!);
    if (line) line.destination = location2;
    expect((await receive({ barcode: MOUSER_BARCODE }, auth)).status).toBe(200);
    expect((await scanStockItem(MOUSER_BARCODE, auth)).item.location).toBe(location2);
  });

  it('case 60: two locations, part TP defaults to Location 2 → the item goes there', async () => {
    const { auth, tp } = await pox(h);
    location(h.sim, 'Location 1');
    const location2 = location(h.sim, 'Location 2');
    const tpRow = h.sim.store.parts.get(tp);
    if (tpRow) tpRow.default_location = location2;
    expect((await receive({ barcode: MOUSER_BARCODE }, auth)).status).toBe(200);
    expect((await scanStockItem(MOUSER_BARCODE, auth)).item.location).toBe(location2);
  });

  it('case 61: MOUSER without K, explicit PO2 and Location 2 → received into Location 2', async () => {
    const { auth, po2 } = await pox(h);
    location(h.sim, 'Location 1');
    const location2 = location(h.sim, 'Location 2');
    const { status, body } = await receive(
      { barcode: MOUSER_BARCODE_WITHOUT_K, purchase_order: po2, location: location2 },
      auth,
    );
    expect(status).toBe(200);
    expect(body.success).toBeDefined();
    expect((await scanStockItem(MOUSER_BARCODE_WITHOUT_K, auth)).item.location).toBe(location2);
  });

  it('case 62: MOUSER without Q → 200 action_required, lineitem without quantity, nothing received', async () => {
    const { auth, lineOf } = await pox(h);
    const items = h.sim.store.stockItems.size;
    const { status, body } = await receive({ barcode: MOUSER_BARCODE_WITHOUT_Q }, auth);
    expect(status).toBe(200);
    expect(body.lineitem).toBeDefined();
    expect(body.lineitem).not.toHaveProperty('quantity');
    expect(body.action_required).toBe('Further information required to receive line item');
    expect(body).not.toHaveProperty('success');
    expect(h.sim.store.stockItems.size).toBe(items);
    expect(h.sim.store.poLines.get(lineOf['42']!)?.received).toBe(0);
  });

  it('case 63: "hello world" → 400 "No match for supplier barcode", plugin "None"', async () => {
    const { auth } = await pox(h);
    const { status, body } = await receive({ barcode: 'hello world' }, auth);
    expect(status).toBe(400);
    expect(body).toEqual({
      barcode_data: 'hello world',
      barcode_hash: '5eb63bbbe01eeed093cb22bb8f5acdc3',
      plugin: 'None',
      error: 'No match for supplier barcode',
    });
  });

  it('case 64: explicit PENDING PO1 → 400 {"purchase_order": ["Purchase order has not been placed"]}', async () => {
    const { auth, po1 } = await pox(h);
    const { status, body } = await receive({ barcode: DIGIKEY_BARCODE, purchase_order: po1 }, auth);
    expect(status).toBe(400);
    expect(body).toEqual({ purchase_order: ['Purchase order has not been placed'] });
  });

  it('case 65: two locations, no destination or default → 200 action_required, quantity 3.0, no location', async () => {
    const { auth } = await pox(h);
    location(h.sim, 'Location 1');
    location(h.sim, 'Location 2');
    const items = h.sim.store.stockItems.size;
    const { status, body } = await receive({ barcode: MOUSER_BARCODE }, auth);
    expect(status).toBe(200);
    expect(body.lineitem.quantity).toBe(3);
    expect(body.lineitem).not.toHaveProperty('location');
    expect(body.action_required).toBe('Further information required to receive line item');
    expect(h.sim.store.stockItems.size).toBe(items);
  });
});
