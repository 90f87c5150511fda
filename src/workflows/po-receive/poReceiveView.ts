/**
 * The receive page's words: each outcome as a sentence with the order reference, SKU, part and
 * location names the page has loaded. Texts are made here, in the language in use.
 */
import { i18n } from '../../i18n/i18n.ts';
import { formatQuantity } from '../../i18n/format.ts';
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import type { PoLine } from '../kit/orderLines.ts';
import type { MissingField, PoReceiveOutcome } from './poReceiveMachine.ts';

export interface Names {
  lines: PoLine[];
  /** Order pk → reference ("PO0013"). */
  orderRef: (pk: number) => string;
  /** Location pk → name or path ("Electronics Lab"). */
  locationName: (pk: number) => string;
}

function lineWords(line: number, names: Names): string {
  const row = names.lines.find((l) => l.pk === line);
  if (!row) return i18n.t('wf-po-receive:view.lineNumber', { pk: line });
  return row.partName ? i18n.t('wf-po-receive:view.skuPart', { sku: row.sku, part: row.partName }) : row.sku;
}

export function missingWords(missing: MissingField[]): string {
  if (missing.length === 2) return i18n.t('wf-po-receive:missing.both');
  return missing[0] === 'quantity'
    ? i18n.t('wf-po-receive:missing.quantity')
    : i18n.t('wf-po-receive:missing.location');
}

/** The outcome as the page says it. */
export function outcomeSentence(o: PoReceiveOutcome, names: Names): string {
  switch (o.kind) {
    case 'received': {
      const line = lineWords(o.line, names);
      const what =
        o.quantity !== null
          ? i18n.t('wf-po-receive:view.quantityOf', { quantity: formatQuantity(o.quantity), line })
          : line;
      const order = names.orderRef(o.order);
      return o.location !== null
        ? i18n.t('wf-po-receive:view.received', { what, order, location: names.locationName(o.location) })
        : i18n.t('wf-po-receive:view.receivedNoLocation', { what, order });
    }
    case 'actionRequired': {
      const words = { line: lineWords(o.line, names), order: names.orderRef(o.order) };
      if (o.confirm)
        return o.missing.includes('location')
          ? i18n.t('wf-po-receive:view.matchedConfirmLocation', words)
          : i18n.t('wf-po-receive:view.matchedConfirm', words);
      return i18n.t('wf-po-receive:view.matchedGive', { ...words, missing: missingWords(o.missing) });
    }
    case 'locationSet':
      return i18n.t('wf-po-receive:view.locationSet', { location: names.locationName(o.location) });
    case 'queued':
      return i18n.t('wf-po-receive:view.queued');
    case 'error':
      return o.message;
  }
}

/** Session log tone and short result for an outcome. */
export function logLine(o: PoReceiveOutcome, names: Names): { tone: SessionLogTone; result: string } {
  switch (o.kind) {
    case 'received':
      return { tone: 'success', result: outcomeSentence(o, names) };
    case 'actionRequired': {
      const words = { line: lineWords(o.line, names), order: names.orderRef(o.order) };
      return {
        tone: 'info',
        result: o.confirm
          ? i18n.t('wf-po-receive:log.confirm', words)
          : i18n.t('wf-po-receive:log.needs', { ...words, missing: missingWords(o.missing) }),
      };
    }
    case 'locationSet':
      return {
        tone: 'info',
        result: i18n.t('wf-po-receive:log.location', { location: names.locationName(o.location) }),
      };
    case 'queued':
      return { tone: 'queued', result: outcomeSentence(o, names) };
    case 'error':
      if (o.reason === 'alreadyReceived')
        return { tone: 'repeat', result: i18n.t('wf-po-receive:log.alreadyReceived') };
      // An InvenTree label of a stock item is not a repeat: it was never received in this session.
      if (
        o.reason === 'unknownBarcode' ||
        o.reason === 'notSupplierLabel' ||
        o.reason === 'notLocation' ||
        o.reason === 'stockItemLabel'
      )
        return { tone: 'notFound', result: o.message };
      return { tone: 'error', result: o.message };
  }
}

/** What a receipt kept in the offline queue was about, in words: "PO0001, into Electronics Lab". */
export function receiveContext(
  request: { purchase_order?: number; location?: number },
  names: Pick<Names, 'orderRef' | 'locationName'>,
): string {
  const order = request.purchase_order
    ? names.orderRef(request.purchase_order)
    : i18n.t('wf-po-receive:context.orderFromLabel');
  return request.location
    ? i18n.t('wf-po-receive:context.into', { order, location: names.locationName(request.location) })
    : i18n.t('wf-po-receive:context.noLocation', { order });
}

/** How much is still to come on a line (the default quantity when a label has none). */
export function remaining(line: PoLine | undefined): number | null {
  if (!line) return null;
  const left = line.ordered - line.received;
  return left > 0 ? left : null;
}
