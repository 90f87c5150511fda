// LCSC QR labels `{key:value,...}` (BEHAVIOUR.md 3.2).
import type { ParsedFields } from './supplierFields';

// Keys non-empty, values may be empty, neither may contain `:` or `,`; whole string.
const LCSC_BARCODE = /^\{((?:[^:,]+:[^:,]*,)*(?:[^:,]+:[^:,]*))\}$/;

const LCSC_FIELDS: Record<string, string> = {
  pm: 'manufacturer_part_number',
  pc: 'supplier_part_number',
  qty: 'quantity',
  on: 'supplier_order_number',
};

/**
 * InvenTree builds `dict(pair.split(':'))` and renames the known keys; unknown keys stay as they
 * are (so they can collide with standard names), and a repeated key keeps its last value.
 */
export function parseLcscBarcode(barcode: string): ParsedFields {
  const match = LCSC_BARCODE.exec(barcode);
  if (!match) return {};
  const raw = new Map<string, string>();
  for (const pair of match[1]!.split(',')) {
    const colon = pair.indexOf(':');
    raw.set(pair.slice(0, colon), pair.slice(colon + 1));
  }
  const fields: ParsedFields = {};
  for (const [key, value] of raw) fields[Object.hasOwn(LCSC_FIELDS, key) ? LCSC_FIELDS[key]! : key] = value;
  return fields;
}
