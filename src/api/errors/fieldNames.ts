/** Plain names for InvenTree's field keys and role names, as error messages show them. */
import { i18n } from '../../i18n/i18n.ts';
import type api from '../../i18n/locales/en/api.json';
import { BARCODE_MODEL_INFO, isBarcodeModel } from '../models.ts';

/** InvenTree's field keys with a name in the `api` catalogue (fields.*); others are humanised. */
const FIELD_KEYS = new Set<string>([
  'barcode',
  'purchase_order',
  'sales_order',
  'line',
  'line_item',
  'shipment',
  'quantity',
  'location',
  'model',
  'pk',
  'items',
  'filters',
  'value',
  'user',
  'order',
  'reference',
  'supplier',
  'SKU',
  'MPN',
  'serial_numbers',
  'batch_code',
] satisfies (keyof (typeof api)['fields'])[]);

/** InvenTree's role names (as in its admin center), in the catalogue's roles.*. */
const ROLE_KEYS = new Set<string>([
  'admin',
  'part_category',
  'part',
  'stocktake',
  'stock_location',
  'stock',
  'build',
  'purchase_order',
  'sales_order',
  'return_order',
] satisfies (keyof (typeof api)['roles'])[]);

export function roleName(role: string): string {
  return ROLE_KEYS.has(role) ? i18n.t(`api:roles.${role as keyof (typeof api)['roles']}`) : humanise(role);
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
  if (FIELD_KEYS.has(key)) return i18n.t(`api:fields.${key as keyof (typeof api)['fields']}`);
  if (isBarcodeModel(key)) {
    const n = BARCODE_MODEL_INFO[key].name;
    return n.charAt(0).toUpperCase() + n.slice(1);
  }
  return humanise(key);
}
