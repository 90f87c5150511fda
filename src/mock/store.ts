// The simulation's in-memory database: one Table per InvenTree model the barcode API touches,
// plus users, tokens, settings and scan history. Rows are stored in the API's own shape (the
// richest shape the dataset has, i.e. list rows with their *_detail objects); serializers.ts cuts
// them down to list or detail shapes. Everything here is plain JSON so it can be persisted.
import type { BarcodeModelLabel, BarcodeTableName } from './barcodeModels';
import { BARCODE_MODELS } from './barcodeModels';
import { Table, type Row, type TableState } from './table';
import type {
  BuildRow,
  CategoryRow,
  CompanyRow,
  GroupRow,
  HistoryRow,
  LocationRow,
  ManufacturerPartRow,
  PartRow,
  PurchaseOrderLineRow,
  PurchaseOrderRow,
  ReturnOrderRow,
  SalesOrderAllocationRow,
  SalesOrderLineRow,
  SalesOrderRow,
  SalesOrderShipmentRow,
  SettingRow,
  StockItemRow,
  StockTrackingRow,
  SupplierPartRow,
  TokenRow,
  UserAuthRow,
  UserRow,
} from './storeRows';
export type { Row } from './table';
// Every row type, so the simulation imports them from the store as before the split.
export type * from './storeRows';

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
  /** findByBarcodeHash's index per model, with the table version it was built from. */
  private readonly hashIndexes = new Map<
    BarcodeModelLabel,
    { version: number; first: Map<string, Row & { barcode_hash: string }> }
  >();

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

  /**
   * The object of one model whose `barcode_hash` is `hash`: the lowest pk, as the database's first
   * row. Per model a hash → row index, built on first use and again after the table changed (an
   * insert, a delete, setBarcode), so a scan no longer reads every object of the nine models.
   */
  findByBarcodeHash(label: BarcodeModelLabel, hash: string): (Row & { barcode_hash: string }) | undefined {
    const table = this.barcodeTable(label);
    let index = this.hashIndexes.get(label);
    if (!index || index.version !== table.version) {
      const first = new Map<string, Row & { barcode_hash: string }>();
      for (const row of table.all()) if (!first.has(row.barcode_hash)) first.set(row.barcode_hash, row);
      index = { version: table.version, first };
      this.hashIndexes.set(label, index);
    }
    return index.first.get(hash);
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
    this.barcodeTable(label).touch();
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
