/** The add-to-order page's words: outcomes as sentences, and what the order already holds of a part. */
import { modelName } from '../../api/models.ts';
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import type { PoLine } from '../kit/orderLines.ts';
import { formatQuantity as fmtQty } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { PoAllocateOutcome } from './poAllocateMachine.ts';

/** "Already on this order: 400 on line #20." — or null when the supplier part is not on it yet. */
export function alreadyOnOrder(supplierPart: number, lines: PoLine[]): string | null {
  const same = lines.filter((l) => l.part === supplierPart);
  if (same.length === 0) return null;
  const total = same.reduce((t, l) => t + l.ordered, 0);
  return i18n.t('wf-po-allocate:view.alreadyOnOrder', {
    count: same.length,
    quantity: fmtQty(total),
    lines: same.map((l) => `#${l.pk}`).join(i18n.t('wf-po-allocate:view.lineSeparator')),
  });
}

/** `sku` resolves a supplier part pk to its SKU (from loaded data), or null when not loaded yet. */
export function outcomeSentence(o: PoAllocateOutcome, sku: (sp: number) => string | null, orderRef: string): string {
  const name = (sp: number) => sku(sp) ?? i18n.t('wf-po-allocate:view.supplierPart', { pk: sp });
  switch (o.kind) {
    case 'offered': {
      if (o.repeated) return i18n.t('wf-po-allocate:view.scannedAgain', { name: name(o.supplierPart) });
      return o.scanned && o.scanned.model !== 'supplierpart'
        ? i18n.t('wf-po-allocate:view.matchedVia', {
            name: name(o.supplierPart),
            model: modelName(o.scanned.model),
            pk: o.scanned.pk,
            order: orderRef,
          })
        : i18n.t('wf-po-allocate:view.matched', { name: name(o.supplierPart), order: orderRef });
    }
    case 'lineAdded': {
      const words = { quantity: fmtQty(o.quantity), name: name(o.supplierPart), order: orderRef };
      return o.line !== null
        ? i18n.t('wf-po-allocate:view.addedLine', { ...words, line: o.line })
        : i18n.t('wf-po-allocate:view.added', words);
    }
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
