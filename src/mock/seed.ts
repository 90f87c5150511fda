// Builds the pristine StoreState from the demo dataset: the state a real v291 server is in right
// after loading InvenTree's demo data (the state the contract transcripts start from).
import type { Dataset, DatasetList } from './dataset';
import type { Row, SettingRow, StoreState, TableName, TableRowMap } from './store';
import type { TableState } from './table';

/** Demo users' passwords, from the demo dataset README (public). */
export const DEMO_PASSWORDS: Record<string, string> = {
  admin: 'inventree',
  allaccess: 'nolimits',
  reader: 'readonly',
  engineer: 'partsonly',
};

/**
 * Global settings rows with pk >= 152 did not exist in the freshly loaded database: the dataset
 * export created them lazily, in definition order, starting at 152. A real server creates such a
 * row when it is first read or written (transcript 007 gets pk 152 for BARCODE_STORE_RESULTS).
 */
const FIRST_LAZY_GLOBAL_SETTING_PK = 152;

/** Fields that only the detail serializer renders, with the dataset's detail sample where known. */
const DETAIL_ONLY_FIELDS: Partial<Record<TableName, { key: string; after: string; fallback: unknown }>> = {
  // Part list rows lack `notes`; the detail has it right after `name`. Notes of parts other than
  // the sampled one are not in the dataset: null (the common value for the demo parts).
  parts: { key: 'notes', after: 'name', fallback: null },
  purchaseOrders: { key: 'notes', after: 'status_custom_key', fallback: null },
  salesOrders: { key: 'notes', after: 'status_custom_key', fallback: null },
  returnOrders: { key: 'notes', after: 'status_custom_key', fallback: null },
};

const SAMPLE_TABLE: Record<string, TableName> = {
  part: 'parts',
  stockitem: 'stockItems',
  stocklocation: 'stockLocations',
  supplierpart: 'supplierParts',
  manufacturerpart: 'manufacturerParts',
  purchaseorder: 'purchaseOrders',
  salesorder: 'salesOrders',
  returnorder: 'returnOrders',
  build: 'builds',
};

/**
 * order migration 0070 (2022-06-20) made order and shipment `notes` nullable; before it the
 * column was NOT NULL with default ''. Demo orders created earlier still hold '' (PO0001-PO0004,
 * SO0001-SO0005 in the dataset's nested order_detail snapshots and samples), later ones hold null
 * (PO0005+, SO0006, every return order). No v291 save turns a null note into ''.
 */
const NOTES_NULLABLE_SINCE = '2022-06-20';
const ORDER_NOTES_TABLES = ['purchaseOrders', 'salesOrders', 'returnOrders'] as const satisfies readonly TableName[];

/** Pristine `notes` of every order: detail sample, else nested snapshot, else the migration rule. */
function pristineOrderNotes(dataset: Dataset, detailExtras: Record<string, Record<string, unknown>>): void {
  const snapshots = new Map<string, unknown>();
  const collect = (list: DatasetList, table: TableName) => {
    for (const row of list.results) {
      const detail = row.order_detail as Record<string, unknown> | undefined;
      if (detail && 'notes' in detail) snapshots.set(`${table}:${row.order as number}`, detail.notes);
    }
  };
  collect(dataset.poLines, 'purchaseOrders');
  collect(dataset.soShipments, 'salesOrders');
  const lists: Record<(typeof ORDER_NOTES_TABLES)[number], DatasetList> = {
    purchaseOrders: dataset.purchaseOrders,
    salesOrders: dataset.salesOrders,
    returnOrders: dataset.returnOrders,
  };
  for (const table of ORDER_NOTES_TABLES) {
    for (const row of lists[table].results) {
      const key = `${table}:${row.pk as number}`;
      if (detailExtras[key] && 'notes' in detailExtras[key]) continue;
      const created = typeof row.creation_date === 'string' ? row.creation_date : '';
      const notes = snapshots.has(key)
        ? snapshots.get(key)
        : created !== '' && created < NOTES_NULLABLE_SINCE
          ? ''
          : null;
      detailExtras[key] = { ...detailExtras[key], notes };
    }
  }
}

function rows<T extends Row>(list: DatasetList): T[] {
  return list.results as T[];
}

export function seedState(dataset: Dataset): StoreState {
  const users = rows<TableRowMap['users']>(dataset.users);
  const userAuth = users.flatMap((user) => {
    const password = DEMO_PASSWORDS[user.username];
    if (password === undefined) return [];
    const rolesBody = dataset.roles[user.username]?.roles ?? {
      user: user.pk,
      username: user.username,
      roles: {},
      permissions: {},
    };
    return [{ pk: user.pk, password, rolesBody }];
  });

  const globalSettings: SettingRow[] = (dataset.globalSettings.results as SettingRow[]).map((row) => ({
    ...row,
    pk: row.pk !== null && row.pk >= FIRST_LAZY_GLOBAL_SETTING_PK ? null : row.pk,
  }));
  // Plugin settings: the pristine table was empty. Rows appear when server code or the detail API
  // first reads a setting (the export's INTERNAL_BARCODE_FORMAT pk 1 came from such a read).
  const pluginSettings: SettingRow[] = (dataset.barcodePluginSettings.results as SettingRow[]).map((row) => ({
    ...row,
    pk: null,
  }));

  const detailExtras: Record<string, Record<string, unknown>> = {};
  for (const [model, sample] of Object.entries(dataset.details)) {
    const table = SAMPLE_TABLE[model];
    const extra = table ? DETAIL_ONLY_FIELDS[table] : undefined;
    if (table && extra && extra.key in sample.body) {
      detailExtras[`${table}:${sample.body.pk as number}`] = { [extra.key]: sample.body[extra.key] };
    }
  }

  pristineOrderNotes(dataset, detailExtras);

  const table = <T extends Row>(list: T[], nextPk?: number): TableState<T> => ({
    nextPk: nextPk ?? list.reduce((max, row) => Math.max(max, row.pk), 0) + 1,
    rows: list,
  });

  return structuredClone({
    version: 1,
    tables: {
      parts: table(rows(dataset.parts)),
      categories: table(rows(dataset.partCategories)),
      stockLocations: table(rows(dataset.stockLocations)),
      stockItems: table(rows(dataset.stockItems)),
      companies: table(rows(dataset.companies)),
      supplierParts: table(rows(dataset.supplierParts)),
      manufacturerParts: table(rows(dataset.manufacturerParts)),
      purchaseOrders: table(rows(dataset.purchaseOrders)),
      poLines: table(rows(dataset.poLines)),
      salesOrders: table(rows(dataset.salesOrders)),
      soLines: table(rows(dataset.soLines)),
      soShipments: table(rows(dataset.soShipments)),
      soAllocations: table(rows(dataset.soAllocations)),
      builds: table(rows(dataset.builds)),
      returnOrders: table(rows(dataset.returnOrders)),
      users: table(users),
      groups: table(rows(dataset.groups)),
      userAuth: table(userAuth),
      tokens: table([], 1),
      history: table([], 1),
      stockTracking: table(rows(dataset.stockTracking)),
    },
    barcodeData: {},
    globalSettings,
    nextGlobalSettingPk: FIRST_LAZY_GLOBAL_SETTING_PK,
    pluginSettings,
    nextPluginSettingPk: 1,
    serverInfo: dataset.info.results[0] ?? {},
    detailExtras,
  } satisfies StoreState);
}

export { DETAIL_ONLY_FIELDS };
