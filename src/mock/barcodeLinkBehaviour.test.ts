// BEHAVIOUR.md section 5, the generate and link cases (21–36), each set up as the case says (user U
// = staff without roles, fixtures FX) against the Node simulation.
import { describe, expect, it } from 'vitest';
import { applyFx, addTestUser, setBarcodeSetting } from './test/fixtures';
import { GENERATE, LINK, UNLINK, useBarcodeCases, type Body } from './test/barcodeCases';

const { h, fx, scan } = useBarcodeCases();

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
