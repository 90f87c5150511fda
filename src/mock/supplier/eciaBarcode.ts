// ECIA / ISO/IEC 15434 format-06 labels (DigiKey, Mouser, ...), parsed as InvenTree v291's
// SupplierBarcodeMixin does (BEHAVIOUR.md 3.1).
import { ECIA_FIELD_MAP, type ParsedFields } from './supplierFields';

export const ISO15434_HEADER = '[)>\u001e06\u001d';
/** Some old Mouser labels: a stray `>` and no RS. InvenTree rewrites it to the proper header. */
export const OLD_MOUSER_HEADER = '>[)>06\u001d';
export const ISO15434_TRAILER = '\u001e\u0004';
const GS = '\u001d';

/** The data fields between header and optional trailer, or null without the exact header. */
export function splitIso15434(barcode: string): string[] | null {
  let data = barcode;
  if (data.startsWith(OLD_MOUSER_HEADER)) data = ISO15434_HEADER + data.slice(OLD_MOUSER_HEADER.length);
  if (!data.startsWith(ISO15434_HEADER)) return null;
  data = data.slice(ISO15434_HEADER.length);
  if (data.endsWith(ISO15434_TRAILER)) data = data.slice(0, -ISO15434_TRAILER.length);
  return data.split(GS);
}

/** Each field takes the first data identifier it starts with; later fields overwrite earlier ones. */
export function parseEciaBarcode(barcode: string): ParsedFields {
  const fields: ParsedFields = {};
  const parts = splitIso15434(barcode);
  if (!parts) return fields;
  for (const part of parts) {
    const entry = ECIA_FIELD_MAP.find(([identifier]) => part.startsWith(identifier));
    if (entry) fields[entry[1]] = part.slice(entry[0].length);
  }
  return fields;
}

/** Mouser prints its web-order number in K, so the supplier order number defaults to it. */
export function parseMouserBarcode(barcode: string): ParsedFields {
  const fields = parseEciaBarcode(barcode);
  const customerOrder = fields.customer_order_number;
  if (customerOrder && fields.supplier_order_number === undefined) fields.supplier_order_number = customerOrder;
  return fields;
}
