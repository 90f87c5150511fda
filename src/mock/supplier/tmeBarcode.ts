// TME labels: QR `KEY:VALUE ... RoHS url`, the old DataMatrix `PWBP-302 1P... Q1 K...`, and an ECIA
// fallback that Python's `\s` makes unreachable (BEHAVIOUR.md 3.3).
import { SimulatedServerError } from '../serverError';
import { PY_SPACE_CLASS } from './pyRegex';
import { ECIA_FIELD_MAP, type ParsedFields } from './supplierFields';

const S = `[${PY_SPACE_CLASS}]`;
const NOT_S = `[^${PY_SPACE_CLASS}]`;
const NOT_S_OR_COLON = `[^${PY_SPACE_CLASS}:]`;

// `([^\s:]+:[^\s:]+\s+)+(\S+(\s|$)+)+` with fullmatch.
const TME_QRCODE = new RegExp(`^(?:${NOT_S_OR_COLON}+:${NOT_S_OR_COLON}+${S}+)+(?:${NOT_S}+(?:${S}|$)+)+$`);

const TME_QRCODE_FIELDS: Record<string, string> = {
  PN: 'supplier_part_number',
  CPO: 'customer_order_number',
  PO: 'supplier_order_number',
  MPN: 'manufacturer_part_number',
  QTY: 'quantity',
};

/**
 * `(([^\s]+)(\s+|$))+` with fullmatch: true for every non-empty string that does not start with
 * Python whitespace (tested directly: the regex itself backtracks badly in JS).
 */
function isTmeBarcode2d(barcode: string): boolean {
  return barcode.length > 0 && !new RegExp(`^${S}`).test(barcode);
}

export function parseTmeBarcode(barcode: string): ParsedFields {
  const fields: ParsedFields = {};
  if (TME_QRCODE.test(barcode)) {
    // Split on single spaces only; `key, value = item.split(':')` raises on a second colon.
    for (const item of barcode.split(' ')) {
      if (!item.includes(':')) continue;
      const parts = item.split(':');
      if (parts.length > 2) throw new SimulatedServerError('ValueError', 'too many values to unpack (expected 2)');
      // includes(':') gives at least two parts, the check above at most two.
      const [key, value] = parts as [string, string];
      if (Object.hasOwn(TME_QRCODE_FIELDS, key)) fields[TME_QRCODE_FIELDS[key]!] = value;
    }
  } else if (isTmeBarcode2d(barcode)) {
    // Every identifier a token starts with is applied (no early stop), later ones overwrite.
    for (const item of barcode.split(' ')) {
      for (const [identifier, name] of ECIA_FIELD_MAP) {
        if (item.startsWith(identifier)) fields[name] = item.slice(identifier.length);
      }
    }
  }
  // The supplier order number is cut at the first `/` (`19361337/1` → `19361337`).
  if (fields.supplier_order_number !== undefined)
    fields.supplier_order_number = fields.supplier_order_number.split('/')[0];
  return fields;
}
