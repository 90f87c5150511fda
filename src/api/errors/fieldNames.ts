/** Plain names for InvenTree's field keys and role names, as error messages show them. */
import { BARCODE_MODEL_INFO, isBarcodeModel } from '../models.ts';

const FIELD_NAMES: Record<string, string> = {
  barcode: 'Barcode',
  purchase_order: 'Purchase order',
  sales_order: 'Sales order',
  line: 'Line item',
  line_item: 'Line item',
  shipment: 'Shipment',
  quantity: 'Quantity',
  location: 'Location',
  model: 'Model',
  pk: 'Object id',
  items: 'Items',
  filters: 'Filters',
  value: 'Value',
  user: 'User',
  order: 'Order',
  reference: 'Reference',
  supplier: 'Supplier',
  SKU: 'SKU',
  MPN: 'MPN',
  serial_numbers: 'Serial numbers',
  batch_code: 'Batch code',
};

const ROLE_NAMES: Record<string, string> = {
  admin: 'Admin',
  part_category: 'Part categories',
  part: 'Parts',
  stocktake: 'Stocktake',
  stock_location: 'Stock locations',
  stock: 'Stock items',
  build: 'Build orders',
  purchase_order: 'Purchase orders',
  sales_order: 'Sales orders',
  return_order: 'Return orders',
};

export function roleName(role: string): string {
  return Object.hasOwn(ROLE_NAMES, role) ? ROLE_NAMES[role]! : humanise(role);
}

export function humanise(key: string): string {
  const words = key
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!words) return '';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "purchase_order" → "Purchase order"; "non_field_errors"/"__all__" → "" (a general message). */
export function humanFieldName(key: string): string {
  if (key === 'non_field_errors' || key === '__all__' || key === 'detail' || key === 'error') return '';
  if (Object.hasOwn(FIELD_NAMES, key)) return FIELD_NAMES[key]!;
  if (isBarcodeModel(key)) {
    const n = BARCODE_MODEL_INFO[key].name;
    return n.charAt(0).toUpperCase() + n.slice(1);
  }
  return humanise(key);
}
