// BEHAVIOUR.md section 5, PO allocate cases 66-68, against the Node simulation.
import { describe, expect, it } from 'vitest';
import { userU } from '../test/fixtures';
import {
  company,
  part,
  purchaseOrder,
  supplierPart,
  useOrderSimulation,
  type OrderHarness,
} from './testing/orderFixtures';

const h = useOrderSimulation();
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ALLOCATE = '/api/barcode/po-allocate/';

/** A PENDING PO of supplier S; Part P with exactly one supplier part SP of S. */
async function fixture(harness: OrderHarness) {
  const s = await company(harness, 'Supplier S', { supplier: true });
  const other = await company(harness, 'Supplier T', { supplier: true });
  const p = await part(harness, 'P');
  const sp = await supplierPart(harness, p, s, 'SP-1');
  await supplierPart(harness, p, other, 'OTHER-1');
  const po = await purchaseOrder(harness, s, {});
  return { auth: userU(harness.sim).authorization, s, p, sp, po };
}

describe('po-allocate: /api/barcode/po-allocate/', () => {
  it("case 66: part barcode against a pending PO → 200 with the supplier's part", async () => {
    const { auth, p, sp, po } = await fixture(h);
    const response = await h.post(ALLOCATE, { barcode: `{"part": ${p}}`, purchase_order: po }, auth);
    const body = response.body as Body;
    expect(response.status).toBe(200);
    expect(body.success).toBe('Matched supplier part');
    expect(body.supplierpart).toEqual({
      pk: sp,
      api_url: `/api/company/part/${sp}/`,
      web_url: `/supplier-part/${sp}/`,
    });
    expect(body.part.pk).toBe(p);
    expect(Object.keys(body)).toEqual(['part', 'plugin', 'barcode_data', 'barcode_hash', 'success', 'supplierpart']);
    // The endpoint does not touch the order.
    expect(h.sim.store.poLines.filter((l) => l.order === po)).toHaveLength(0);
  });

  it('case 67: the same PO after it is placed → 400 "Purchase order is not pending"', async () => {
    const { auth, p, po } = await fixture(h);
    await h.post(`/api/order/po/${po}/issue/`, {}, h.admin);
    const response = await h.post(ALLOCATE, { barcode: `{"part": ${p}}`, purchase_order: po }, auth);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ purchase_order: ['Purchase order is not pending'] });
  });

  it('case 68: no match, two supplier parts, or none → 400 ["Invalid input."]', async () => {
    const { auth, s, p, po } = await fixture(h);
    const unknown = await h.post(ALLOCATE, { barcode: 'nothing-matches', purchase_order: po }, auth);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(['Invalid input.']);

    await supplierPart(h, p, s, 'SP-2');
    const two = await h.post(ALLOCATE, { barcode: `{"part": ${p}}`, purchase_order: po }, auth);
    expect(two.status).toBe(400);
    expect(two.body).toEqual(['Invalid input.']);

    const lonely = await part(h, 'P without supplier parts');
    const none = await h.post(ALLOCATE, { barcode: `{"part": ${lonely}}`, purchase_order: po }, auth);
    expect(none.status).toBe(400);
    expect(none.body).toEqual(['Invalid input.']);
  });
});
