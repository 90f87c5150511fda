// BEHAVIOUR.md section 5, SO allocate cases 43-51 (fixture SOX), against the Node simulation.
import { describe, expect, it } from 'vitest';
import { userU } from '../test/fixtures';
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
  type OrderHarness,
} from './testing/orderFixtures';

const h = useOrderSimulation();
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ALLOCATE = '/api/barcode/so-allocate/';

/** SOX: SO (PENDING) with shipment SH and line L (part P, qty 10); S (P, qty 100, linked "barcode"); S2 of part Q. */
async function sox(harness: OrderHarness) {
  const customer = await company(harness, 'Customer C', { customer: true });
  const p = await part(harness, 'P', { salable: true });
  const q = await part(harness, 'Q', { salable: true });
  const s = stockItem(harness.sim, p, 100);
  linkBarcode(harness.sim, 'stockitem', s.pk, 'barcode');
  const s2 = stockItem(harness.sim, q, 10);
  const so = salesOrder(harness.sim, customer);
  const sh = await shipment(harness, so.pk, 'SH');
  const line = soLine(harness.sim, so.pk, p, 10);
  const auth = userU(harness.sim, { sales_order: ['view', 'add', 'change'] }).authorization;
  return { auth, customer, p, q, s, s2, so, sh, line };
}

async function allocate(body: Body, auth: string) {
  const response = await h.post(ALLOCATE, body, auth);
  return { status: response.status, body: response.body as Body };
}

describe('so-allocate: /api/barcode/so-allocate/ (SOX)', () => {
  it('case 43: blank barcode and no sales_order → 400 with both field errors', async () => {
    const { auth } = await sox(h);
    const { status, body } = await allocate({ barcode: '' }, auth);
    expect(status).toBe(400);
    expect(body.barcode[0]).toContain('This field may not be blank');
    expect(body.sales_order[0]).toContain('This field is required');
  });

  it('case 44: unknown sales order → 400 "object does not exist"', async () => {
    const { auth } = await sox(h);
    const { status, body } = await allocate({ barcode: '', sales_order: 999999999 }, auth);
    expect(status).toBe(400);
    expect(body.sales_order[0]).toContain('object does not exist');
  });

  it('case 45: unknown barcode → 400 "No matching plugin found for barcode data"', async () => {
    const { auth, so } = await sox(h);
    const { status, body } = await allocate({ barcode: '123456789', sales_order: so.pk }, auth);
    expect(status).toBe(400);
    expect(body.error).toBe('No matching plugin found for barcode data');
  });

  it('case 46: S2 (no line on SO) → 400 with the ErrorDetail repr', async () => {
    const { auth, so, s2 } = await sox(h);
    linkBarcode(h.sim, 'stockitem', s2.pk, '123456789');
    const { status, body } = await allocate({ barcode: '123456789', sales_order: so.pk }, auth);
    expect(status).toBe(400);
    expect(body.error).toBe("[ErrorDetail(string='No matching line item found', code='invalid')]");
    expect(body.stockitem.pk).toBe(String(s2.pk));
  });

  it('case 47: a part barcode → 400 "does not match an existing stock item"', async () => {
    const { auth, so, q } = await sox(h);
    linkBarcode(h.sim, 'part', q, 'abcde');
    const { status, body } = await allocate({ barcode: 'abcde', sales_order: so.pk }, auth);
    expect(status).toBe(400);
    expect(body.error).toContain('does not match an existing stock item');
  });

  it('case 48: shipment of another sales order → 400 "Shipment does not match sales order", nothing allocated', async () => {
    const { auth, so, s, customer, line } = await sox(h);
    const so2 = salesOrder(h.sim, customer);
    const sh2 = await shipment(h, so2.pk, 'SH2');
    const { status, body } = await allocate(
      { barcode: `{"stockitem": ${s.pk}}`, sales_order: so.pk, shipment: sh2 },
      auth,
    );
    expect(status).toBe(400);
    expect(body.error).toContain('Shipment does not match sales order');
    expect(allocatedToLine(h.sim.store, line.pk)).toBe(0);
  });

  it('case 49: stock item S → 200 allocated to L and SH, quantity 10; L fully allocated', async () => {
    const { auth, so, s, sh, line } = await sox(h);
    const { status, body } = await allocate({ barcode: `{"stockitem": ${s.pk}}`, sales_order: so.pk }, auth);
    expect(status).toBe(200);
    expect(body.success).toContain('Stock item allocated');
    expect(body.sales_order).toBe(so.pk);
    expect(body.line_item).toBe(line.pk);
    expect(body.shipment).toBe(sh);
    expect(body.quantity).toBe(10);
    expect(allocatedToLine(h.sim.store, line.pk)).toBe(10);
    const lines = await h.get('/api/order/so-line/', auth, { order: so.pk });
    expect((lines.body as Body[])[0]!.allocated).toBe(10);
  });

  it('case 50: two open shipments → 200, shipment null, no success or error, nothing allocated', async () => {
    const { auth, so, s, line } = await sox(h);
    await shipment(h, so.pk, 'SH-B');
    const { status, body } = await allocate({ barcode: `{"stockitem": ${s.pk}}`, sales_order: so.pk }, auth);
    expect(status).toBe(200);
    expect(body.shipment).toBeNull();
    expect(body.quantity).toBe(10);
    expect(body).not.toHaveProperty('success');
    expect(body).not.toHaveProperty('error');
    expect(allocatedToLine(h.sim.store, line.pk)).toBe(0);
  });

  it('case 51: IN_PROGRESS sales order → 400 {"sales_order": ["Sales order is not pending"]}', async () => {
    const { auth, so, s } = await sox(h);
    so.status = 15;
    const { status, body } = await allocate({ barcode: `{"stockitem": ${s.pk}}`, sales_order: so.pk }, auth);
    expect(status).toBe(400);
    expect(body).toEqual({ sales_order: ['Sales order is not pending'] });
  });
});
