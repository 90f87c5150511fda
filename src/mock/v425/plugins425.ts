// The barcode plugins of InvenTree 1.2 dev (API 425, upstream 770f7a292): the internal plugin adds
// "Found matching item" to JSON and linked-hash matches (not to short barcodes), and the supplier
// plugins (SupplierBarcodeMixin) answer with every model they can match: purchase order, supplier
// part, manufacturer part, plus the supplier company. They need unique, exact matches.
import { parseShortBarcode } from '../internalBarcode';
import { inventreeBarcodePlugin, shortBarcodePrefix } from '../plugins/inventreeBarcode';
import type { BarcodePlugin } from '../plugins/pluginTypes';
import type { Simulation } from '../simulation';
import type { CompanyRow, ManufacturerPartRow, PurchaseOrderRow, Store, SupplierPartRow } from '../store';
import type { ParsedFields } from '../supplier/supplierFields';
import { detectSupplier } from '../supplier/supplierLookup';
import { SUPPLIER_PLUGIN_SPECS, type SimSupplierPlugin } from '../supplier/supplierPlugins';
import { pyStrip } from '../barcodeHash';

export const FOUND_MATCHING_ITEM = 'Found matching item';

/** 425 plugin NAMEs (291: DigiKeyPlugin, ...); slugs and settings are unchanged. */
const NAMES_425: Record<string, string> = {
  digikeyplugin: 'DigiKeyBarcodePlugin',
  lcscplugin: 'LCSCBarcodePlugin',
  mouserplugin: 'MouserBarcodePlugin',
  tmeplugin: 'TMEBarcodePlugin',
};

export const inventreeBarcodePlugin425: BarcodePlugin = {
  name: inventreeBarcodePlugin.name,
  slug: inventreeBarcodePlugin.slug,
  scan(barcode, sim) {
    const result = inventreeBarcodePlugin.scan(barcode, sim);
    if (!result || 'error' in result) return result;
    // A short barcode returns the bare match; JSON and linked barcodes carry the message too.
    const short = parseShortBarcode(barcode, shortBarcodePrefix(sim));
    if (short.kind === 'short' && short.label in result) return result;
    return { ...result, success: FOUND_MATCHING_ITEM };
  },
};

/** What a 425 supplier plugin resolves from one label (each lookup needs a unique match). */
export interface SupplierMatches {
  fields: ParsedFields;
  supplier: CompanyRow | null;
  order: PurchaseOrderRow | null;
  supplierPart: SupplierPartRow | null;
  manufacturerPart: ManufacturerPartRow | null;
}

function unique<T>(rows: T[]): T | null {
  return rows.length === 1 ? rows[0]! : null;
}

/** get_purchase_order: by reference when the label has a customer order number, else by supplier_reference; any status. */
export function findOrder425(store: Store, fields: ParsedFields, supplier: CompanyRow | null): PurchaseOrderRow | null {
  const customer = fields.customer_order_number;
  const supplierNumber = fields.supplier_order_number;
  if (!customer && !supplierNumber) return null;
  let orders = customer
    ? store.purchaseOrders.filter((po) => po.reference === customer)
    : store.purchaseOrders.filter((po) => po.supplier_reference === supplierNumber);
  if (supplier) orders = orders.filter((po) => po.supplier === supplier.pk);
  return unique(orders);
}

/** get_supplier_part: the supplier's parts with this SKU, narrowed by MPN when several. */
export function findSupplierPart425(
  store: Store,
  fields: ParsedFields,
  supplier: CompanyRow | null,
): SupplierPartRow | null {
  const sku = fields.supplier_part_number;
  const mpn = fields.manufacturer_part_number;
  if (!sku && !mpn) return null;
  let parts = store.supplierParts.all();
  if (supplier) parts = parts.filter((p) => p.supplier === supplier.pk);
  if (sku) parts = parts.filter((p) => p.SKU === sku);
  if (mpn && parts.length > 1) {
    const mps = new Set(store.manufacturerParts.filter((m) => m.MPN === mpn).map((m) => m.pk));
    if (mps.size > 0) parts = parts.filter((p) => p.manufacturer_part !== null && mps.has(p.manufacturer_part));
  }
  return unique(parts);
}

/** get_manufacturer_part: by MPN, made or supplied by the plugin's supplier. */
export function findManufacturerPart425(
  store: Store,
  fields: ParsedFields,
  supplier: CompanyRow | null,
): ManufacturerPartRow | null {
  const mpn = fields.manufacturer_part_number;
  if (!mpn) return null;
  let parts = store.manufacturerParts.filter((m) => m.MPN === mpn);
  if (supplier) {
    const supplied = new Set(
      store.supplierParts.filter((p) => p.supplier === supplier.pk).map((p) => p.manufacturer_part),
    );
    parts = parts.filter((m) => m.manufacturer === supplier.pk || supplied.has(m.pk));
  }
  return unique(parts);
}

export function supplierMatches(sim: Simulation, plugin: SimSupplierPlugin, barcode: string): SupplierMatches {
  const fields = plugin.extractFields(barcode);
  const supplier = detectSupplier(sim.store, plugin.slug, plugin.defaultSupplierName);
  return {
    fields,
    supplier,
    order: findOrder425(sim.store, fields, supplier),
    supplierPart: findSupplierPart425(sim.store, fields, supplier),
    manufacturerPart: findManufacturerPart425(sim.store, fields, supplier),
  };
}

function createSupplierPlugin425(spec: (typeof SUPPLIER_PLUGIN_SPECS)[number]): SimSupplierPlugin {
  const plugin: SimSupplierPlugin = {
    kind: 'supplier',
    name: NAMES_425[spec.slug] ?? spec.name,
    slug: spec.slug,
    defaultSupplierName: spec.defaultSupplierName,
    extractFields: (barcode: string) => spec.parse(pyStrip(barcode)),
    scan(barcode: string, sim: Simulation) {
      const found = supplierMatches(sim, plugin, barcode);
      const data: Record<string, unknown> = {};
      if (found.order) data.purchaseorder = sim.matchObject('purchaseorder', found.order.pk);
      if (found.supplierPart) data.supplierpart = sim.matchObject('supplierpart', found.supplierPart.pk);
      if (found.manufacturerPart)
        data.manufacturerpart = sim.matchObject('manufacturerpart', found.manufacturerPart.pk);
      if (Object.keys(data).length === 0) return null;
      if (found.supplier) data.company = { pk: found.supplier.pk };
      data.success = FOUND_MATCHING_ITEM;
      return data;
    },
  };
  return plugin;
}

export function createPlugins425(): BarcodePlugin[] {
  return [inventreeBarcodePlugin425, ...SUPPLIER_PLUGIN_SPECS.map(createSupplierPlugin425)];
}
