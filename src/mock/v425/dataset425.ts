// The demo dataset as a real InvenTree 1.2 dev (API 425) serves it (contract/dataset-425, same pks
// as the 291 dataset). Only reached through a dynamic import() in the browser (425 demo mode), so
// the data never lands in the app's first load. The simulation keeps its 291 store; these rows
// give the 425 serializers the values a 425 server shows (new fields, migrated values).
import builds from './data/builds.json';
import companies from './data/companies.json';
import details from './data/details.json';
import info from './data/info.json';
import manufacturerParts from './data/manufacturer-parts.json';
import parts from './data/parts.json';
import purchaseOrders from './data/purchase-orders.json';
import returnOrders from './data/return-orders.json';
import salesOrders from './data/sales-orders.json';
import stockItems from './data/stock-items.json';
import stockLocations from './data/stock-locations.json';
import supplierParts from './data/supplier-parts.json';

type Json = Record<string, unknown>;

export interface Dataset425 {
  parts: Json[];
  stockItems: Json[];
  stockLocations: Json[];
  supplierParts: Json[];
  manufacturerParts: Json[];
  purchaseOrders: Json[];
  salesOrders: Json[];
  returnOrders: Json[];
  builds: Json[];
  companies: Json[];
  /** One plain detail GET per barcode model (detail-only fields such as `notes`). */
  details: Record<string, { path: string; status: number; body: Json }>;
  /** `GET /api/` as staff see it. */
  info: Json;
}

const results = (list: unknown): Json[] => (list as { results: Json[] }).results;

export const dataset425: Dataset425 = {
  parts: results(parts),
  stockItems: results(stockItems),
  stockLocations: results(stockLocations),
  supplierParts: results(supplierParts),
  manufacturerParts: results(manufacturerParts),
  purchaseOrders: results(purchaseOrders),
  salesOrders: results(salesOrders),
  returnOrders: results(returnOrders),
  builds: results(builds),
  companies: results(companies),
  details: details as unknown as Dataset425['details'],
  info: results(info)[0],
};
