// DELETE /api/order/so-allocation/{id}/ as InvenTree v291 answers it (order/api.py
// SalesOrderAllocationDetail): 401 anonymous, 403 without sales_order delete (before the lookup),
// 404 "Not found.", else 204 with an empty body and the allocation gone from every derived value.
import { describe, expect, it } from 'vitest';
import { userU } from '../test/fixtures';
import { request } from '../test/simClient';
import { allocatedToLine } from './soSerializers';
import {
  company,
  linkBarcode,
  part,
  salesOrder,
  shipment,
  soLine,
  stockItem,
  useOrderSimulation,
} from './testing/orderFixtures';

const h = useOrderSimulation();
const del = (path: string, authorization?: string) => request(path, { method: 'DELETE', authorization });
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function allocated() {
  const customer = await company(h, 'Customer C', { customer: true });
  const p = await part(h, 'P', { salable: true });
  const s = stockItem(h.sim, p, 100);
  linkBarcode(h.sim, 'stockitem', s.pk, 'barcode');
  const so = salesOrder(h.sim, customer);
  await shipment(h, so.pk, 'SH');
  const line = soLine(h.sim, so.pk, p, 10);
  const admin = userU(h.sim, { sales_order: ['view', 'add', 'change', 'delete'] }).authorization;
  const r = await h.post('/api/barcode/so-allocate/', { barcode: 'barcode', sales_order: so.pk }, admin);
  expect(r.body).toMatchObject({ success: 'Stock item allocated to sales order' });
  const list = (await h.get('/api/order/so-allocation/', admin, { item: s.pk, line: line.pk })).body as Body[];
  expect(list).toHaveLength(1);
  return { admin, s, line, pk: list[0]!.pk as number };
}

describe('DELETE /api/order/so-allocation/{id}/', () => {
  it('deletes the allocation: 204, empty body; the line and the stock item are unallocated again', async () => {
    const { admin, s, line, pk } = await allocated();
    expect(h.sim.store.stockItems.get(s.pk)?.allocated).toBe(10);
    const r = await del(`/api/order/so-allocation/${pk}/`, admin);
    expect(r.status).toBe(204);
    expect(r.body === '' || r.body === null || r.body === undefined).toBe(true);
    expect(h.sim.store.soAllocations.get(pk)).toBeUndefined();
    expect(allocatedToLine(h.sim.store, line.pk)).toBe(0);
    expect(h.sim.store.stockItems.get(s.pk)?.allocated).toBe(0);
    expect((await h.get(`/api/order/so-allocation/${pk}/`, admin)).status).toBe(404);
  });

  it('a second delete answers 404 "Not found."', async () => {
    const { admin, pk } = await allocated();
    await del(`/api/order/so-allocation/${pk}/`, admin);
    const again = await del(`/api/order/so-allocation/${pk}/`, admin);
    expect(again).toMatchObject({ status: 404, body: { detail: 'Not found.' } });
  });

  it('needs the sales_order role’s delete right, checked before the lookup; anonymous is 401', async () => {
    const { pk } = await allocated();
    const sales = userU(h.sim, { sales_order: ['view', 'add', 'change'] }).authorization;
    const forbidden = { status: 403, body: { detail: 'You do not have permission to perform this action.' } };
    expect(await del(`/api/order/so-allocation/${pk}/`, sales)).toMatchObject(forbidden);
    expect(await del('/api/order/so-allocation/999999/', sales)).toMatchObject(forbidden);
    expect(h.sim.store.soAllocations.get(pk)).toBeDefined();
    expect((await del(`/api/order/so-allocation/${pk}/`)).status).toBe(401);
  });
});
