// The standard field names InvenTree's SupplierBarcodeMixin extracts (BEHAVIOUR.md 1.8), and the
// ECIA data-identifier map every supplier parser shares (BEHAVIOUR.md 3.1).
import type { SupplierBarcodeFields } from '../plugins/pluginTypes';

export type SupplierFieldName = keyof SupplierBarcodeFields;

/**
 * Data identifiers in InvenTree's dict order: a field takes the FIRST identifier it starts with
 * (so `1P...` is MPN, never `P`), which is why the order matters.
 */
export const ECIA_FIELD_MAP: readonly (readonly [string, SupplierFieldName])[] = [
  ['K', 'customer_order_number'],
  ['1K', 'supplier_order_number'],
  ['11K', 'packing_list_number'],
  ['6D', 'ship_date'],
  ['9D', 'date_code'],
  ['10D', 'date_code'],
  ['4K', 'purchase_order_line'],
  ['14K', 'purchase_order_line'],
  ['P', 'supplier_part_number'],
  ['1P', 'manufacturer_part_number'],
  ['30P', 'supplier_part_number'],
  ['1T', 'lot_code'],
  ['4L', 'country_of_origin'],
  ['1V', 'manufacturer'],
  ['Q', 'quantity'],
];

/**
 * Parsed fields as InvenTree keeps them: a plain dict whose keys are normally the standard names,
 * but LCSC passes unknown keys through unchanged (so `{supplier_part_number:X}` is an SKU there).
 */
export type ParsedFields = SupplierBarcodeFields & Record<string, string>;
