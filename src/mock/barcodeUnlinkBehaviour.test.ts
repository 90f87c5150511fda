// BEHAVIOUR.md section 5, the unlink and history cases (37–42, 79–83), each set up as the case says
// (user U = staff without roles, fixtures FX) against the Node simulation.
import { describe, expect, it } from 'vitest';
import { addTestUser, setStoreResults } from './test/fixtures';
import { HISTORY, LINK, UNLINK, useBarcodeCases, type Body } from './test/barcodeCases';

const { h, fx, scan } = useBarcodeCases();

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
