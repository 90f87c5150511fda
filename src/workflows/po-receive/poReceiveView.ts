/**
 * The receive page's words: each outcome as a sentence with the order reference, SKU, part and
 * location names the page has loaded.
 */
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import type { PoLine } from '../kit/orderLines.ts';
import { formatQuantity as fmt } from '../kit/text.ts';
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
  return row ? `${row.sku}${row.partName ? ` (${row.partName})` : ''}` : `line #${line}`;
}

export function missingWords(missing: MissingField[]): string {
  if (missing.length === 2) return 'the quantity and the location';
  return missing[0] === 'quantity' ? 'the quantity' : 'the location';
}

/** The outcome as the page says it. */
export function outcomeSentence(o: PoReceiveOutcome, names: Names): string {
  switch (o.kind) {
    case 'received': {
      const qty = o.quantity !== null ? `${fmt(o.quantity)} × ` : '';
      const where = o.location !== null ? ` into ${names.locationName(o.location)}` : ' (no location)';
      return `Received ${qty}${lineWords(o.line, names)} on ${names.orderRef(o.order)}${where}.`;
    }
    case 'actionRequired':
      if (o.confirm)
        return `Matched ${lineWords(o.line, names)} on ${names.orderRef(o.order)}. Nothing received yet: confirm the quantity${o.missing.includes('location') ? ' and give the location' : ''}.`;
      return `Matched ${lineWords(o.line, names)} on ${names.orderRef(o.order)}. Nothing received yet: give ${missingWords(o.missing)}.`;
    case 'locationSet':
      return `Location set to ${names.locationName(o.location)}. Labels scanned now are received there.`;
    case 'queued':
      return 'Kept on this device: received when the server can be reached.';
    case 'error':
      return o.message;
  }
}

/** Session log tone and short result for an outcome. */
export function logLine(o: PoReceiveOutcome, names: Names): { tone: SessionLogTone; result: string } {
  switch (o.kind) {
    case 'received':
      return { tone: 'success', result: outcomeSentence(o, names) };
    case 'actionRequired':
      return {
        tone: 'info',
        result: `${o.confirm ? 'Quantity to confirm' : `Needs ${missingWords(o.missing)}`}: ${lineWords(o.line, names)} on ${names.orderRef(o.order)}`,
      };
    case 'locationSet':
      return { tone: 'info', result: `Location: ${names.locationName(o.location)}` };
    case 'queued':
      return { tone: 'queued', result: outcomeSentence(o, names) };
    case 'error':
      if (o.reason === 'alreadyReceived') return { tone: 'repeat', result: 'Already received' };
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
  const order = request.purchase_order ? names.orderRef(request.purchase_order) : 'order from the label';
  return `${order}, ${request.location ? `into ${names.locationName(request.location)}` : 'no location set'}`;
}

/** How much is still to come on a line (the default quantity when a label has none). */
export function remaining(line: PoLine | undefined): number | null {
  if (!line) return null;
  const left = line.ordered - line.received;
  return left > 0 ? left : null;
}
