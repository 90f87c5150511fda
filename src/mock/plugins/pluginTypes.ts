// The barcode plugin chain of InvenTree v291 (BEHAVIOUR.md 1.6). The simulation queries plugins in
// registry order: InvenTreeBarcode, DigiKeyPlugin, LCSCPlugin, MouserPlugin, TMEPlugin.
import type { BarcodeModelLabel, MatchObject } from '../barcodeModels';
import type { Store } from '../store';

/**
 * What a plugin reads of the simulation: the database and the `{pk, api_url, web_url}` of a match.
 * The Simulation satisfies it; plugins never import simulation.ts (which imports them).
 */
export interface PluginContext {
  readonly store: Store;
  matchObject(label: BarcodeModelLabel, pk: number): MatchObject;
}

/**
 * What a plugin's `scan()` returns (InvenTree's plugin `scan` dict):
 * - a match, e.g. `{"stockitem": {"pk", "api_url", "web_url"}}` or `{"supplierpart": {...}}`;
 * - an error result, e.g. `{"error": "Found multiple matching supplier parts for barcode"}`,
 *   which counts as a plugin match but is remembered only if nothing was remembered before.
 * `null` means "no match, ask the next plugin".
 */
export type PluginScanResult = Record<string, unknown>;

export interface BarcodePlugin {
  /** Plugin NAME as it appears in responses (`"plugin": "DigiKeyPlugin"`). */
  readonly name: string;
  /** Plugin slug (`inventreebarcode`, `digikeyplugin`, ...), also the settings URL segment. */
  readonly slug: string;
  /**
   * Interpret one trimmed barcode. May throw SimulatedServerError (serverError.ts) where the
   * v291 plugin raises an uncaught exception (500).
   */
  scan(barcode: string, sim: PluginContext): PluginScanResult | null;
}

/** Supplier plugin fields extracted from a label (BEHAVIOUR.md 1.8); all values are strings. */
export interface SupplierBarcodeFields {
  supplier_part_number?: string;
  manufacturer_part_number?: string;
  quantity?: string;
  customer_order_number?: string;
  supplier_order_number?: string;
  packing_list_number?: string;
  ship_date?: string;
  date_code?: string;
  lot_code?: string;
  country_of_origin?: string;
  manufacturer?: string;
  purchase_order_line?: string;
}

/**
 * A supplier plugin (DigiKey, LCSC, Mouser, TME): a BarcodePlugin that can also extract supplier
 * fields. Implemented in src/mock/supplier/ (SIM-ORDERS); po-receive calls them in chain order.
 */
export interface SupplierBarcodePlugin extends BarcodePlugin {
  readonly kind: 'supplier';
  /** `DigiKey`, `LCSC`, `Mouser` or `TME` (DEFAULT_SUPPLIER_NAME). */
  readonly defaultSupplierName: string;
  /** The fields of the label, or null when this plugin cannot parse it. */
  extractFields(barcode: string): SupplierBarcodeFields | null;
}

export function isSupplierPlugin(plugin: BarcodePlugin): plugin is SupplierBarcodePlugin {
  return (plugin as Partial<SupplierBarcodePlugin>).kind === 'supplier';
}

/** Result of running the chain (BEHAVIOUR.md 1.6): the kept result and its plugin, or none. */
export interface ChainResult {
  plugin: BarcodePlugin | null;
  result: PluginScanResult;
}
