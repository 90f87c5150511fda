// The database lookups of InvenTree v291's SupplierBarcodeMixin (BEHAVIOUR.md 1.8, 2.6 step 4c):
// supplier detection (with its SUPPLIER_ID side effect), supplier-part and purchase-order lookup.
import {
  ensurePluginSettingRow,
  materializePluginSetting,
  setPluginSetting,
  type PluginSettingDefinition,
} from '../settingsStore';
import type { CompanyRow, PurchaseOrderRow, Store, SupplierPartRow } from '../store';
import { sqliteLower } from './pyRegex';

export const PO_STATUS_PENDING = 10;
export const PO_STATUS_PLACED = 20;

/** The one setting of every supplier plugin: a Company pk (a "related field" setting). */
export function supplierIdSetting(slug: string, defaultSupplierName: string): PluginSettingDefinition {
  return {
    key: 'SUPPLIER_ID',
    plugin: slug,
    default: '',
    fields: {
      name: 'Supplier',
      description: `The Supplier which acts as '${defaultSupplierName}'`,
      type: 'related field',
      choices: [],
      model_name: 'company.company',
      api_url: '/api/company/',
      typ: 'plugin',
      required: false,
    },
  };
}

/**
 * `get_supplier()`: the SUPPLIER_ID company if set; else the only supplier whose name contains the
 * default name (case-insensitive), which is then saved into SUPPLIER_ID.
 */
export function detectSupplier(store: Store, slug: string, defaultSupplierName: string): CompanyRow | null {
  // get_setting() creates the missing row (its pk appears), like every server-side setting read.
  const row = materializePluginSetting(
    store,
    ensurePluginSettingRow(store, supplierIdSetting(slug, defaultSupplierName)),
  );
  const configured = row.value;
  if (configured) {
    const pk = Number(configured);
    return (Number.isInteger(pk) ? store.companies.get(pk) : undefined) ?? null;
  }
  const needle = sqliteLower(defaultSupplierName);
  const suppliers = store.companies.filter((c) => c.is_supplier && sqliteLower(c.name).includes(needle));
  const [only] = suppliers;
  if (suppliers.length !== 1 || only === undefined) return null;
  setPluginSetting(store, slug, 'SUPPLIER_ID', only.pk);
  return only;
}

/**
 * `get_supplier_parts(sku, supplier, mpn)`: narrow by SKU, then supplier, then MPN (all
 * case-insensitive), returning as soon as exactly one part is left. Empty values skip a step.
 */
export function findSupplierParts(
  store: Store,
  sku: string | undefined,
  supplier: CompanyRow | null,
  mpn: string | undefined,
): SupplierPartRow[] {
  if (!sku && !supplier && !mpn) return [];
  let parts = store.supplierParts.all();
  if (sku) {
    const wanted = sqliteLower(sku);
    parts = parts.filter((p) => sqliteLower(p.SKU) === wanted);
    if (parts.length === 1) return parts;
  }
  if (supplier) {
    parts = parts.filter((p) => p.supplier === supplier.pk);
    if (parts.length === 1) return parts;
  }
  if (mpn) {
    const wanted = sqliteLower(mpn);
    parts = parts.filter((p) => {
      const mp = p.manufacturer_part === null ? undefined : store.manufacturerParts.get(p.manufacturer_part);
      return typeof mp?.MPN === 'string' && sqliteLower(mp.MPN) === wanted;
    });
  }
  return parts;
}

/**
 * `get_purchase_orders(customer_order_number, supplier_order_number, supplier)`: PLACED orders
 * (of the supplier, if known) whose reference equals the customer order number or whose
 * supplier_reference equals the supplier order number. One match wins; otherwise the orders
 * matching both numbers, if any; otherwise all that matched either. A missing number matches nothing.
 */
export function findPurchaseOrders(
  store: Store,
  customerOrderNumber: string | undefined,
  supplierOrderNumber: string | undefined,
  supplier: CompanyRow | null,
): PurchaseOrderRow[] {
  let orders = store.purchaseOrders.filter((po) => po.status === PO_STATUS_PLACED);
  if (supplier) orders = orders.filter((po) => po.supplier === supplier.pk);
  const byReference = (po: PurchaseOrderRow) =>
    customerOrderNumber !== undefined && sqliteLower(po.reference) === sqliteLower(customerOrderNumber);
  const bySupplierReference = (po: PurchaseOrderRow) =>
    supplierOrderNumber !== undefined &&
    typeof po.supplier_reference === 'string' &&
    sqliteLower(po.supplier_reference) === sqliteLower(supplierOrderNumber);
  const union = orders.filter((po) => byReference(po) || bySupplierReference(po));
  if (union.length === 1) return union;
  const intersection = orders.filter((po) => byReference(po) && bySupplierReference(po));
  return intersection.length > 0 ? intersection : union;
}
