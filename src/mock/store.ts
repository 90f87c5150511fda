// The simulation's in-memory database: one Table per InvenTree model the barcode API touches,
// plus users, tokens, settings and scan history. Rows are stored in the API's own shape (the
// richest shape the dataset has, i.e. list rows with their *_detail objects); serializers.ts cuts
// them down to list or detail shapes. Everything here is plain JSON so it can be persisted.
import type { BarcodeModelLabel, BarcodeTableName } from './barcodeModels';
import { BARCODE_MODELS } from './barcodeModels';
import { Table, type Row, type TableState } from './table';

export type { Row } from './table';

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

export interface StoreState {
  version: 1;
  tables: { [K in TableName]: TableState<TableRowMap[K]> };
  /** Custom barcode data per `${label}:${pk}` (barcode_data is not in the API rows of v291). */
  barcodeData: Record<string, string>;
  globalSettings: SettingRow[];
  nextGlobalSettingPk: number;
  /** Plugin settings of every plugin, in creation order. */
  pluginSettings: SettingRow[];
  nextPluginSettingPk: number;
  /** Extra objects a handler needs verbatim (server info, detail samples). */
  serverInfo: Record<string, unknown>;
  /** Fields only the detail serializer has, per `${table}:${pk}` (e.g. `notes`). */
  detailExtras: Record<string, Record<string, unknown>>;
}

export interface TableRowMap {
  parts: PartRow;
  categories: CategoryRow;
  stockLocations: LocationRow;
  stockItems: StockItemRow;
  companies: CompanyRow;
  supplierParts: SupplierPartRow;
  manufacturerParts: ManufacturerPartRow;
  purchaseOrders: PurchaseOrderRow;
  poLines: PurchaseOrderLineRow;
  salesOrders: SalesOrderRow;
  soLines: SalesOrderLineRow;
  soShipments: SalesOrderShipmentRow;
  soAllocations: SalesOrderAllocationRow;
  builds: BuildRow;
  returnOrders: ReturnOrderRow;
  users: UserRow;
  groups: GroupRow;
  userAuth: UserAuthRow;
  tokens: TokenRow;
  history: HistoryRow;
  stockTracking: StockTrackingRow;
}

export type TableName = keyof TableRowMap;

export const TABLE_NAMES: TableName[] = [
  'parts',
  'categories',
  'stockLocations',
  'stockItems',
  'companies',
  'supplierParts',
  'manufacturerParts',
  'purchaseOrders',
  'poLines',
  'salesOrders',
  'soLines',
  'soShipments',
  'soAllocations',
  'builds',
  'returnOrders',
  'users',
  'groups',
  'userAuth',
  'tokens',
  'history',
  'stockTracking',
];

type Tables = { [K in TableName]: Table<TableRowMap[K]> };

export class Store {
  readonly tables: Tables;
  barcodeData: Record<string, string>;
  globalSettings: SettingRow[];
  nextGlobalSettingPk: number;
  pluginSettings: SettingRow[];
  nextPluginSettingPk: number;
  serverInfo: Record<string, unknown>;
  detailExtras: Record<string, Record<string, unknown>>;

  constructor(state: StoreState) {
    // A deep copy, so a store never shares rows with the seed or with an imported state.
    const copy = structuredClone(state);
    const tables = {} as Record<TableName, Table<Row>>;
    for (const name of TABLE_NAMES) tables[name] = Table.fromJSON(copy.tables[name] as TableState<Row>);
    this.tables = tables as unknown as Tables;
    this.barcodeData = copy.barcodeData;
    this.globalSettings = copy.globalSettings;
    this.nextGlobalSettingPk = copy.nextGlobalSettingPk;
    this.pluginSettings = copy.pluginSettings;
    this.nextPluginSettingPk = copy.nextPluginSettingPk;
    this.serverInfo = copy.serverInfo;
    this.detailExtras = copy.detailExtras;
  }

  // Shorthands, so callers read `store.parts.get(1)`.
  get parts() {
    return this.tables.parts;
  }
  get categories() {
    return this.tables.categories;
  }
  get stockLocations() {
    return this.tables.stockLocations;
  }
  get stockItems() {
    return this.tables.stockItems;
  }
  get companies() {
    return this.tables.companies;
  }
  get supplierParts() {
    return this.tables.supplierParts;
  }
  get manufacturerParts() {
    return this.tables.manufacturerParts;
  }
  get purchaseOrders() {
    return this.tables.purchaseOrders;
  }
  get poLines() {
    return this.tables.poLines;
  }
  get salesOrders() {
    return this.tables.salesOrders;
  }
  get soLines() {
    return this.tables.soLines;
  }
  get soShipments() {
    return this.tables.soShipments;
  }
  get soAllocations() {
    return this.tables.soAllocations;
  }
  get builds() {
    return this.tables.builds;
  }
  get returnOrders() {
    return this.tables.returnOrders;
  }
  get users() {
    return this.tables.users;
  }
  get groups() {
    return this.tables.groups;
  }
  get userAuth() {
    return this.tables.userAuth;
  }
  get tokens() {
    return this.tables.tokens;
  }
  get history() {
    return this.tables.history;
  }
  get stockTracking() {
    return this.tables.stockTracking;
  }

  /** The table of one barcode model. */
  barcodeTable(label: BarcodeModelLabel): Table<Row & { barcode_hash: string }> {
    const name: BarcodeTableName = BARCODE_MODELS[label].table;
    return this.tables[name] as unknown as Table<Row & { barcode_hash: string }>;
  }

  /** The custom barcode stored on an object ("" when none), InvenTree's `barcode_data` column. */
  getBarcodeData(label: BarcodeModelLabel, pk: number): string {
    return this.barcodeData[`${label}:${pk}`] ?? '';
  }

  /** Stores `barcode_data` and `barcode_hash` on an object (both "" to unassign). */
  setBarcode(label: BarcodeModelLabel, pk: number, data: string, hash: string): void {
    const row = this.barcodeTable(label).get(pk);
    if (!row) throw new Error(`No ${label} ${pk}`);
    row.barcode_hash = hash;
    if (data === '') delete this.barcodeData[`${label}:${pk}`];
    else this.barcodeData[`${label}:${pk}`] = data;
  }

  toJSON(): StoreState {
    const tables = {} as Record<TableName, TableState<Row>>;
    for (const name of TABLE_NAMES) tables[name] = (this.tables[name] as unknown as Table<Row>).toJSON();
    return structuredClone({
      version: 1,
      tables: tables as unknown as StoreState['tables'],
      barcodeData: this.barcodeData,
      globalSettings: this.globalSettings,
      nextGlobalSettingPk: this.nextGlobalSettingPk,
      pluginSettings: this.pluginSettings,
      nextPluginSettingPk: this.nextPluginSettingPk,
      serverInfo: this.serverInfo,
      detailExtras: this.detailExtras,
    });
  }
}
