/**
 * Receive's small rules, pure: what an InvenTree label names (a location, a stock item), the
 * quantity printed on a supplier label (for the confirm step), and whether the chosen order can
 * take receipts at all (InvenTree v291: only a PLACED order, BEHAVIOUR.md 2.6).
 */
import { PO_STATUS } from '../../api/lists.ts';
import { i18n } from '../../i18n/i18n.ts';
import { DEFAULT_SHORT_PREFIX, stockTargetFromBarcode, type StockTarget } from '../../api/stockBarcode.ts';

export { DEFAULT_SHORT_PREFIX };

/**
 * The pk when the text is InvenTree's own barcode of `model`: JSON whose first model key (in
 * InvenTree's model order) is the model, or the short form `<prefix><code><pk>`.
 */
function internalLabel(text: string, model: StockTarget['model'], shortPrefix: string): number | null {
  const target = stockTargetFromBarcode(text, shortPrefix);
  return target?.model === model ? target.pk : null;
}

/**
 * The location pk when the text is an InvenTree location barcode. Linked custom barcodes cannot be
 * told locally; those are found after po-receive says "no supplier label".
 */
export function locationFromBarcode(text: string, shortPrefix = DEFAULT_SHORT_PREFIX): number | null {
  return internalLabel(text, 'stocklocation', shortPrefix);
}

/** The stock item pk when the text is InvenTree's own label of a stock item ({"stockitem": 12}, INV-SI12). */
export function stockItemFromBarcode(text: string, shortPrefix = DEFAULT_SHORT_PREFIX): number | null {
  return internalLabel(text, 'stockitem', shortPrefix);
}

function positive(s: string | undefined): number | null {
  if (s === undefined || !/^\d+(\.\d+)?$/.test(s.trim())) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

/**
 * The quantity printed on a supplier label, read as InvenTree's supplier plugins read it: ECIA
 * (DigiKey, Mouser) field `Q`, LCSC `qty:`, TME `QTY:`. Only a suggestion for the confirm step.
 */
export function labelQuantity(text: string): number | null {
  const ecia = /^>?\[\)>\u001e?06\u001d/.exec(text);
  if (ecia) {
    for (const field of text
      .slice(ecia[0].length)
      .replace(/\u001e\u0004$/, '')
      .split('\u001d')) {
      if (field.startsWith('Q')) return positive(field.slice(1));
    }
    return null;
  }
  const lcsc = /^\{.*\}$/.test(text) ? /[{,]qty:([^,}]*)/.exec(text) : null;
  if (lcsc) return positive(lcsc[1]);
  const tme = /(?:^|\s)QTY:(\S+)/.exec(text);
  return tme ? positive(tme[1]) : null;
}

/** Why the chosen order cannot take receipts (null: it can, or its status is not known yet). */
export function receiveOrderProblem(order: number | null, status: number | null): string | null {
  if (order === null || status === null || status === PO_STATUS.placed) return null;
  const word =
    status === PO_STATUS.pending
      ? i18n.t('wf-po-receive:orderProblem.pending')
      : status === PO_STATUS.onHold
        ? i18n.t('wf-po-receive:orderProblem.onHold')
        : status === PO_STATUS.complete
          ? i18n.t('wf-po-receive:orderProblem.complete')
          : status === PO_STATUS.cancelled
            ? i18n.t('wf-po-receive:orderProblem.cancelled')
            : i18n.t('wf-po-receive:orderProblem.notPlaced');
  return i18n.t('wf-po-receive:orderProblem.sentence', { state: word });
}
