/** The known-error catalogue: InvenTree's barcode error texts with a clearer sentence or a next step. */
import { ALL_BARCODE_MODELS, BARCODE_MODEL_INFO, modelForTable, readMatchEntry } from '../models.ts';
import { cleanServerText, ensurePeriod } from './serverText.ts';

/** Known InvenTree messages with a clearer sentence or a next step. */
interface Known {
  test: RegExp;
  message?: (m: RegExpExecArray, body: Record<string, unknown> | null) => string;
  nextStep?: string;
}

const KNOWN_ERRORS: Known[] = [
  {
    test: /^No match found for barcode data$/i,
    message: () => 'No match found for this barcode.',
    nextStep: 'Link the barcode to an item, or check that the label belongs to this InvenTree server.',
  },
  {
    test: /^Barcode matches existing item$/i,
    message: (_m, body) => {
      const match = body ? firstMatch(body) : null;
      return match
        ? `This barcode is already assigned to ${BARCODE_MODEL_INFO[match.model].name} ${match.pk}.`
        : 'This barcode is already assigned to another item.';
    },
    nextStep: 'Unlink it there first, or use a different barcode.',
  },
  // link says "provide" and lists a Python list repr; unlink says "Provide" (BEHAVIOUR 2.3/2.4).
  {
    test: /^Missing data: provide one of/,
    message: () => 'Choose what to link the barcode to (a part, stock item, location or order).',
  },
  {
    test: /^Missing data: Provide one of/,
    message: () => 'Choose the item to unlink the barcode from.',
  },
  {
    test: /^Multiple conflicting fields/i,
    message: () => 'Choose only one item at a time.',
  },
  { test: /^Could not unassign barcode$/i, message: () => 'Could not remove the barcode: no item was given.' },
  {
    test: /^Model instance not found$/i,
    message: () => 'That item does not exist on the server (it may have been deleted).',
  },
  {
    test: /^Item has already been received$/i,
    message: () => 'This label has already been received (it belongs to an existing stock item).',
    nextStep: 'Scan the next label.',
  },
  {
    test: /^No match for supplier barcode$|^No plugin match for supplier barcode$/i,
    message: () => 'This is not a supplier label StockScan can receive (no supplier plugin recognised it).',
    nextStep: 'Scan the supplier’s label (DigiKey, Mouser, LCSC or TME), or receive the line by hand.',
  },
  {
    test: /^No matching purchase order for '(.*)'$/i,
    message: (m) =>
      m[1] && m[1] !== 'None'
        ? `No placed purchase order matches order number “${m[1]}”.`
        : 'No placed purchase order matches this label.',
    nextStep: 'Choose the purchase order before scanning.',
  },
  {
    test: /^Found multiple purchase orders matching '(.*)'$/i,
    message: (m) => `Several purchase orders match order number “${m[1]}”.`,
    nextStep: 'Choose the purchase order before scanning.',
  },
  {
    test: /^Purchase order does not match supplier$/i,
    message: () => 'This label is from a different supplier than the chosen purchase order.',
  },
  {
    test: /^Failed to find pending line item for supplier part$/i,
    message: () => 'The purchase order has no line still waiting for this part.',
  },
  {
    test: /^Found multiple matching supplier parts for barcode$/i,
    message: () => 'Several supplier parts match this label, so InvenTree cannot tell which one it is.',
  },
  {
    test: /^No matching plugin found for barcode data$/i,
    message: () => 'No match found for this barcode.',
  },
  {
    test: /^Barcode does not match an existing stock item$/i,
    message: () => 'This barcode is not a stock item. Scan the label of the stock item to allocate.',
  },
  { test: /^No matching line item found$/i, message: () => 'This stock item’s part is not on the sales order.' },
  {
    test: /^Multiple matching line items found$/i,
    message: () => 'Several lines of the sales order match this part.',
    nextStep: 'Choose the line before scanning.',
  },
  {
    test: /^Shipment does not match sales order$/i,
    message: () => 'The chosen shipment belongs to another sales order.',
  },
  {
    test: /^Stock item does not match line item$/i,
    message: () => 'This stock item is not the part of the chosen line.',
  },
  {
    test: /^Insufficient stock available$/i,
    message: () => 'Not enough unallocated stock in this item for that quantity.',
  },
  {
    test: /^You do not have the required permissions for (\w+|<class '[\w.]+'>)$/i,
    message: (m) => {
      const model = modelForTable(m[1]);
      return model
        ? `You do not have permission to change ${BARCODE_MODEL_INFO[model].plural}.`
        : 'You do not have permission to do this.';
    },
  },
];

function firstMatch(body: Record<string, unknown>) {
  for (const m of ALL_BARCODE_MODELS) {
    if (m in body) {
      const hit = readMatchEntry(m, body[m]);
      if (hit) return hit;
    }
  }
  return null;
}

/** Clean text for a barcode answer's `error` value, with InvenTree's wording made clearer. */
export function describeBarcodeError(
  error: unknown,
  body: Record<string, unknown> | null = null,
): { message: string; nextStep: string | null } {
  const text = cleanServerText(error);
  for (const k of KNOWN_ERRORS) {
    const m = k.test.exec(text);
    if (m) return { message: k.message ? k.message(m, body) : text, nextStep: k.nextStep ?? null };
  }
  return {
    message: text ? ensurePeriod(text) : 'The server reported an error without saying what went wrong.',
    nextStep: null,
  };
}
