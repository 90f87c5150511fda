// What one scan costs the simulation (issue 15: the demo's lookup runs on the page's main thread):
// a code that matches nothing is looked up by its hash in an index per model, not by reading every
// object of the nine barcode models (~2,400 rows in the demo dataset) on each scan. Counted as row
// reads through the tables' find/filter/all, not timed. The index follows links and new objects.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashBarcode } from './barcodeHash';
import { Table, type Row } from './table';
import { LINK, useBarcodeCases, type Body } from './test/barcodeCases';

const { h, fx, scan } = useBarcodeCases();

afterEach(() => vi.restoreAllMocks());

/** Rows handed to callers by Table.find/filter (predicate calls) and Table.all (rows returned). */
function countRowReads(): () => number {
  let reads = 0;
  const { find, filter, all } = Table.prototype;
  vi.spyOn(Table.prototype, 'find').mockImplementation(function (this: Table<Row>, predicate) {
    return find.call(this, (row) => (reads++, predicate(row)));
  });
  vi.spyOn(Table.prototype, 'filter').mockImplementation(function (this: Table<Row>, predicate) {
    return filter.call(this, (row) => (reads++, predicate(row)));
  });
  vi.spyOn(Table.prototype, 'all').mockImplementation(function (this: Table<Row>) {
    const rows = all.call(this);
    reads += rows.length;
    return rows;
  });
  return () => reads;
}

describe('a scan in the simulation, in rows read', () => {
  it('answers an unknown EAN without reading the barcode models row by row', async () => {
    const auth = fx();
    const objects = h.sim.store.stockItems.size + h.sim.store.parts.size + h.sim.store.supplierParts.size;
    expect(objects).toBeGreaterThan(1000);
    // The first scan builds the hash indexes (one pass over each model).
    expect((await scan('9780804816632', auth)).status).toBe(400);
    const reads = countRowReads();
    for (const code of ['9780804816632', '4006381333931', 'NOT-A-LABEL-42']) {
      const { status, body } = await scan(code, auth);
      expect(status).toBe(400);
      expect(body.error).toBe('No match found for barcode data');
    }
    expect(reads()).toBeLessThan(50);
  });

  it('finds a custom barcode linked after the index was built, and not one linked elsewhere', async () => {
    const auth = fx({ stock: ['change', 'view'] });
    expect((await scan('CUSTOM-LABEL-7', auth)).status).toBe(400);
    const linked = await h.post(LINK, { barcode: 'CUSTOM-LABEL-7', stockitem: 12 }, auth);
    expect(linked.status).toBe(200);
    const { status, body } = await scan('CUSTOM-LABEL-7', auth);
    expect(status).toBe(200);
    expect((body as Body).stockitem.pk).toBe(12);
    // Linking the same code to another item is refused, as the model's uniqueness check does.
    const again = await h.post(LINK, { barcode: 'CUSTOM-LABEL-7', stockitem: 13 }, auth);
    expect(again.status).toBe(400);
    expect(h.sim.store.findByBarcodeHash('stockitem', hashBarcode('CUSTOM-LABEL-7'))?.pk).toBe(12);
  });

  it('finds the lowest pk when two objects share a hash, as the database does', () => {
    const store = h.sim.store;
    const hash = hashBarcode('SHARED');
    const [a, b] = store.parts.all().slice(-2);
    store.setBarcode('part', b!.pk, 'SHARED', hash);
    expect(store.findByBarcodeHash('part', hash)?.pk).toBe(b!.pk);
    store.setBarcode('part', a!.pk, 'SHARED', hash);
    expect(store.findByBarcodeHash('part', hash)?.pk).toBe(a!.pk);
    store.parts.delete(a!.pk);
    expect(store.findByBarcodeHash('part', hash)?.pk).toBe(b!.pk);
    expect(store.findByBarcodeHash('part', hashBarcode('NOWHERE'))).toBeUndefined();
  });
});
