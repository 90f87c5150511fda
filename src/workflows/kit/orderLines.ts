/**
 * Purchase-order lines (`GET /api/order/po-line/?order=…`) as the workflows show them, read once:
 * receive shows ordered vs received, add-to-order what the order already holds of a part.
 */
import { answerNumber } from '../../api/answerFields.ts';
import type { PurchaseOrderLine } from '../../api/lists.ts';
import { i18n } from '../../i18n/i18n.ts';

export interface PoLine {
  pk: number;
  /** Supplier part pk (InvenTree calls the field `part`). */
  part: number;
  sku: string;
  partName: string;
  ordered: number;
  received: number;
  /** Fully received (received ≥ ordered). */
  done: boolean;
  destination: number | null;
}

/** v291 sends quantities as numbers in lists, but strings elsewhere: accept both. */
const quantity = (v: unknown): number => answerNumber(v) ?? 0;

export function poLines(results: readonly PurchaseOrderLine[]): PoLine[] {
  return results.map((x) => {
    const part = quantity(x.part);
    const ordered = quantity(x.quantity);
    const received = quantity(x.received);
    return {
      pk: x.pk,
      part,
      sku: x.sku ? x.sku : i18n.t('kit:lines.supplierPart', { pk: part }),
      partName: typeof x.internal_part_name === 'string' ? x.internal_part_name : '',
      ordered,
      received,
      done: received >= ordered,
      destination: typeof x.destination === 'number' ? x.destination : null,
    };
  });
}
