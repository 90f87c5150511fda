// The demo dataset exactly as a real v291 server returns it (see data/DATASET.md, MIT licence in
// data/LICENCE.md). Static JSON imports: this module is only reached through a dynamic import()
// in browser.ts, so the ~5 MB of data lands in the demo chunk, never in the app's first load.
import barcodePluginSettings from './data/barcode-plugin-settings.json';
import builds from './data/builds.json';
import companies from './data/companies.json';
import details from './data/details.json';
import globalSettings from './data/global-settings.json';
import groups from './data/groups.json';
import info from './data/info.json';
import manufacturerParts from './data/manufacturer-parts.json';
import partCategories from './data/part-categories.json';
import parts from './data/parts.json';
import poLines from './data/po-lines.json';
import purchaseOrders from './data/purchase-orders.json';
import returnOrders from './data/return-orders.json';
import roles from './data/roles.json';
import salesOrders from './data/sales-orders.json';
import soAllocations from './data/so-allocations.json';
import soLines from './data/so-lines.json';
import soShipments from './data/so-shipments.json';
import stockItems from './data/stock-items.json';
import stockLocations from './data/stock-locations.json';
import stockTracking from './data/stock-tracking.json';
import supplierParts from './data/supplier-parts.json';
import supplierPriceBreaks from './data/supplier-price-breaks.json';
import users from './data/users.json';

/** One exported list endpoint: `{path, query, count, results}`. */
export interface DatasetList {
  path: string;
  query: Record<string, string>;
  count: number;
  results: Record<string, unknown>[];
}

export interface Dataset {
  info: DatasetList;
  users: DatasetList;
  groups: DatasetList;
  partCategories: DatasetList;
  parts: DatasetList;
  stockLocations: DatasetList;
  stockItems: DatasetList;
  /** `/api/stock/track/` of the pristine data (1076 entries, pks up to 1131). */
  stockTracking: DatasetList;
  companies: DatasetList;
  supplierParts: DatasetList;
  /** `/api/company/price-break/` (read-only here: no recorded request writes price breaks). */
  supplierPriceBreaks?: DatasetList;
  manufacturerParts: DatasetList;
  purchaseOrders: DatasetList;
  poLines: DatasetList;
  salesOrders: DatasetList;
  soLines: DatasetList;
  soShipments: DatasetList;
  soAllocations: DatasetList;
  builds: DatasetList;
  returnOrders: DatasetList;
  globalSettings: DatasetList;
  barcodePluginSettings: DatasetList;
  /** `{username: {me, roles}}` as each demo user sees `/api/user/me/` and `/api/user/roles/`. */
  roles: Record<string, { me: Record<string, unknown>; roles: Record<string, unknown> }>;
  /** `{model: {path, status, body}}`: one plain detail GET per barcode model. */
  details: Record<string, { path: string; status: number; body: Record<string, unknown> }>;
}

export const demoDataset: Dataset = {
  info,
  users,
  groups,
  partCategories,
  parts,
  stockLocations,
  stockItems,
  stockTracking,
  companies,
  supplierParts,
  supplierPriceBreaks,
  manufacturerParts,
  purchaseOrders,
  poLines,
  salesOrders,
  soLines,
  soShipments,
  soAllocations,
  builds,
  returnOrders,
  globalSettings,
  barcodePluginSettings,
  roles,
  details,
} as unknown as Dataset;
