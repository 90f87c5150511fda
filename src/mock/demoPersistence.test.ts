// Demo persistence against a real IndexedDB implementation (fake-indexeddb): every answered change
// is in the database when its answer arrives, so a reload straight after a burst keeps them all.
import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, demoPersistence, STATE_FORMAT, upgradeDemoDb, META } from './demoPersistence';
import { createHandlers } from './handlers';
import { createSimulation, type Simulation } from './simulation';
import { applyFx, setStoreResults, userU } from './test/fixtures';
import { request } from './test/simClient';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const open = () => openDB(DB_NAME, DB_VERSION, { upgrade: (database) => upgradeDemoDb(database) });
let dbs: IDBPDatabase[] = [];
beforeEach(async () => {
  dbs = [];
  await new Promise<void>((resolve, reject) => {
    const del = indexedDB.deleteDatabase(DB_NAME);
    del.onsuccess = () => resolve();
    del.onerror = () => reject(del.error);
  });
});
afterEach(() => dbs.forEach((db) => db.close()));

/** A page load: a fresh simulation resumed from the database, answering through MSW like the demo. */
async function loadPage(stateKey = 'state'): Promise<{ sim: Simulation; save: () => Promise<void> }> {
  const db = await open();
  dbs.push(db);
  const sim = createSimulation();
  const saved = demoPersistence(db, stateKey, sim.pristine);
  const state = await saved.load();
  if (state) sim.importState(state);
  const save = () => saved.save(sim.store);
  server.resetHandlers(...createHandlers(sim, { onMutation: save }));
  return { sim, save };
}

const post = (path: string, body: unknown, authorization: string) =>
  request(path, { method: 'POST', body, authorization });

describe('demo persistence', () => {
  it('a reload straight after a burst of writes keeps every write', async () => {
    const first = await loadPage();
    applyFx(first.sim);
    setStoreResults(first.sim, true);
    const auth = userU(first.sim, { stock: ['change'], part: ['change'] }).authorization;
    // The burst: links, scans logged in history and an unlink, all at once as a fast scanner sends them.
    const answers = await Promise.all([
      ...[1, 2, 3, 4, 7].map((pk) => post('/api/barcode/link/', { barcode: `BURST-${pk}`, stockitem: pk }, auth)),
      ...['one', 'two', 'three'].map((barcode) => post('/api/barcode/', { barcode }, auth)),
      post('/api/barcode/link/', { barcode: 'PART-ONE', part: 1 }, auth),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 400, 400, 400, 200]);
    const unlinked = await post('/api/barcode/unlink/', { stockitem: 7 }, auth);
    expect(unlinked.status).toBe(200);
    const before = first.sim.exportState();

    // Reload at once: no waiting for a timer or a pagehide.
    const second = await loadPage();
    expect(second.sim.exportState()).toEqual(before);
    for (const pk of [1, 2, 3, 4]) {
      const found = await post('/api/barcode/', { barcode: `BURST-${pk}` }, auth);
      expect(found.body).toMatchObject({ stockitem: { pk } });
    }
    expect((await post('/api/barcode/', { barcode: 'BURST-7' }, auth)).status).toBe(400);
    expect(second.sim.store.history.size).toBe(before.tables.history.rows.length + 5);
  });

  it('deleted rows stay deleted and new rows keep their pks across reloads', async () => {
    const first = await loadPage();
    applyFx(first.sim);
    setStoreResults(first.sim, true);
    const auth = userU(first.sim).authorization;
    for (const barcode of ['a', 'b', 'c']) await post('/api/barcode/', { barcode }, auth);
    const pks = first.sim.store.history.all().map((row) => row.pk);
    const deleted = await request('/api/barcode/history/', {
      method: 'DELETE',
      body: { items: [pks[1]] },
      authorization: auth,
    });
    expect(deleted.status).toBe(204);

    const second = await loadPage();
    expect(second.sim.store.history.all().map((row) => row.pk)).toEqual([pks[0], pks[2]]);
    await post('/api/barcode/', { barcode: 'd' }, auth);
    // Like the server's AUTOINCREMENT: the deleted pk is never reused, after a reload too.
    expect(second.sim.store.history.all().map((row) => row.pk)).toEqual([pks[0], pks[2], (pks[2] ?? 0) + 1]);
    expect((await loadPage()).sim.exportState()).toEqual(second.sim.exportState());
  });

  it('writes only what changed', async () => {
    const page = await loadPage();
    applyFx(page.sim);
    const auth = userU(page.sim, { stock: ['change'] }).authorization;
    await page.save();
    const db = dbs[0]!;
    const rowsBefore = await db.count('rows');
    await post('/api/barcode/link/', { barcode: 'ONE-ROW', stockitem: 7 }, auth);
    // One stock item row changed (its barcode_hash); the barcode text is in the meta record.
    expect(await db.count('rows')).toBe(rowsBefore + 1);
    expect(await db.get('rows', ['state', 'stockItems', 7])).toMatchObject({ pk: 7, barcode_hash: expect.any(String) });
  });

  it('each API version keeps its own state; a state of another format or a cleared one is not used', async () => {
    const first = await loadPage('state');
    applyFx(first.sim);
    const auth = userU(first.sim, { stock: ['change'] }).authorization;
    await post('/api/barcode/link/', { barcode: 'KEPT', stockitem: 3 }, auth);
    const other = await loadPage('state-425');
    expect(other.sim.exportState()).toEqual(createSimulation().exportState());

    const db = dbs[0]!;
    const meta = (await db.get(META, 'state')) as { format: number };
    await db.put(META, { ...meta, format: STATE_FORMAT - 1 }, 'state');
    expect((await loadPage('state')).sim.exportState()).toEqual(createSimulation().exportState());

    await db.put(META, meta, 'state');
    const resumed = await loadPage('state');
    expect(resumed.sim.store.getBarcodeData('stockitem', 3)).toBe('KEPT');
    await demoPersistence(db, 'state', resumed.sim.pristine).clear();
    expect((await loadPage('state')).sim.exportState()).toEqual(createSimulation().exportState());
  });
});
