// BEHAVIOUR.md section 5, the cases of scan, generate, link, unlink and history, each set up as
// the case says (user U = staff without roles, fixtures FX) against the Node simulation.
import { describe, expect, it } from 'vitest';
import { hashBarcode } from './barcodeHash';
import { applyFx, addTestUser, setBarcodeSetting, setStoreResults, userU } from './test/fixtures';
import { useSimulation } from './test/simHarness';
import type { PartRow, SupplierPartRow } from './store';

const h = useSimulation();
// Response bodies are read field by field, as a client would; `any` keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

const SCAN = '/api/barcode/';
const GENERATE = '/api/barcode/generate/';
const LINK = '/api/barcode/link/';
const UNLINK = '/api/barcode/unlink/';
const HISTORY = '/api/barcode/history/';

function fx(roles?: Parameters<typeof userU>[1]): string {
  applyFx(h.sim);
  return userU(h.sim, roles).authorization;
}

async function scan(barcode: unknown, auth: string) {
  const response = await h.post(SCAN, { barcode }, auth);
  return { status: response.status, body: response.body as Body };
}

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

describe('generate: /api/barcode/generate/', () => {
  it('case 21: stockitem 522 → JSON barcode', async () => {
    const response = await h.post(GENERATE, { model: 'stockitem', pk: 522 }, fx());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ barcode: '{"stockitem": 522}' });
  });

  it('case 22: unsupported model and missing instance → 400', async () => {
    const auth = fx();
    const model = await h.post(GENERATE, { model: 'invalidmodel', pk: 1 }, auth);
    expect(model.status).toBe(400);
    expect(model.body).toEqual({ model: ['Model is not supported'] });
    const instance = await h.post(GENERATE, { model: 'stockitem', pk: 99999999 }, auth);
    expect(instance.status).toBe(400);
    expect(instance.body).toEqual({ error: 'Model instance not found' });
  });

  it('case 23: stocklocation 5 → JSON barcode', async () => {
    const response = await h.post(GENERATE, { model: 'stocklocation', pk: 5 }, fx());
    expect(response.status).toBe(200);
    expect((response.body as Body).barcode).toBe('{"stocklocation": 5}');
  });

  it('case 24: short format with prefixes INV-, TEST and empty', async () => {
    const auth = fx();
    setBarcodeSetting(h.sim, 'INTERNAL_BARCODE_FORMAT', 'short');
    const generate = async () =>
      ((await h.post(GENERATE, { model: 'stocklocation', pk: 5 }, auth)).body as Body).barcode;
    expect(await generate()).toBe('INV-SL5');
    setBarcodeSetting(h.sim, 'SHORT_BARCODE_PREFIX', 'TEST');
    expect(await generate()).toBe('TESTSL5');
    setBarcodeSetting(h.sim, 'SHORT_BARCODE_PREFIX', '');
    expect(await generate()).toBe('SL5');
  });
});

