/** Queued stock writes sent against the node simulation: once, also after a lost answer. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../connection/connectionTypes.ts';
import { createNodeSimulation } from '../mock/node.ts';
import { TEST_ORIGIN, tokenFor } from '../mock/test/simClient.ts';
import { postStockOp } from '../api/stock.ts';
import { operationNotes } from '../api/stockOnce.ts';
import type { QueuedAction } from './queueMachine.ts';
import { sendStock } from './sendStock.ts';

const { sim, server } = createNodeSimulation();
let conn: Connection;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.reset();
  conn = { mode: 'server', baseUrl: TEST_ORIGIN, token: tokenFor(sim, 'admin').replace(/^Token /, '') };
});

function action(body: Record<string, unknown>, uncertain: boolean): QueuedAction {
  return {
    id: 'a1',
    seq: 1,
    kind: 'stock-transfer',
    path: '/api/stock/transfer/',
    body,
    barcode: '{"stockitem": 408}',
    source: 'manual',
    format: null,
    at: 0,
    server: TEST_ORIGIN,
    route: '/stock/move',
    context: '',
    status: 'sending',
    attempts: 1,
    uncertain,
    updatedAt: 0,
  };
}

describe('sendStock', () => {
  it('a whole-item move queued offline (no quantity) moves the item whole, once', async () => {
    const body = {
      items: [{ pk: 408, quantity: null }],
      location: 14,
      notes: operationNotes('transfer', 'aa11bb22cc33'),
    };
    expect(await sendStock(conn, action(body, false))).toMatchObject({
      kind: 'done',
      outcome: { result: 'Moved stock item #408 to location #14' },
    });
    expect(sim.store.stockItems.get(408)).toMatchObject({ location: 14, quantity: 145 });
    const again = await sendStock(conn, action(body, true));
    expect(again).toMatchObject({ kind: 'done', outcome: { result: expect.stringContaining('answer was lost') } });
    expect(sim.store.stockTracking.filter((t) => t.item === 408 && t.notes.includes('aa11bb22cc33'))).toHaveLength(1);
  });

  it('an uncertain remove that was applied is not applied again', async () => {
    const body = { items: [{ pk: 1180, quantity: 5 }], notes: operationNotes('remove', 'dd44ee55ff66') };
    await postStockOp(conn, 'remove', { items: [{ pk: 1180, quantity: 5 }], notes: body.notes });
    const r = await sendStock(conn, { ...action(body, true), kind: 'stock-remove', path: '/api/stock/remove/' });
    expect(r.kind).toBe('done');
    expect(sim.store.stockItems.get(1180)?.quantity).toBe(195);
  });
});
