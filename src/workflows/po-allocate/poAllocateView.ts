/** The add-to-order page's words: outcomes as sentences, and what the order already holds of a part. */
import { modelName } from '../../api/models.ts';
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import type { PoLine } from '../kit/orderLines.ts';
import { formatQuantity as fmtQty } from '../kit/text.ts';
import type { PoAllocateOutcome } from './poAllocateMachine.ts';

/** "Already on this order: 400 on line #20." — or null when the supplier part is not on it yet. */
export function alreadyOnOrder(supplierPart: number, lines: PoLine[]): string | null {
  const same = lines.filter((l) => l.part === supplierPart);
  if (same.length === 0) return null;
  const total = same.reduce((t, l) => t + l.ordered, 0);
  return `Already on this order: ${fmtQty(total)} on line${same.length > 1 ? 's' : ''} ${same.map((l) => `#${l.pk}`).join(', ')}.`;
}

/** `sku` resolves a supplier part pk to its SKU (from loaded data), or null when not loaded yet. */
export function outcomeSentence(o: PoAllocateOutcome, sku: (sp: number) => string | null, orderRef: string): string {
  const name = (sp: number) => sku(sp) ?? `supplier part #${sp}`;
  switch (o.kind) {
    case 'offered': {
      const via =
        o.scanned && o.scanned.model !== 'supplierpart'
          ? ` (scanned ${modelName(o.scanned.model)} #${o.scanned.pk})`
          : '';
      return o.repeated
        ? `Scanned again: one more ${name(o.supplierPart)}.`
        : `Matched ${name(o.supplierPart)}${via}. Check the quantity and add it to ${orderRef}.`;
    }
    case 'lineAdded':
      return `Added ${fmtQty(o.quantity)} × ${name(o.supplierPart)} to ${orderRef}${o.line !== null ? ` (line #${o.line})` : ''}.`;
    case 'error':
      return o.message;
  }
}

export function logLine(
  o: PoAllocateOutcome,
  sku: (sp: number) => string | null,
  orderRef: string,
): { tone: SessionLogTone; result: string } {
  const result = outcomeSentence(o, sku, orderRef);
  if (o.kind === 'error') {
    const notFound = o.reason === 'unknownBarcode' || o.reason === 'notPart' || o.reason === 'noSupplierPart';
    return { tone: notFound ? 'notFound' : 'error', result };
  }
  return { tone: 'success', result };
}
