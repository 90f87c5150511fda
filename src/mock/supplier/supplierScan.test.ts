// BEHAVIOUR.md section 5, supplier barcode cases: 20 (plugin error result), 69-74 (supplier scans,
// fixture SCX) and the PO lookup rule 75-78, against the Node simulation.
import { describe, expect, it } from 'vitest';
import { userU } from '../test/fixtures';
import {
  company,
  manufacturerPart,
  part,
  purchaseOrder,
  supplierPart,
  useOrderSimulation,
  type OrderHarness,
} from '../orders/testing/orderFixtures';
import { findPurchaseOrders } from './supplierLookup';
import * as S from './supplierSamples';

const h = useOrderSimulation();
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** SCX: Supplier and Mouser Test; SKUs 296-…, 1 (MP1), 2 (MP2), C312270, WBP-302. */
async function scx(harness: OrderHarness) {
  const supplier = await company(harness, 'Supplier', { supplier: true });
  const mouser = await company(harness, 'Mouser Test', { supplier: true });
  const manufacturer = await company(harness, 'Test Manufacturer', { manufacturer: true });
  const tp = await part(harness, 'TP');
  const mp1 = await manufacturerPart(harness, tp, manufacturer, 'MC34063ADR');
  const mp2 = await manufacturerPart(harness, tp, manufacturer, 'LDK320ADU33R');
  const sku: Record<string, number> = {};
  sku['296-LM358BIDDFRCT-ND'] = await supplierPart(harness, tp, supplier, '296-LM358BIDDFRCT-ND');
  sku['1'] = await supplierPart(harness, tp, mouser, '1', mp1);
  sku['2'] = await supplierPart(harness, tp, mouser, '2', mp2);
  sku.C312270 = await supplierPart(harness, tp, supplier, 'C312270');
  sku['WBP-302'] = await supplierPart(harness, tp, supplier, 'WBP-302');
  return { auth: userU(harness.sim).authorization, supplier, mouser, tp, sku };
}

async function scan(barcode: string, auth: string) {
  const response = await h.post('/api/barcode/', { barcode }, auth);
  return { status: response.status, body: response.body as Body };
}

function skuOf(body: Body): string | undefined {
  return h.sim.store.supplierParts.get(body.supplierpart?.pk)?.SKU;
}

describe('supplier scans: /api/barcode/ (SCX)', () => {
  it('case 20: two supplier parts share an LCSC SKU → 200 with error and success from LCSCPlugin', async () => {
    const { auth, tp } = await scx(h);
    const other = await company(h, 'Other Distributor', { supplier: true });
    await supplierPart(h, tp, other, 'C312270');
    const { status, body } = await scan('{pc:C312270,qty:2}', auth);
    expect(status).toBe(200);
    expect(body.error).toBe('Found multiple matching supplier parts for barcode');
    expect(body.plugin).toBe('LCSCPlugin');
    expect(body.success).toBe('Match found for barcode data');
    // With the full label the MPN filter leaves no part: no match at all.
    const full = await scan(S.LCSC_BARCODE, auth);
    expect(full.status).toBe(400);
    expect(full.body.error).toBe('No match found for barcode data');
  });

  it('case 69: DIGIKEY_BARCODE → 200 DigiKeyPlugin, SKU 296-LM358BIDDFRCT-ND', async () => {
    const { auth } = await scx(h);
    const { status, body } = await scan(S.DIGIKEY_BARCODE, auth);
    expect(status).toBe(200);
    expect(body.plugin).toBe('DigiKeyPlugin');
    expect(skuOf(body)).toBe('296-LM358BIDDFRCT-ND');
  });

  it('case 70: DIGIKEY_BARCODE_2 (30P) → 200 DigiKeyPlugin, the same SKU', async () => {
    const { auth } = await scx(h);
    const { status, body } = await scan(S.DIGIKEY_BARCODE_2, auth);
    expect(status).toBe(200);
    expect(body.plugin).toBe('DigiKeyPlugin');
    expect(skuOf(body)).toBe('296-LM358BIDDFRCT-ND');
  });

  it('case 71: DIGIKEY_BARCODE_3 (nonsense part numbers) → 400', async () => {
    const { auth } = await scx(h);
    const { status, body } = await scan(S.DIGIKEY_BARCODE_3, auth);
    expect(status).toBe(400);
    expect(body.error).toBe('No match found for barcode data');
  });

  it('case 72: MOUSER_BARCODE → SKU 1, MOUSER_BARCODE_OLD → SKU 2 (answered by DigiKeyPlugin)', async () => {
    const { auth } = await scx(h);
    const mouser = await scan(S.MOUSER_BARCODE, auth);
    expect(mouser.status).toBe(200);
    expect(skuOf(mouser.body)).toBe('1');
    expect(mouser.body.plugin).toBe('DigiKeyPlugin');
    const old = await scan(S.MOUSER_BARCODE_OLD, auth);
    expect(old.status).toBe(200);
    expect(skuOf(old.body)).toBe('2');
  });

  it('case 73: LCSC_BARCODE → 200 LCSCPlugin, SKU C312270', async () => {
    const { auth } = await scx(h);
    const { status, body } = await scan(S.LCSC_BARCODE, auth);
    expect(status).toBe(200);
    expect(body.plugin).toBe('LCSCPlugin');
    expect(skuOf(body)).toBe('C312270');
  });

  it('case 74: TME_QRCODE and TME_DATAMATRIX_CODE → 200 TMEPlugin, SKU WBP-302', async () => {
    const { auth } = await scx(h);
    for (const barcode of [S.TME_QRCODE, S.TME_DATAMATRIX_CODE]) {
      const { status, body } = await scan(barcode, auth);
      expect(status).toBe(200);
      expect(body.plugin).toBe('TMEPlugin');
      expect(skuOf(body)).toBe('WBP-302');
    }
  });
});

