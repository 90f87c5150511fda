/**
 * "Correct quantity" from a receipt's log line. InvenTree v291 has no un-receive: the PO line's
 * `received` is read-only in the API (order/serializers.py:596, PurchaseOrderLineItemSerializer:
 * `received = serializers.FloatField(default=0, read_only=True)`; only receive_line_item raises it,
 * order/models.py:888). What it does allow: count the new stock item to the right quantity
 * (POST /api/stock/count/), sent once (api/stockOnce). The item is found by the label, which
 * InvenTree stored on it when receiving. The order line keeps its received count, and says so first.
 */
import type { Connection } from '../../api/apiConnection.ts';
import { scanBarcode } from '../../api/barcode.ts';
import { applyOnce, buildOperation, newOperationId } from '../../api/stockOnce.ts';
import { formatQuantity } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { UndoOffer } from '../kit/undo.ts';

interface ReceiptRef {
  barcode: string;
  quantity: number | null;
}

export function receiptUndoOffer(o: { barcode: string; quantity: number | null }): UndoOffer {
  const ref: ReceiptRef = { barcode: o.barcode, quantity: o.quantity };
  return {
    label: i18n.t('wf-po-receive:undo.label'),
    confirm: i18n.t('wf-po-receive:undo.confirm'),
    ref: JSON.stringify(ref),
    ask: { label: i18n.t('wf-po-receive:undo.ask'), value: o.quantity ?? 0 },
  };
}

/** Find the received item by its label and count it; the line's sentence, or throws. */
export async function correctReceipt(conn: Connection, ref: string, quantity: number): Promise<string> {
  const r = JSON.parse(ref) as ReceiptRef;
  const found = await scanBarcode(conn, r.barcode);
  if (!found.ok || found.match?.model !== 'stockitem') throw new Error(i18n.t('wf-po-receive:undo.notFound'));
  const pk = found.match.pk;
  const op = buildOperation('count', newOperationId(), { items: [{ pk, quantity }] }, 'correction of a receipt');
  await applyOnce(conn, op, false);
  return i18n.t('wf-po-receive:undo.done', { pk, quantity: formatQuantity(quantity) });
}
