// Typed row shapes of the simulation's tables (the fields its logic reads or writes).
import type { Row } from './table';

// Typed views of the rows: the fields the simulation's logic reads or writes. Other keys are kept
// untouched for serialisation.
export interface PartRow extends Row {
  name: string;
  barcode_hash: string;
  category: number | null;
  default_location: number | null;
  variant_of: number | null;
  is_template: boolean;
  active: boolean;
  purchaseable: boolean;
  salable: boolean;
}
export interface CategoryRow extends Row {
  name: string;
  parent: number | null;
  default_location: number | null;
}
export interface LocationRow extends Row {
  name: string;
  barcode_hash: string;
  parent: number | null;
  structural: boolean;
}
export interface StockItemRow extends Row {
  part: number;
  quantity: number;
  serial: string | null;
  location: number | null;
  supplier_part: number | null;
  barcode_hash: string;
  allocated: number;
  updated: string | null;
}
export interface CompanyRow extends Row {
  name: string;
  is_supplier: boolean;
  is_customer: boolean;
  is_manufacturer: boolean;
}
export interface SupplierPartRow extends Row {
  part: number;
  supplier: number;
  SKU: string;
  manufacturer_part: number | null;
  barcode_hash: string;
  pack_quantity_native: number;
}
export interface ManufacturerPartRow extends Row {
  part: number;
  manufacturer: number;
  MPN: string | null;
  barcode_hash: string;
}
export interface PurchaseOrderRow extends Row {
  reference: string;
  supplier: number;
  supplier_reference: string;
  status: number;
  barcode_hash: string;
  destination: number | null;
}
export interface PurchaseOrderLineRow extends Row {
  order: number;
  /** The SupplierPart pk (InvenTree's `part` field on a PO line). */
  part: number;
  quantity: number;
  received: number;
  destination: number | null;
}
export interface SalesOrderRow extends Row {
  reference: string;
  customer: number;
  status: number;
  barcode_hash: string;
}
export interface SalesOrderLineRow extends Row {
  order: number;
  part: number;
  quantity: number;
  shipped: number;
  allocated: number;
}
export interface SalesOrderShipmentRow extends Row {
  order: number;
  delivery_date: string | null;
  shipment_date: string | null;
  reference: string;
}
export interface SalesOrderAllocationRow extends Row {
  item: number;
  quantity: number;
  shipment: number | null;
  line: number;
  part: number;
  order: number;
}
export interface BuildRow extends Row {
  reference: string;
  barcode_hash: string;
}
export interface ReturnOrderRow extends Row {
  reference: string;
  barcode_hash: string;
}
export interface UserRow extends Row {
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  groups: { pk: number; name: string }[];
  is_staff: boolean;
  is_superuser: boolean;
  is_active: boolean;
}
export interface GroupRow extends Row {
  name: string;
}

/** A scan history row (common.BarcodeScanResult). `timestamp` is epoch ms (full precision, like the DB). */
export interface HistoryRow extends Row {
  data: string;
  timestamp: number;
  endpoint: string | null;
  context: Record<string, string> | null;
  response: Record<string, string> | null;
  result: boolean;
  user: number | null;
}

/** An API token (users.ApiToken). */
export interface TokenRow extends Row {
  key: string;
  user: number;
  name: string;
  /** `YYYY-MM-DD` */
  expiry: string | null;
  revoked: boolean;
}

/**
 * A settings row in the API shape of `/api/settings/global/{key}/` or the plugin settings endpoint.
 * `pk` is null until the row exists in the database: InvenTree creates settings lazily on first
 * read or write, so their pks depend on which request touched them first (dataset README).
 */
export interface SettingRow {
  pk: number | null;
  key: string;
  value: string | null;
  [field: string]: unknown;
}

/** Per demo user: password, the `/api/user/roles/` body (roles + permissions). */
export interface UserAuthRow extends Row {
  password: string;
  rolesBody: Record<string, unknown>;
}

/** A stock tracking entry (stock.StockItemTracking); `deltas` keeps only raw keys for new rows. */
export interface StockTrackingRow extends Row {
  item: number;
  date: string;
  deltas: Record<string, unknown>;
  label: string;
  notes: string;
  tracking_type: number;
  user: number | null;
}
