// The order list endpoints reproduce the demo dataset exactly as the real v291 server exported it
// (same query flags, same order, same keys and key order), and their filters, search and paging.
import { describe, expect, it } from 'vitest';
import { demoDataset, type DatasetList } from '../dataset';
import { useOrderSimulation } from './testing/orderFixtures';

const h = useOrderSimulation(demoDataset);
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXPORTS: [string, DatasetList][] = [
  ['purchase orders', demoDataset.purchaseOrders],
  ['purchase order lines', demoDataset.poLines],
  ['sales orders', demoDataset.salesOrders],
  ['sales order lines', demoDataset.soLines],
  ['shipments', demoDataset.soShipments],
  ['allocations', demoDataset.soAllocations],
];

describe('order lists against the dataset export', () => {
  for (const [name, list] of EXPORTS) {
    it(`${name}: ${list.path}?${new URLSearchParams(list.query).toString()} equals the export`, async () => {
      const response = await h.get(list.path, h.admin, list.query);
      expect(response.status).toBe(200);
      const rows = response.body as Body[];
      expect(rows.map((r) => r.pk)).toEqual(list.results.map((r) => r.pk));
      // Row by row, so a difference names its row.
      rows.forEach((row, i) => expect(JSON.stringify(row), `row pk ${row.pk}`).toBe(JSON.stringify(list.results[i])));
    });
  }
});

describe('order list filters, search and paging', () => {
  it('purchase orders: supplier and status filters, search, limit/offset', async () => {
    const bySupplier = (await h.get('/api/order/po/', h.admin, { supplier: 1 })).body as Body[];
    expect(bySupplier.length).toBeGreaterThan(0);
    expect(bySupplier.every((po) => po.supplier === 1)).toBe(true);
    const placed = (await h.get('/api/order/po/', h.admin, { status: 20 })).body as Body[];
    expect(placed.every((po) => po.status === 20)).toBe(true);
    const search = (await h.get('/api/order/po/', h.admin, { search: 'po0007' })).body as Body[];
    expect(search.map((po) => po.reference)).toEqual(['PO0007']);
    const page = (await h.get('/api/order/po/', h.admin, { limit: 2, offset: 2 })).body as Body;
    expect(page.count).toBe(12);
    expect(page.results.map((po: Body) => po.reference)).toEqual(['PO0010', 'PO0009']);
    expect(page.next).toContain('offset=4');
  });

  it('an unknown supplier is a 400 field error', async () => {
    const response = await h.get('/api/order/po/', h.admin, { supplier: 999999 });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      supplier: ['Select a valid choice. That choice is not one of the available choices.'],
    });
  });

  it('purchase order lines of one order, and pending lines', async () => {
    const lines = (await h.get('/api/order/po-line/', h.admin, { order: 7 })).body as Body[];
    expect(lines.map((l) => l.pk)).toEqual([20]);
    expect(lines[0]!.sku).toBe('WM1731-ND');
  });

  it('sales order lines, shipments and allocations of one order', async () => {
    const lines = (await h.get('/api/order/so-line/', h.admin, { order: 2 })).body as Body[];
    expect(lines.map((l) => l.part)).toEqual([108, 107]);
    const shipments = (await h.get('/api/order/so/shipment/', h.admin, { order: 6 })).body as Body[];
    expect(shipments.map((s) => s.pk)).toEqual([4, 5]);
    const allocations = (await h.get('/api/order/so-allocation/', h.admin, { order: 6 })).body as Body[];
    expect(allocations.every((a) => a.order === 6)).toBe(true);
    expect(allocations.length).toBe(12);
  });

  it('requires authentication', async () => {
    const response = await h.get('/api/order/so/', '');
    expect(response.status).toBe(401);
  });
});
