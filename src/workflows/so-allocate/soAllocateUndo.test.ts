/** "Delete allocation" from the log line, against the simulation (msw/node). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../connection/connectionTypes.ts';
import { soAllocate } from '../../api/barcode.ts';
import { createNodeSimulation } from '../../mock/node.ts';
import { TEST_ORIGIN, tokenFor } from '../../mock/test/simClient.ts';
import { allocationUndoOffer, undoAllocation } from './soAllocateUndo.ts';
import type { Allocation } from './soAllocateTypes.ts';

const { sim, server } = createNodeSimulation();
let conn: Connection;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.reset();
  conn = { mode: 'server', baseUrl: TEST_ORIGIN, token: tokenFor(sim, 'admin').replace(/^Token /, '') };
});

/** A pending order with one open shipment and a line whose part has stock: allocate one item by scan. */
async function allocateOne(): Promise<Allocation> {
  const store = sim.store;
  for (const order of store.salesOrders.filter((o) => o.status === 10)) {
    const open = store.soShipments.filter((s) => s.order === order.pk && s.delivery_date === null);
    if (open.length !== 1) continue;
    for (const line of store.soLines.filter((l) => l.order === order.pk)) {
      const item = store.stockItems.find(
        (i) => i.part === line.part && i.quantity - (i.allocated ?? 0) >= 1 && (i.serial === null || i.serial === ''),
      );
      if (!item) continue;
      const r = await soAllocate(conn, {
        barcode: `{"stockitem": ${item.pk}}`,
        sales_order: order.pk,
        line: line.pk,
        quantity: 1,
      });
      if (!r.ok) continue;
      return { barcode: '', stockItem: item.pk, part: item.part, line: line.pk, shipment: open[0]!.pk, quantity: 1 };
    }
  }
  throw new Error('no allocatable line in the demo data');
}

describe('undo of an allocation', () => {
  it('says first what deleting does, then deletes the allocation the scan made', async () => {
    const a = await allocateOne();
    const offer = allocationUndoOffer(a, [], []);
    expect(offer.label).toBe('Delete allocation');
    expect(offer.confirm).toContain(`stock item #${a.stockItem}`);
    expect(offer.confirm).toContain('Nothing is moved or shipped.');
    const before = sim.store.soAllocations.filter((x) => x.item === a.stockItem && x.line === a.line).length;
    await expect(undoAllocation(conn, offer.ref)).resolves.toMatch(/^Undone: the allocation of 1 from stock item/);
    expect(sim.store.soAllocations.filter((x) => x.item === a.stockItem && x.line === a.line)).toHaveLength(before - 1);
  });

  it('a second undo finds nothing to delete and says so', async () => {
    const a = await allocateOne();
    const { ref } = allocationUndoOffer(a, [], []);
    sim.store.soAllocations
      .filter((x) => x.item === a.stockItem && x.line === a.line)
      .forEach((x) => sim.store.soAllocations.delete(x.pk));
    await expect(undoAllocation(conn, ref)).rejects.toThrow('gone already');
  });
});
