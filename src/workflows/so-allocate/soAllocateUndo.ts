/**
 * "Delete allocation" from an allocation's log line. The so-allocate answer names the stock item,
 * line and shipment but not the allocation InvenTree created (a new one per scan), so the newest
 * allocation of that item on that line and shipment (of that quantity, when there is one) is
 * looked up and deleted (`DELETE /api/order/so-allocation/{id}/`, sales_order role's delete).
 */
import type { Connection } from '../../api/apiConnection.ts';
import { deleteAllocation, findAllocations } from '../../api/salesAllocations.ts';
import type { FailureWords } from '../kit/failure.ts';
import { formatQuantity } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { UndoOffer } from '../kit/undo.ts';
import type { Allocation } from './soAllocateTypes.ts';
import type { LineRow, ShipmentRow } from './soOrderView.ts';

function describe(a: Allocation, lines: LineRow[], shipments: ShipmentRow[]): string {
  const line = lines.find((l) => l.pk === a.line);
  const shipment = shipments.find((s) => s.pk === a.shipment);
  return i18n.t('wf-so-allocate:undo.describe', {
    quantity: formatQuantity(a.quantity),
    what: line ? line.partName : i18n.t('wf-so-allocate:undo.stockItem', { pk: a.stockItem }),
    stockItem: a.stockItem,
    line: a.line,
    shipment: shipment ? shipment.reference : `#${a.shipment}`,
  });
}

export function allocationUndoOffer(a: Allocation, lines: LineRow[], shipments: ShipmentRow[]): UndoOffer {
  return {
    label: i18n.t('wf-so-allocate:undo.label'),
    confirm: i18n.t('wf-so-allocate:undo.confirm', { what: describe(a, lines, shipments) }),
    ref: JSON.stringify(a),
  };
}

// Functions, not strings: the words are made in the language in use when an undo fails.
export const allocationUndoWords: FailureWords = {
  forbidden: () => i18n.t('wf-so-allocate:undo.forbidden'),
  notFound: () => i18n.t('wf-so-allocate:undo.gone'),
};

/** Find the allocation this line made and delete it; the line's sentence, or throws. */
export async function undoAllocation(conn: Connection, ref: string): Promise<string> {
  const a = JSON.parse(ref) as Allocation;
  const found = await findAllocations(conn, { item: a.stockItem, line: a.line, shipment: a.shipment });
  const mine = found.find((f) => f.quantity === a.quantity) ?? found[0];
  if (!mine) throw new Error(i18n.t('wf-so-allocate:undo.goneNothingDeleted'));
  await deleteAllocation(conn, mine.pk);
  return i18n.t('wf-so-allocate:undo.done', { quantity: formatQuantity(a.quantity), stockItem: a.stockItem });
}
