// BEHAVIOUR.md section 5, the scan cases (1–20), each set up as the case says (user U = staff
// without roles, fixtures FX) against the Node simulation. Generate/link: barcodeLinkBehaviour.test.ts.
import { describe, expect, it } from 'vitest';
import { hashBarcode } from './barcodeHash';
import { setBarcodeSetting, setStoreResults } from './test/fixtures';
import type { PartRow, SupplierPartRow } from './store';
import { HISTORY, SCAN, useBarcodeCases, type Body } from './test/barcodeCases';

const { h, fx, scan } = useBarcodeCases();

describe('scan: /api/barcode/', () => {
  it('case 1: unauthenticated → 401', async () => {
    const response = await h.post(SCAN, { barcode: 'x' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: 'Authentication credentials were not provided.' });
    expect(response.headers.get('WWW-Authenticate')).toBe('Token');
  });

  it('case 2: {} → 400 barcode required', async () => {
    const response = await h.post(SCAN, {}, fx());
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ barcode: ['This field is required.'] });
  });

  it('case 3: empty barcode → 400 blank', async () => {
    const response = await h.post(SCAN, { barcode: '' }, fx());
    expect(response.status).toBe(400);
    expect((response.body as Body).barcode[0]).toContain('This field may not be blank');
  });

  it('case 4: {"part": 1} → 200 part 1', async () => {
    const { status, body } = await scan('{"part": 1}', fx());
    expect(status).toBe(200);
    expect(body.part.pk).toBe(1);
    expect(body.barcode_data).toBe('{"part": 1}');
    expect(body.plugin).toBe('InvenTreeBarcode');
    expect(body.success).toBe('Match found for barcode data');
  });

  it('case 5: {"part": 999999999} → 400 no match, plugin "None"', async () => {
    const { status, body } = await scan('{"part": 999999999}', fx());
    expect(status).toBe(400);
    expect(body.error).toBe('No match found for barcode data');
    expect(body.plugin).toBe('None');
  });

  it('case 6: {"stockitem": 999999999} → 400', async () => {
    const { status, body } = await scan('{"stockitem": 999999999}', fx());
    expect(status).toBe(400);
    expect(body.error).toBeDefined();
  });

  it('case 7: {"stocklocation": 1} → 200', async () => {
    const { status, body } = await scan('{"stocklocation": 1}', fx());
    expect(status).toBe(200);
    expect(body.stocklocation.pk).toBe(1);
    expect(body.barcode_data).toBeDefined();
  });

  it('case 8: {"stocklocation": 999999999} → 400', async () => {
    const { status, body } = await scan('{"stocklocation": 999999999}', fx());
    expect(status).toBe(400);
    expect(body.error).toBeDefined();
  });

  it('case 9: 123456789 → 400 with the full stringified body', async () => {
    const response = await h.post(SCAN, { barcode: '123456789' }, fx());
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toBe(
      '{"plugin":"None","barcode_data":"123456789","barcode_hash":"25f9e794323b453885f5181f1b624d0b","error":"No match found for barcode data"}',
    );
  });

  it("case 10: \"['foo', 'bar']\" → 400", async () => {
    const { status, body } = await scan("['foo', 'bar']", fx());
    expect(status).toBe(400);
    expect(body.error).toBeDefined();
  });

  it('case 11: missing stock item 5 → 400, stock item 1 → 200', async () => {
    const auth = fx();
    const missing = await h.post(SCAN, { barcode: '{"stockitem": 5}' }, auth);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('No match found for barcode data');
    const { status, body } = await scan('{"stockitem": 1}', auth);
    expect(status).toBe(200);
    expect(body.stockitem.pk).toBe(1);
    expect(body.success).toBeDefined();
  });

  it('case 12: {"stocklocation": 5} → 200 with api_url and classic web_url', async () => {
    const { status, body } = await scan('{"stocklocation": 5}', fx());
    expect(status).toBe(200);
    expect(body.stocklocation).toEqual({ pk: 5, api_url: '/api/stock/location/5/', web_url: '/stock/location/5/' });
    expect(body.plugin).toBe('InvenTreeBarcode');
  });

  it('case 13: part 5 and supplierpart 1 → 200', async () => {
    const auth = fx();
    expect((await scan('{"part": 5}', auth)).body.part.pk).toBe(5);
    const { status, body } = await scan('{"supplierpart": 1}', auth);
    expect(status).toBe(200);
    expect(body.supplierpart.pk).toBe(1);
    expect(body.plugin).toBe('InvenTreeBarcode');
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['success', 'barcode_data', 'barcode_hash']));
  });

  it('case 14: short format INV-SI5 → 400, INV-SI1 → 200', async () => {
    const auth = fx();
    const missing = await scan('INV-SI5', auth);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('No match found for barcode data');
    const found = await scan('INV-SI1', auth);
    expect(found.status).toBe(200);
    expect(found.body.stockitem.pk).toBe(1);
    expect(found.body.success).toBeDefined();
  });

  it('case 15: INV-SL5 and INV-PA5 → 200', async () => {
    const auth = fx();
    const location = await scan('INV-SL5', auth);
    expect(location.status).toBe(200);
    expect(location.body.stocklocation).toMatchObject({ pk: 5, api_url: '/api/stock/location/5/' });
    expect(location.body.plugin).toBe('InvenTreeBarcode');
    expect((await scan('INV-PA5', auth)).body.part.pk).toBe(5);
  });

  it('case 16: prefix TEST then empty prefix', async () => {
    const auth = fx();
    setBarcodeSetting(h.sim, 'SHORT_BARCODE_PREFIX', 'TEST');
    const withTest = await scan('TESTSP1', auth);
    expect(withTest.status).toBe(200);
    expect(withTest.body.supplierpart.pk).toBe(1);
    expect(withTest.body.plugin).toBe('InvenTreeBarcode');
    setBarcodeSetting(h.sim, 'SHORT_BARCODE_PREFIX', '');
    const bare = await scan('SP1', auth);
    expect(bare.status).toBe(200);
    expect(bare.body.supplierpart.pk).toBe(1);
    expect(Object.keys(bare.body)).toEqual(expect.arrayContaining(['success', 'barcode_data', 'barcode_hash']));
  });

  it('case 17: linked barcodes blbla=10008 (none) and blbla=10004 (stock item 520)', async () => {
    const auth = fx();
    const none = await scan('blbla=10008', auth);
    expect(none.status).toBe(400);
    expect(none.body.error).toBe('No match found for barcode data');
    const linked = await scan('blbla=10004', auth);
    expect(linked.status).toBe(200);
    expect(linked.body.barcode_data).toBe('blbla=10004');
    expect(linked.body.plugin).toBe('InvenTreeBarcode');
    expect(linked.body.stockitem.pk).toBe(520);
  });

  it('case 18: relinking stock item 1 to abcde, ABCDE, 12345 (hash is case-sensitive)', async () => {
    const auth = fx();
    for (const code of ['abcde', 'ABCDE', '12345']) {
      h.sim.store.setBarcode('stockitem', 1, code, hashBarcode(code));
      const { status, body } = await scan(code, auth);
      expect(status).toBe(200);
      expect(body.stockitem.pk).toBe(1);
    }
    expect((await scan('abcde', auth)).status).toBe(400);
  });

  it('case 19: with BARCODE_STORE_RESULTS a match is logged as the newest row', async () => {
    const auth = fx();
    setStoreResults(h.sim, true);
    const before = ((await h.get(HISTORY, auth)).body as Body[]).length;
    const { status, body } = await scan('{"stockitem": 522}', auth);
    expect(status).toBe(200);
    expect(body.stockitem.pk).toBe(522);
    const rows = (await h.get(HISTORY, auth)).body as Body[];
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]!.result).toBe(true);
    expect(rows[0]!.data).toBe('{"stockitem": 522}');
    expect(rows[0]!.response.plugin).toBe('InvenTreeBarcode');
    expect(Object.keys(rows[0]!.response)).toEqual(expect.arrayContaining(['barcode_data', 'stockitem', 'success']));
  });

  it('case 20: two supplier parts with one SKU and no MPN → 200 with error and success', async () => {
    const auth = fx();
    const store = h.sim.store;
    // No company named like "LCSC" (the demo dataset has one; rename it).
    for (const company of store.companies.all()) if (/lcsc/i.test(company.name)) company.name = 'Renamed distributor';
    const template = store.supplierParts.get(1) as SupplierPartRow;
    const part = store.parts.get(1) as PartRow;
    for (const supplier of [1, 2]) {
      store.supplierParts.insert((pk) => ({
        ...structuredClone(template),
        pk,
        SKU: 'C312270',
        supplier,
        part: part.pk,
        manufacturer_part: null,
      }));
    }
    const { status, body } = await scan('{pc:C312270,qty:2}', auth);
    expect(status).toBe(200);
    expect(body.error).toBe('Found multiple matching supplier parts for barcode');
    expect(body.plugin).toBe('LCSCPlugin');
    expect(body.success).toBe('Match found for barcode data');
    const full = await scan(
      '{pbn:PICK2009291337,on:SO2009291337,pc:C312270,pm:ST-1-102-A01-T000-RS,qty:2,mc:,cc:1,pdi:34421807}',
      auth,
    );
    expect(full.status).toBe(400);
    expect(full.body.error).toBe('No match found for barcode data');
  });
});
