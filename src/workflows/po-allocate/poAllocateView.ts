/** The add-to-order page's words: outcomes as sentences, and what the order already holds of a part. */
import { modelName } from '../../api/models.ts';
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import type { PoAllocateOutcome } from './poAllocateMachine.ts';

export interface OrderLine {
  pk: number;
  /** Supplier part pk. */
  part: number;
  sku: string;
  partName: string;
  quantity: number;
  received: number;
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function num(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
}

/** Rows of `GET /api/order/po-line/?order=…` (transcript 143). */
export function orderLines(results: unknown[]): OrderLine[] {
  return results.map((r) => {
    const x = rec(r);
    return {
      pk: num(x.pk),
      part: num(x.part),
      sku: typeof x.sku === 'string' && x.sku ? x.sku : `supplier part #${num(x.part)}`,
      partName: typeof x.internal_part_name === 'string' ? x.internal_part_name : '',
      quantity: num(x.quantity),
      received: num(x.received),
    };
  });
}

export function fmtQty(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100000) / 100000);
}

/** "Already on this order: 400 on line #20." — or null when the supplier part is not on it yet. */
export function alreadyOnOrder(supplierPart: number, lines: OrderLine[]): string | null {
  const same = lines.filter((l) => l.part === supplierPart);
  if (same.length === 0) return null;
  const total = same.reduce((t, l) => t + l.quantity, 0);
  return `Already on this order: ${fmtQty(total)} on line${same.length > 1 ? 's' : ''} ${same.map((l) => `#${l.pk}`).join(', ')}.`;
}

/** `sku` resolves a supplier part pk to its SKU (from loaded data), or null when not loaded yet. */
export function outcomeSentence(o: PoAllocateOutcome, sku: (sp: number) => string | null, orderRef: string): string {
  const name = (sp: number) => sku(sp) ?? `supplier part #${sp}`;
  switch (o.kind) {
    case 'offered': {
      const via = o.scanned && o.scanned.model !== 'supplierpart' ? ` (scanned ${modelName(o.scanned.model)} #${o.scanned.pk})` : '';
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

export function logLine(o: PoAllocateOutcome, sku: (sp: number) => string | null, orderRef: string): { tone: SessionLogTone; result: string } {
  const result = outcomeSentence(o, sku, orderRef);
  if (o.kind === 'error') {
    const notFound = o.reason === 'unknownBarcode' || o.reason === 'notPart' || o.reason === 'noSupplierPart';
    return { tone: notFound ? 'notFound' : 'error', result };
  }
  return { tone: 'success', result };
}
