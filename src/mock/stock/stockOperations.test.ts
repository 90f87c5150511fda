// Rules of STOCK-OPERATIONS.md the recordings do not cover, read from v291's source.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeSimulation } from '../node';
import { request, tokenFor } from '../test/simClient';

const { sim, server } = createNodeSimulation();
let admin = '';
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.reset();
  admin = tokenFor(sim, 'admin');
});

const post = (path: string, body: unknown) => request(path, { method: 'POST', body, authorization: admin });
const track = async (item: number) =>
  (await request('/api/stock/track/', { query: { item }, authorization: admin })).body as Record<string, unknown>[];

describe('stock adjustments beyond the recordings', () => {
  it('the same pk twice works on a stale copy: two 1-unit splits leave the parent at 20', async () => {
    const res = await post('/api/stock/transfer/', {
      items: [
        { pk: 237, quantity: 1 },
        { pk: 237, quantity: 1 },
      ],
      location: 14,
    });
    expect(res.status).toBe(201);
    expect(sim.store.stockItems.get(237)?.quantity).toBe(20);
    const children = sim.store.stockItems.filter((row) => row.parent === 237);
    expect(children.map((c) => c.quantity)).toEqual([1, 1]);
  });

  it('an empty list of items is refused by validate()', async () => {
    const res = await post('/api/stock/count/', { items: [] });
    expect(res).toMatchObject({ status: 400, body: { non_field_errors: ['A list of stock items must be provided'] } });
  });

  it('items that are not a list, too many decimals, a null pk', async () => {
    expect((await post('/api/stock/add/', { items: { pk: 1 } })).body).toEqual({
      items: { non_field_errors: ['Expected a list of items but got type "dict".'] },
    });
    expect((await post('/api/stock/add/', { items: [{ pk: 1216, quantity: '1.123456' }] })).body).toEqual({
      items: [
        {
          pk: ['Invalid pk "1216" - object does not exist.'],
          quantity: ['Ensure that there are no more than 5 decimal places.'],
        },
      ],
    });
    expect((await post('/api/stock/add/', { items: [{ pk: null, quantity: 'x' }] })).body).toEqual({
      items: [{ pk: ['This field may not be null.'], quantity: ['A valid number is required.'] }],
    });
  });

  it('a whole move that changes status writes 20 then a user-less 5 on top', async () => {
    await post('/api/stock/transfer/', { items: [{ pk: 408, quantity: 145, status: 55 }], location: 14 });
    const [top, second] = await track(408);
    expect(top).toMatchObject({ tracking_type: 5, user: null, deltas: { status: 55 } });
    expect(second).toMatchObject({ tracking_type: 20, user: 1, deltas: { location: 14, status: 55 } });
    expect(sim.store.stockItems.get(408)).toMatchObject({ status: 55, status_text: 'Damaged' });
  });

  it('a move to the current location writes 25 only with notes', async () => {
    const before = (await track(408)).length;
    await post('/api/stock/transfer/', { items: [{ pk: 408, quantity: 145 }], location: 3 });
    expect((await track(408)).length).toBe(before);
    await post('/api/stock/transfer/', {
      items: [{ pk: 408, quantity: 145 }],
      location: 3,
      notes: 'StockScan move ab12',
    });
    expect((await track(408))[0]).toMatchObject({ tracking_type: 25, notes: 'StockScan move ab12', deltas: {} });
  });

  it('a quantity-0 line into a structural location answers 201; a real one is refused, nothing saved', async () => {
    expect((await post('/api/stock/transfer/', { items: [{ pk: 408, quantity: 0 }], location: 13 })).status).toBe(201);
    const refused = await post('/api/stock/transfer/', {
      items: [
        { pk: 173, quantity: 1 },
        { pk: 408, quantity: 1 },
      ],
      location: 13,
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { location: ['Stock items cannot be located into structural stock locations!'] },
    });
    expect(sim.store.stockItems.get(173)?.quantity).toBe(5000);
  });

  it('the reader is refused before the body is read', async () => {
    const res = await request('/api/stock/remove/', {
      method: 'POST',
      body: {},
      authorization: tokenFor(sim, 'reader'),
    });
    expect(res).toMatchObject({ status: 403, body: { detail: 'You do not have permission to perform this action.' } });
  });
});