describe('link: /api/barcode/link/', () => {
  it('case 25: missing barcode, missing target, unknown pk', async () => {
    const auth = fx();
    const empty = await h.post(LINK, {}, auth);
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ barcode: ['This field is required.'] });
    const noTarget = await h.post(LINK, { barcode: '123' }, auth);
    expect(noTarget.status).toBe(400);
    expect((noTarget.body as Body).error).toMatch(/^Missing data: provide one of/);
    const badPk = await h.post(LINK, { barcode: '123', stockitem: '123' }, auth);
    expect(badPk.status).toBe(400);
    expect(badPk.body).toEqual({ stockitem: ['Invalid pk "123" - object does not exist.'] });
  });

  it('case 26: internal barcodes of existing objects cannot be linked', async () => {
    const auth = fx();
    for (const [barcode, key] of [
      ['{"stockitem": 521}', 'stockitem'],
      ['{"stocklocation": 7}', 'stocklocation'],
      ['{"part": 10004}', 'part'],
    ] as const) {
      const response = await h.post(LINK, { barcode, stockitem: 521 }, auth);
      expect(response.status).toBe(400);
      expect((response.body as Body).error).toBe('Barcode matches existing item');
      expect((response.body as Body)[key]).toBeDefined();
    }
  });

  it('case 27: no target → Missing data', async () => {
    const response = await h.post(LINK, { barcode: 'abcde' }, fx());
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('Missing data:');
  });

  it('case 28: user without roles → 403 for part_part', async () => {
    const response = await h.post(LINK, { barcode: 'abcdefg', part: 1, stockitem: 1 }, fx());
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: 'You do not have the required permissions for part_part' });
  });

  it('case 29: with part.change and stock.change → assigned to the part', async () => {
    const response = await h.post(
      LINK,
      { barcode: 'abcdefg', part: 1, stockitem: 1 },
      fx({ part: ['change'], stock: ['change'] }),
    );
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('Assigned barcode to part instance');
    expect((response.body as Body).part.pk).toBe(1);
    expect(h.sim.store.stockItems.get(1)?.barcode_hash).toBe('');
  });

  it('case 30: link overwrites a previous barcode', async () => {
    const response = await h.post(
      LINK,
      { barcode: '{"blbla": 10007}', stockitem: 521 },
      fx({ part: ['change'], stock: ['change'] }),
    );
    expect(response.status).toBe(200);
    expect((response.body as Body).barcode_data).toBe('{"blbla": 10007}');
    expect((response.body as Body).stockitem.pk).toBe(521);
    expect(h.sim.store.getBarcodeData('stockitem', 521)).toBe('{"blbla": 10007}');
    expect(h.sim.store.stockItems.get(521)?.barcode_hash).toBe('2f5dba5c83a360599ba7665b2a4131c6');
  });

  it('case 31: the same barcode on another item → 400; unlink clears it', async () => {
    const auth = fx({ part: ['change'], stock: ['change'] });
    await h.post(LINK, { barcode: '{"blbla": 10007}', stockitem: 521 }, auth);
    const again = await h.post(LINK, { barcode: '{"blbla": 10007}', stockitem: 1 }, auth);
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('Barcode matches existing item');
    const unlink = await h.post(UNLINK, { stockitem: 521 }, auth);
    expect(unlink.status).toBe(200);
    expect(h.sim.store.getBarcodeData('stockitem', 521)).toBe('');
    expect(h.sim.store.stockItems.get(521)?.barcode_hash).toBe('');
  });

  it('case 32: xyz-123 linked to part 1 after a bad pk', async () => {
    const auth = fx({ part: ['change'] });
    expect((await scan('xyz-123', auth)).status).toBe(400);
    const bad = await h.post(LINK, { barcode: 'xyz-123', part: 99999999 }, auth);
    expect(bad.status).toBe(400);
    expect((bad.body as Body).part[0]).toContain('object does not exist');
    const good = await h.post(LINK, { barcode: 'xyz-123', part: 1 }, auth);
    expect(good.status).toBe(200);
    expect((good.body as Body).part.pk).toBe(1);
    expect((good.body as Body).success).toBe('Assigned barcode to part instance');
    expect(h.sim.store.parts.get(1)?.barcode_hash).toBe('bc39d07e9a395c7b5658c231bf910fae');
  });

  it('case 33: the linked part scans; relinking elsewhere fails; unlink clears it', async () => {
    const auth = fx({ part: ['change'] });
    await h.post(LINK, { barcode: 'xyz-123', part: 1 }, auth);
    const found = await scan('xyz-123', auth);
    expect(found.status).toBe(200);
    expect(found.body.success).toBeDefined();
    expect(found.body.plugin).toBe('InvenTreeBarcode');
    expect(found.body.part.pk).toBe(1);
    const other = await h.post(LINK, { barcode: 'xyz-123', part: 2 }, auth);
    expect(other.status).toBe(400);
    expect((other.body as Body).error).toContain('Barcode matches existing item');
    expect((await h.post(UNLINK, { part: 1 }, auth)).status).toBe(200);
    expect(h.sim.store.parts.get(1)?.barcode_hash).toBe('');
    expect(h.sim.store.getBarcodeData('part', 1)).toBe('');
  });

  it('case 34: stock location link needs stock_location.change', async () => {
    applyFx(h.sim);
    const withoutRoles = addTestUser(h.sim, { username: 'u-none', isStaff: true }).authorization;
    const denied = await h.post(LINK, { barcode: '555555555555555555555555', stocklocation: 1 }, withoutRoles);
    expect(denied.status).toBe(403);
    const withRole = addTestUser(h.sim, {
      username: 'u-loc',
      isStaff: true,
      roles: { stock_location: ['change'] },
    }).authorization;
    const linked = await h.post(LINK, { barcode: '555555555555555555555555', stocklocation: 1 }, withRole);
    expect(linked.status).toBe(200);
    expect((linked.body as Body).stocklocation.pk).toBe(1);
    expect((linked.body as Body).success).toBeDefined();
    expect(h.sim.store.stockLocations.get(1)?.barcode_hash).toBe('4aa63f5e55e85c1f842796bf74896dbb');
  });

  it('case 35: the same barcode to location 2 fails; unlink clears location 1', async () => {
    const auth = fx({ stock_location: ['change'] });
    await h.post(LINK, { barcode: '555555555555555555555555', stocklocation: 1 }, auth);
    const other = await h.post(LINK, { barcode: '555555555555555555555555', stocklocation: 2 }, auth);
    expect(other.status).toBe(400);
    expect((other.body as Body).error).toContain('Barcode matches existing item');
    expect((await h.post(UNLINK, { stocklocation: 1 }, auth)).status).toBe(200);
    expect(h.sim.store.stockLocations.get(1)?.barcode_hash).toBe('');
  });

  it('case 36: A-TEST-BARCODE-STRING on 522, then on 521 → 400 without success', async () => {
    const auth = fx({ stock: ['change'] });
    const linked = await h.post(LINK, { barcode: 'A-TEST-BARCODE-STRING', stockitem: 522 }, auth);
    expect(linked.status).toBe(200);
    expect((linked.body as Body).success).toBeDefined();
    expect((linked.body as Body).barcode_hash).toBe(h.sim.store.stockItems.get(522)?.barcode_hash);
    expect((linked.body as Body).barcode_hash).toBe('3d59ca755c793639dd69da2cd077a54f');
    const second = await h.post(LINK, { barcode: 'A-TEST-BARCODE-STRING', stockitem: 521 }, auth);
    expect(second.status).toBe(400);
    expect((second.body as Body).error).toBeDefined();
    expect((second.body as Body).success).toBeUndefined();
  });
});

