/**
 * "Delete allocation" from an allocation's log line. The so-allocate answer names the stock item,
 * line and shipment but not the allocation InvenTree created (a new one per scan), so the newest
 * allocation of that item on that line and shipment (of that quantity, when there is one) is
 * looked up and deleted (`DELETE /api/order/so-allocation/{id}/`, sales_order role's delete).
 */
import type { Connection } from '../../api/apiConnection.ts';
import { deleteAllocation, findAllocations } from '../../api/salesAllocations.ts';
import type { FailureWords } from '../kit/failure.ts';
import { formatQuantity } from '../kit/text.ts';
import type { UndoOffer } from '../kit/undo.ts';
import type { Allocation } from './soAllocateTypes.ts';
import type { LineRow, ShipmentRow } from './soOrderView.ts';

function describe(a: Allocation, lines: LineRow[], shipments: ShipmentRow[]): string {
  const line = lines.find((l) => l.pk === a.line);
  const shipment = shipments.find((s) => s.pk === a.shipment);
  const what = line ? line.partName : `stock item #${a.stockItem}`;
  return `${formatQuantity(a.quantity)} × ${what} (stock item #${a.stockItem}) on line #${a.line}, shipment ${shipment ? shipment.reference : `#${a.shipment}`}`;
}

export function allocationUndoOffer(a: Allocation, lines: LineRow[], shipments: ShipmentRow[]): UndoOffer {
  return {
    label: 'Delete allocation',
    confirm: `Deletes the allocation of ${describe(a, lines, shipments)}: the stock is free again and the line needs it allocated again. Nothing is moved or shipped.`,
    ref: JSON.stringify(a),
  };
}

export const allocationUndoWords: FailureWords = {
  forbidden:
    'Your InvenTree user may not delete allocations: it lacks the “Sales orders: delete” right. Ask an administrator for it.',
  notFound: 'This allocation is gone already (deleted or shipped).',
};

/** Find the allocation this line made and delete it; the line's sentence, or throws. */
export async function undoAllocation(conn: Connection, ref: string): Promise<string> {
  const a = JSON.parse(ref) as Allocation;
  const found = await findAllocations(conn, { item: a.stockItem, line: a.line, shipment: a.shipment });
  const mine = found.find((f) => f.quantity === a.quantity) ?? found[0];
  if (!mine) throw new Error('This allocation is gone already (deleted or shipped): nothing was deleted.');
  await deleteAllocation(conn, mine.pk);
  return `Undone: the allocation of ${formatQuantity(a.quantity)} from stock item #${a.stockItem} is deleted.`;
}
