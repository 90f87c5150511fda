/**
 * What the SO allocation page shows of an order: its lines (required, allocated, shipped) and its
 * open shipments, read loosely from list rows (400-style strings and missing details tolerated).
 */
import { isRecord } from '../../api/answerFields.ts';
import { formatQuantity as fmt } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { AllocateRequest, Allocation, SoOutcome } from './soAllocateMachine.ts';

function num(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
}

export interface LineRow {
  pk: number;
  part: number;
  partName: string;
  required: number;
  allocated: number;
  shipped: number;
  /** Allocated (or shipped) covers what the line asks for. */
  full: boolean;
}

export function lineRows(lines: readonly unknown[]): LineRow[] {
  return lines.filter(isRecord).map((l) => {
    const detail = isRecord(l.part_detail) ? l.part_detail : null;
    const part = num(l.part);
    const name =
      (typeof detail?.full_name === 'string' && detail.full_name) ||
      (typeof detail?.name === 'string' && detail.name) ||
      i18n.t('wf-so-allocate:view.part', { pk: part });
    const required = num(l.quantity);
    const allocated = num(l.allocated);
    const shipped = num(l.shipped);
    return {
      pk: num(l.pk),
      part,
      partName: name,
      required,
      allocated,
      shipped,
      full: allocated + shipped >= required && required > 0,
    };
  });
}

export interface ShipmentRow {
  pk: number;
  reference: string;
  /** Not yet shipped: so-allocate only auto-picks among these, and a shipped one is refused. */
  open: boolean;
}

export function shipmentRows(shipments: readonly unknown[]): ShipmentRow[] {
  return shipments.filter(isRecord).map((s) => ({
    pk: num(s.pk),
    reference: typeof s.reference === 'string' && s.reference ? s.reference : `#${num(s.pk)}`,
    open: !s.shipment_date && !s.delivery_date,
  }));
}

/** One sentence for an allocation, naming the part, line and shipment when they are known. */
export function allocationSentence(a: Allocation, lines: LineRow[], shipments: ShipmentRow[]): string {
  const line = lines.find((l) => l.pk === a.line);
  const shipment = shipments.find((s) => s.pk === a.shipment);
  const what = line
    ? line.partName
    : a.part !== null
      ? i18n.t('wf-so-allocate:view.partInside', { pk: a.part })
      : i18n.t('wf-so-allocate:view.stock');
  return i18n.t('wf-so-allocate:view.allocated', {
    quantity: fmt(a.quantity),
    what,
    stockItem: a.stockItem,
    line: a.line,
    shipment: shipment ? shipment.reference : `#${a.shipment}`,
  });
}

/** What an allocation kept in the offline queue was about: "SO0002, line #2 Blue Chair, shipment 1, quantity 5". */
export function allocateContext(
  request: AllocateRequest,
  orderRef: string,
  lines: LineRow[],
  shipments: ShipmentRow[],
): string {
  const parts = [orderRef];
  if (request.line) {
    const line = lines.find((l) => l.pk === request.line);
    parts.push(
      line
        ? i18n.t('wf-so-allocate:queueContext.linePart', { line: request.line, part: line.partName })
        : i18n.t('wf-so-allocate:queueContext.line', { line: request.line }),
    );
  } else parts.push(i18n.t('wf-so-allocate:queueContext.anyLine'));
  if (request.shipment) {
    const shipment = shipments.find((s) => s.pk === request.shipment);
    parts.push(
      i18n.t('wf-so-allocate:queueContext.shipment', {
        shipment: shipment ? shipment.reference : `#${request.shipment}`,
      }),
    );
  }
  parts.push(
    request.quantity
      ? i18n.t('wf-so-allocate:queueContext.quantity', { quantity: fmt(request.quantity) })
      : i18n.t('wf-so-allocate:queueContext.serverQuantity'),
  );
  return parts.join(i18n.t('wf-so-allocate:queueContext.separator'));
}

/** Session-log tone and line for an outcome. */
export function soOutcomeLine(
  o: SoOutcome,
  lines: LineRow[],
  shipments: ShipmentRow[],
): { tone: 'success' | 'info' | 'error' | 'notFound'; result: string } {
  switch (o.kind) {
    case 'allocated':
      return { tone: 'success', result: allocationSentence(o.allocation, lines, shipments) };
    case 'needsShipment':
      return { tone: 'info', result: i18n.t('wf-so-allocate:log.needsShipment') };
    case 'shipmentCreated':
      return { tone: 'info', result: i18n.t('wf-so-allocate:log.shipmentCreated', { reference: o.reference }) };
    case 'queued':
      return { tone: 'info', result: i18n.t('wf-so-allocate:log.queued') };
    case 'error':
      return { tone: o.reason === 'unknownBarcode' ? 'notFound' : 'error', result: o.message };
  }
}