describe('unlink: /api/barcode/unlink/', () => {
  it('case 37: unlink 522 after 36, then an unknown pk → 400', async () => {
    const auth = fx({ stock: ['change'] });
    await h.post(LINK, { barcode: 'A-TEST-BARCODE-STRING', stockitem: 522 }, auth);
    const unlink = await h.post(UNLINK, { stockitem: 522 }, auth);
    expect(unlink.status).toBe(200);
    expect(unlink.body).toEqual({ success: 'Barcode unassigned from stockitem instance' });
    expect(h.sim.store.getBarcodeData('stockitem', 522)).toBe('');
    expect((await h.post(UNLINK, { stockitem: 999999999 }, auth)).status).toBe(400);
  });

  it('case 38: no known field → Missing data: Provide one of', async () => {
    const auth = fx();
    for (const body of [{}, { cat: 123 }, { dog: 123 }, { fish: 123 }]) {
      const response = await h.post(UNLINK, body, auth);
      expect(response.status).toBe(400);
      expect((response.body as Body).error).toContain('Missing data: Provide one of');
    }
  });

  it('case 39: two fields → Multiple conflicting fields', async () => {
    const response = await h.post(UNLINK, { stockitem: 1, part: 1 }, fx());
    expect(response.status).toBe(400);
    expect((response.body as Body).error).toContain('Multiple conflicting fields:');
  });

  it('case 40: wrong pk type → Incorrect type', async () => {
    const response = await h.post(UNLINK, { stockitem: 'invalid' }, fx());
    expect(response.status).toBe(400);
    expect((response.body as Body).stockitem[0]).toContain('Incorrect type');
  });

  it('case 41: unknown pks → object does not exist', async () => {
    const auth = fx();
    for (const body of [{ part: 99999999999 }, { build: 999999999 }, { salesorder: 999999999 }, { part: 999999999 }]) {
      const response = await h.post(UNLINK, body, auth);
      expect(response.status).toBe(400);
      const field = Object.keys(body)[0]!;
      expect((response.body as Body)[field][0]).toContain('object does not exist');
    }
  });

  it('case 42: user without roles → 403 for stock_stockitem', async () => {
    const response = await h.post(UNLINK, { stockitem: 1 }, fx());
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: 'You do not have the required permissions for stock_stockitem' });
  });
});