describe('PO lookup rule (get_purchase_orders)', () => {
  /** POa pending (A, ORDER#1337); PO1 placed (A, ORDER#1338); PD1 placed (A, ORDER#1339); PD2 placed (B, ORDER#1339); N has none. */
  async function orders(harness: OrderHarness) {
    const a = await company(harness, 'Supplier A', { supplier: true });
    const b = await company(harness, 'Supplier B', { supplier: true });
    const n = await company(harness, 'Supplier N', { supplier: true });
    const poa = await purchaseOrder(harness, a, { supplier_reference: 'ORDER#1337' });
    const po1 = await purchaseOrder(harness, a, { supplier_reference: 'ORDER#1338', placed: true });
    const pd1 = await purchaseOrder(harness, a, { supplier_reference: 'ORDER#1339', placed: true });
    const pd2 = await purchaseOrder(harness, b, { supplier_reference: 'ORDER#1339', placed: true });
    const store = harness.sim.store;
    const ref = (pk: number) => store.purchaseOrders.get(pk)?.reference as string;
    const company_ = (pk: number) => store.companies.get(pk) ?? null;
    const find = (customer: string | undefined, supplierNumber: string | undefined, supplier: number | null = null) =>
      findPurchaseOrders(store, customer, supplierNumber, supplier === null ? null : company_(supplier)).map(
        (po) => po.pk,
      );
    return { a, b, n, poa, po1, pd1, pd2, ref, find };
  }

  it('case 75: a pending order is never found', async () => {
    const { poa, ref, find } = await orders(h);
    expect(find(ref(poa), undefined)).toEqual([]);
    expect(find(undefined, 'ORDER#1337')).toEqual([]);
  });

  it('case 76: PO1 by its reference, its supplier reference, both, or both with supplier A', async () => {
    const { a, po1, ref, find } = await orders(h);
    expect(find(ref(po1), undefined)).toEqual([po1]);
    expect(find(undefined, 'ORDER#1338')).toEqual([po1]);
    expect(find(ref(po1), 'ORDER#1338')).toEqual([po1]);
    expect(find(ref(po1), 'ORDER#1338', a)).toEqual([po1]);
  });

  it('case 77: with supplier N nothing is found', async () => {
    const { n, po1, ref, find } = await orders(h);
    expect(find(ref(po1), undefined, n)).toEqual([]);
    expect(find(undefined, 'ORDER#1338', n)).toEqual([]);
  });

  it('case 78: ORDER#1339 → both; with PD1 reference → PD1; swapped → nothing; with supplier B → PD2', async () => {
    const { b, pd1, pd2, ref, find } = await orders(h);
    expect(find(undefined, 'ORDER#1339').sort()).toEqual([pd1, pd2].sort());
    expect(find(ref(pd1), 'ORDER#1339')).toEqual([pd1]);
    expect(find('ORDER#1339', ref(pd1))).toEqual([]);
    expect(find(undefined, 'ORDER#1339', b)).toEqual([pd2]);
  });
});
