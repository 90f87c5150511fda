/** Exactly-once stock writes against the simulation (msw/node): lost answers, retries, splits, depletion. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../connection/connectionTypes.ts';
import { createNodeSimulation } from '../mock/node.ts';
import { TEST_ORIGIN, tokenFor } from '../mock/test/simClient.ts';
import { getStockItem, listTracking, postStockOp } from './stock.ts';
import { applyOnce, buildOperation, newOperationId, operationIdIn } from './stockOnce.ts';

const { sim, server } = createNodeSimulation();
let conn: Connection;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.reset();
  conn = { mode: 'server', baseUrl: TEST_ORIGIN, token: tokenFor(sim, 'admin').replace(/^Token /, '') };
});

/** The first attempt reached the server and was applied; its answer never came back. */
async function lostAnswer(op: ReturnType<typeof buildOperation>) {
  await postStockOp(conn, op.kind, op.request);
}

async function entriesWith(pk: number, opId: string) {
  return ((await listTracking(conn, pk)) ?? []).filter((e) => operationIdIn(e.notes) === opId);
}

describe('never twice', () => {
  it('the operation id is in notes, readable by a person, with the user note after it', () => {
    const op = buildOperation(
      'transfer',
      '3f9c0a1b2c3d',
      { items: [{ pk: 408, quantity: 145 }], location: 14 },
      'to shelf',
    );
    expect(op.request.notes).toBe('StockScan move 3f9c0a1b2c3d — to shelf');
    expect(operationIdIn(op.request.notes as string)).toBe('3f9c0a1b2c3d');
    expect(newOperationId()).toMatch(/^[0-9a-f]{12}$/);
  });

  it('a whole move whose answer was lost is found in tracking and not sent again', async () => {
    const op = buildOperation('transfer', newOperationId(), { items: [{ pk: 408, quantity: 145 }], location: 14 });
    await lostAnswer(op);
    const result = await applyOnce(conn, op, true);
    expect(result).toMatchObject({ status: 'already-applied', entry: { code: 20 } });
    expect(await entriesWith(408, op.opId)).toHaveLength(1);
    expect((await getStockItem(conn, 408))?.location).toBe(14);
  });

  it('a partial move (split) whose answer was lost makes one new item, not two', async () => {
    const op = buildOperation('transfer', newOperationId(), { items: [{ pk: 173, quantity: 1000 }], location: 14 });
    await lostAnswer(op);
    expect((await applyOnce(conn, op, true)).status).toBe('already-applied');
    expect((await getStockItem(conn, 173))?.quantity).toBe(4000);
    expect(sim.store.stockItems.filter((i) => i.parent === 173)).toHaveLength(1);
  });

  it('an uncertain attempt that never arrived is sent, once', async () => {
    const op = buildOperation('add', newOperationId(), { items: [{ pk: 1180, quantity: 5 }] });
    const result = await applyOnce(conn, op, true);
    expect(result).toMatchObject({ status: 'sent', echo: { items: [{ pk: 1180, quantity: 5 }] } });
    expect((await applyOnce(conn, op, true)).status).toBe('already-applied');
    expect((await getStockItem(conn, 1180))?.quantity).toBe(205);
    expect(await entriesWith(1180, op.opId)).toHaveLength(1);
  });

  it('a remove that emptied and deleted the item is not sent again', async () => {
    const op = buildOperation('remove', newOperationId(), { items: [{ pk: 1181, quantity: 1 }] });
    await lostAnswer(op);
    expect(await getStockItem(conn, 1181)).toBeNull();
    expect(await applyOnce(conn, op, true)).toEqual({ status: 'already-applied', entry: null });
  });

  it('without the check a repeated add would apply twice (why the check exists)', async () => {
    const op = buildOperation('add', newOperationId(), { items: [{ pk: 1180, quantity: 5 }] });
    await applyOnce(conn, op, false);
    await applyOnce(conn, op, false);
    expect((await getStockItem(conn, 1180))?.quantity).toBe(210);
  });
});