describe('history: /api/barcode/history/', () => {
  it('case 79: three scans listed newest first, paginated and filtered', async () => {
    const auth = fx();
    setStoreResults(h.sim, true);
    await scan('{"part": 1}', auth);
    await scan('no-such-barcode', auth);
    await scan('{"stocklocation": 1}', auth);
    const list = await h.get(HISTORY, auth);
    expect(list.status).toBe(200);
    const rows = list.body as Body[];
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.data)).toEqual(['{"stocklocation": 1}', 'no-such-barcode', '{"part": 1}']);
    expect(Object.keys(rows[0]!)).toEqual([
      'pk',
      'data',
      'timestamp',
      'endpoint',
      'context',
      'response',
      'result',
      'user',
      'user_detail',
    ]);
    expect(rows[0]!.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows[0]!.endpoint).toBe('/api/barcode/');
    expect(rows[0]!.context).toEqual({});
    const page = await h.get(HISTORY, auth, { limit: 2, offset: 0 });
    expect(page.body).toMatchObject({ count: 3, previous: null });
    expect((page.body as Body).next).toMatch(/offset=2/);
    expect((page.body as Body).results).toHaveLength(2);
    const failed = (await h.get(HISTORY, auth, { result: 'false' })).body as Body[];
    expect(failed.map((r) => r.data)).toEqual(['no-such-barcode']);
  });

  it('case 80: BARCODE_RESULTS_MAX_NUM=2 keeps the two newest', async () => {
    const auth = fx();
    setStoreResults(h.sim, true);
    h.sim.store.globalSettings.find((s) => s.key === 'BARCODE_RESULTS_MAX_NUM')!.value = '2';
    for (const code of ['one', 'two', 'three']) await scan(code, auth);
    const rows = (await h.get(HISTORY, auth)).body as Body[];
    expect(rows.map((r) => r.data)).toEqual(['three', 'two']);
  });

  it('case 81: bulk delete is staff only, with InvenTree errors', async () => {
    const auth = fx();
    setStoreResults(h.sim, true);
    await scan('one', auth);
    const pk = ((await h.get(HISTORY, auth)).body as Body[])[0]!.pk;
    const reader = addTestUser(h.sim, { username: 'plain', isStaff: false }).authorization;
    expect((await h.del(HISTORY, { items: [pk] }, reader)).status).toBe(403);
    const deleted = await h.del(HISTORY, { items: [pk] }, auth);
    expect(deleted.status).toBe(204);
    const empty = await h.del(HISTORY, {}, auth);
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ non_field_errors: ['List of items or filters must be provided for bulk deletion'] });
    const none = await h.del(HISTORY, { items: [999999] }, auth);
    expect(none.status).toBe(400);
    expect(none.body).toEqual({ non_field_errors: 'No items found to delete' });
  });

  it('case 82: unknown detail → 404; staff delete → 204', async () => {
    const auth = fx();
    setStoreResults(h.sim, true);
    await scan('one', auth);
    const missing = await h.get(`${HISTORY}999999/`, auth);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Not found.' });
    const pk = ((await h.get(HISTORY, auth)).body as Body[])[0]!.pk;
    const deleted = await h.del(`${HISTORY}${pk}/`, undefined, auth);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
  });

  it('case 83: storage disabled → scans leave the count unchanged', async () => {
    const auth = fx();
    setStoreResults(h.sim, false);
    await scan('{"part": 1}', auth);
    await scan('nothing', auth);
    expect((await h.get(HISTORY, auth)).body).toEqual([]);
  });
});
