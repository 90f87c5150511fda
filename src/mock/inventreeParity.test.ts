// Issue 16: four behaviours a real v291 server showed in sequences recorded beyond the shared
// transcripts (auto pricing, pristine order notes, po-allocate's stored error, ordering ties),
// checked against the demo-dataset simulation.
import { describe, expect, it } from 'vitest';
import { basicAuth } from './test/simClient';
import { setStoreResults } from './test/fixtures';
import { useSimulation } from './test/simHarness';

const h = useSimulation();
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const admin = basicAuth('admin', 'inventree');

/** A new PENDING purchase order of LCSC (company 39), whose parts have CNY price breaks. */
async function lcscOrder(): Promise<number> {
  const response = await h.post('/api/order/po/', { reference: 'PO0100', supplier: 39 }, admin);
  expect(response.status).toBe(201);
  return (response.body as Body).pk as number;
}

async function addLine(body: Record<string, unknown>) {
  const response = await h.post('/api/order/po-line/', body, admin);
  return { status: response.status, body: response.body as Body };
}

describe('auto pricing of a new PO line (update_pricing → SupplierPart.get_price)', () => {
  it('an LCSC line of 500 takes the 100-break: "0.491600" (CNY amount, no exchange rate)', async () => {
    const order = await lcscOrder();
    const line = await addLine({ order, part: 755, quantity: 500 });
    expect(line.status).toBe(201);
    expect(line.body.purchase_price).toBe('0.491600');
    expect(line.body.purchase_price_currency).toBe('USD');
    expect(line.body.auto_pricing).toBe(true);
    // A later GET and the order's total carry the stored price.
    const lines = (await h.get('/api/order/po-line/', admin, { order })).body as Body[];
    expect(lines[0]!.purchase_price).toBe('0.491600');
    expect(lines[0]!.total_price).toBe(245.8);
    const po = (await h.get(`/api/order/po/${order}/`, admin)).body as Body;
    expect(po.total_price).toBe('245.800000');
  });

  it('the largest break not above the quantity; below every break the smallest one', async () => {
    const order = await lcscOrder();
    const first = await addLine({ order, part: 755, quantity: 1000 });
    expect(first.body.purchase_price).toBe('0.092700');
    expect((await addLine({ order, part: 755, quantity: 999, target_date: '2030-01-01' })).body.purchase_price).toBe(
      '0.491600',
    );
    expect((await addLine({ order, part: 755, quantity: 2.5, target_date: '2030-01-02' })).body.purchase_price).toBe(
      '0.491600',
    );
    // merge_items (default): same part, target date and destination → the first line grows and is repriced.
    const merged = await addLine({ order, part: 755, quantity: 0.5, reference: 'ignored' });
    expect(merged.status).toBe(201);
    expect([merged.body.pk, merged.body.quantity, merged.body.reference, merged.body.purchase_price]).toEqual([
      first.body.pk,
      1000.5,
      '',
      '0.092700',
    ]);
    const singles = await addLine({ order, part: 755, quantity: 1, target_date: '2030-01-01', merge_items: false });
    expect(singles.body.pk).not.toBe(first.body.pk);
  });

  it('overrides a given price unless auto_pricing is false; no breaks leaves the price as given', async () => {
    const order = await lcscOrder();
    expect((await addLine({ order, part: 755, quantity: 5, purchase_price: '9.99' })).body.purchase_price).toBe(
      '0.491600',
    );
    expect(
      (
        await addLine({
          order,
          part: 755,
          quantity: 5,
          purchase_price: '9.99',
          auto_pricing: false,
          merge_items: false,
        })
      ).body.purchase_price,
    ).toBe('9.990000');
    const invalid = await addLine({ order, part: 755, quantity: 5, auto_pricing: 'maybe' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.auto_pricing).toEqual(['Must be a valid boolean.']);
    const created = await h.post('/api/company/part/', { part: 69, supplier: 39, SKU: 'NO-BREAKS' }, admin);
    expect(created.status).toBe(201);
    const unpriced = (created.body as Body).pk as number;
    expect((await addLine({ order, part: unpriced, quantity: 5 })).body.purchase_price).toBeNull();
    expect(
      (await addLine({ order, part: unpriced, quantity: 5, purchase_price: '1.5', target_date: '2030-01-01' })).body
        .purchase_price,
    ).toBe('1.500000');
  });
});

describe('order notes: the pristine value ("" before the 2022-06-20 migration, else null)', () => {
  it('a shipment created for SO0003 shows the order notes ""', async () => {
    const response = await h.post('/api/order/so/shipment/', { order: 3, reference: 'SHIP-3' }, admin);
    expect(response.status).toBe(201);
    expect((response.body as Body).order_detail.notes).toBe('');
    expect(((await h.get('/api/order/so/3/', admin)).body as Body).notes).toBe('');
  });

  it('detail GETs agree with the nested snapshots: PO0003 "", PO0007 null, SO0006 null, a new PO null', async () => {
    expect(((await h.get('/api/order/po/3/', admin)).body as Body).notes).toBe('');
    expect(((await h.get('/api/order/po/7/', admin)).body as Body).notes).toBeNull();
    expect(((await h.get('/api/order/po/12/', admin)).body as Body).notes).toBe("Don't forget to send them an invoice");
    expect(((await h.get('/api/order/so/6/', admin)).body as Body).notes).toBeNull();
    expect(((await h.get('/api/order/ro/2/', admin)).body as Body).notes).toBeNull();
    const order = await lcscOrder();
    expect(((await h.get(`/api/order/po/${order}/`, admin)).body as Body).notes).toBeNull();
  });
});

describe("a stored scan's list-shaped error", () => {
  it('po-allocate of a stock-item label stores the repr of the list', async () => {
    setStoreResults(h.sim, true);
    const response = await h.post(
      '/api/barcode/po-allocate/',
      { barcode: '{"stockitem": 231}', purchase_order: 7 },
      admin,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual(['Invalid input.']);
    const history = (await h.get('/api/barcode/history/', admin)).body as Body[];
    expect(history[0]!.endpoint).toBe('/api/barcode/po-allocate/');
    expect(history[0]!.response.error).toBe("[ErrorDetail(string='No matching part data found', code='invalid')]");
  });
});

describe('ordering ties (SQLite: an indexed column is walked in the ordering direction)', () => {
  async function scans(): Promise<number[]> {
    setStoreResults(h.sim, true);
    for (const barcode of ['{"part": 69}', '{"stockitem": 231}', 'no-such-barcode', '{"part": 69}']) {
      await h.post('/api/barcode/', { barcode }, admin);
    }
    await h.post('/api/barcode/po-allocate/', { barcode: '{"stockitem": 231}', purchase_order: 7 }, admin);
    return h.sim.store.history.all().map((row) => row.pk);
  }
  const pks = async (query: Record<string, string>) =>
    ((await h.get('/api/barcode/history/', admin, query)).body as Body[]).map((r) => r.pk);

  it('-user (one user): newest first; user: oldest first', async () => {
    const all = await scans();
    expect(await pks({ ordering: '-user' })).toEqual([...all].reverse());
    expect(await pks({ ordering: 'user' })).toEqual(all);
  });

  it('-endpoint (unindexed): ties stay in ascending pk, as transcript 151 shows', async () => {
    const all = await scans();
    expect(await pks({ ordering: '-endpoint' })).toEqual([all[4], ...all.slice(0, 4)]);
    expect(await pks({ ordering: '-user,endpoint' })).toEqual([...all.slice(0, 4)].reverse().concat(all[4]!));
  });
});
