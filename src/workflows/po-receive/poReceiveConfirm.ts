/**
 * "Confirm the quantity before booking": po-receive books a label at once when it knows quantity
 * and location, so the confirm step never calls it. It asks InvenTree what the label is
 * (`POST /api/barcode/`: the supplier plugin names the supplier part), finds the order line of that
 * part still waiting, and asks the quantity (the label's, editable). The answer is booked with
 * `POST /api/order/po/{id}/receive/`, the label's barcode stored on the new item as po-receive does.
 */
import type { ScanSuccess } from '../../api/barcode.ts';
import { i18n } from '../../i18n/i18n.ts';
import {
  fail,
  labelQuantity,
  missingOf,
  type PendingReceipt,
  type PoReceiveState,
  type ReceiveLineRef,
} from './poReceiveTypes.ts';

/** The line InvenTree itself would pick (BEHAVIOUR.md 2.6 e): same quantity first, then a larger one, then the first. */
export function lineForLabel(
  lines: ReceiveLineRef[],
  supplierPart: number,
  quantity: number | null,
): ReceiveLineRef | null {
  const open = lines.filter((l) => l.supplierPart === supplierPart && l.ordered > l.received);
  if (open.length <= 1 || quantity === null) return open[0] ?? null;
  return open.find((l) => l.ordered === quantity) ?? open.find((l) => l.ordered > quantity) ?? open[0] ?? null;
}

/** The scan answer of a label in confirm mode: a question, a refusal, or null (not a supplier label: explain it). */
export function readConfirmAnswer(state: PoReceiveState, barcode: string, answer: ScanSuccess): PoReceiveState | null {
  if (!answer.plugin || answer.plugin === 'InvenTreeBarcode') return null;
  const supplierPart = answer.matches.find((m) => m.model === 'supplierpart');
  if (!supplierPart) return null;
  const quantity = labelQuantity(barcode);
  const line = lineForLabel(state.lines, supplierPart.pk, quantity);
  if (!line) {
    const message =
      state.lines.length === 0
        ? i18n.t('wf-po-receive:confirm.chooseOrder')
        : i18n.t('wf-po-receive:confirm.noLine', { pk: supplierPart.pk });
    return fail(state, 'noLineToConfirm', message, 400, barcode);
  }
  const receipt: PendingReceipt = {
    id: state.nextReceiptId,
    barcode,
    line: line.pk,
    order: line.order,
    quantity,
    location: state.location,
    missing: [],
    autoSubmit: false,
    confirm: true,
  };
  // The quantity is always asked; the location only when none is set.
  receipt.missing = ['quantity', ...missingOf(receipt).filter((m) => m === 'location')];
  return {
    ...state,
    lastOrder: line.order,
    nextReceiptId: state.nextReceiptId + 1,
    awaiting: [receipt, ...state.awaiting.filter((r) => r.barcode !== barcode)],
    outcome: {
      kind: 'actionRequired',
      barcode,
      receiptId: receipt.id,
      line: line.pk,
      order: line.order,
      missing: receipt.missing,
      confirm: true,
    },
  };
}
