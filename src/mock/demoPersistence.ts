// Demo mode's durable state: every change is written to IndexedDB before the answer that made it is
// delivered, so a reload never loses a write the user saw succeed. Only what changed is written:
// one record per changed row (against the pristine seed) plus one small record of the other fields.
import type { IDBPDatabase } from 'idb';
import { TABLE_NAMES, type Store, type StoreState, type TableName } from './store';
import type { Row } from './table';

export const DB_NAME = 'stockscan-demo';
/** v2: rows and meta stores replace v1's one 4 MB `simulation` record. */
export const DB_VERSION = 2;
export const ROWS = 'rows';
export const META = 'meta';
/** Bump when the StoreState shape or the seed changes, so old saved changes are dropped. */
export const STATE_FORMAT = 3;

type RowKey = [string, TableName, number];
/** A changed row, or null for a row deleted since the seed. */
type RowRecord = Row | null;
type Meta = Omit<StoreState, 'tables'> & { format: number; nextPks: Record<TableName, number> };

export function upgradeDemoDb(db: IDBPDatabase): void {
  if (db.objectStoreNames.contains('simulation')) db.deleteObjectStore('simulation');
  if (!db.objectStoreNames.contains(ROWS)) db.createObjectStore(ROWS);
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
}

const range = (stateKey: string) => IDBKeyRange.bound([stateKey], [stateKey, []]);

/** The live Store or a saved StoreState, read without copying (a copy of the state costs 50–100 ms). */
type StateSource = Store | StoreState;
function rowsOf(source: StateSource, name: TableName): readonly Row[] {
  const table = source.tables[name];
  return 'rows' in table ? table.rows : table.all();
}

/** Everything but the rows, as JSON text: small (settings, counters, barcode data). */
function metaText(source: StateSource): string {
  const nextPks = {} as Record<TableName, number>;
  for (const name of TABLE_NAMES) nextPks[name] = source.tables[name].nextPk;
  const meta: Meta = {
    format: STATE_FORMAT,
    nextPks,
    version: 1,
    barcodeData: source.barcodeData,
    globalSettings: source.globalSettings,
    nextGlobalSettingPk: source.nextGlobalSettingPk,
    pluginSettings: source.pluginSettings,
    nextPluginSettingPk: source.nextPluginSettingPk,
    serverInfo: source.serverInfo,
    detailExtras: source.detailExtras,
  };
  return JSON.stringify(meta);
}

/** Row JSON per `${table}:${pk}`: what the database holds, to find the rows a request changed. */
function rowTexts(source: StateSource): Map<string, string> {
  const texts = new Map<string, string>();
  for (const name of TABLE_NAMES)
    for (const row of rowsOf(source, name)) texts.set(`${name}:${row.pk}`, JSON.stringify(row));
  return texts;
}

export interface DemoPersistence {
  /** The saved state (the seed with the saved changes applied), or null when nothing usable is saved. */
  load(): Promise<StoreState | null>;
  /** Writes what changed since the last save; resolves once the transaction has committed. */
  save(store: Store): Promise<void>;
  /** Forgets every saved change (back to the seed). */
  clear(): Promise<void>;
}

/**
 * `pristine` is the seed the changes are kept against; `stateKey` keeps each API version's demo apart.
 * save() captures the changes synchronously and queues its transaction, so saves land in call order.
 */
export function demoPersistence(db: IDBPDatabase, stateKey: string, pristine: StoreState): DemoPersistence {
  const seedTexts = rowTexts(pristine);
  let saved = seedTexts;
  let savedMeta = metaText(pristine);
  /** Whether the meta record is in the database (it marks the saved changes as usable). */
  let hasMeta = false;

  return {
    async load() {
      const tx = db.transaction([ROWS, META], 'readonly');
      const [meta, keys, records] = await Promise.all([
        tx.objectStore(META).get(stateKey) as Promise<Meta | undefined>,
        tx.objectStore(ROWS).getAllKeys(range(stateKey)) as Promise<RowKey[]>,
        tx.objectStore(ROWS).getAll(range(stateKey)) as Promise<RowRecord[]>,
      ]);
      if (!meta || meta.format !== STATE_FORMAT) return null;
      const byTable = new Map<TableName, Map<number, RowRecord>>();
      keys.forEach(([, table, pk], i) => {
        if (!byTable.has(table)) byTable.set(table, new Map());
        byTable.get(table)?.set(pk, records[i] ?? null);
      });
      const { format: _format, nextPks, ...rest } = meta;
      const tables = {} as Record<TableName, { nextPk: number; rows: Row[] }>;
      for (const name of TABLE_NAMES) {
        const changes = byTable.get(name) ?? new Map<number, RowRecord>();
        const rows = (pristine.tables[name].rows as Row[]).filter((row) => !changes.has(row.pk));
        for (const row of changes.values()) if (row) rows.push(row);
        rows.sort((a, b) => a.pk - b.pk);
        tables[name] = { nextPk: nextPks[name], rows };
      }
      const state = { ...rest, tables } as unknown as StoreState;
      saved = rowTexts(state);
      savedMeta = metaText(state);
      hasMeta = true;
      return state;
    },

    save(store) {
      const now = rowTexts(store);
      const puts: Array<[RowKey, RowRecord]> = [];
      for (const [id, text] of now) {
        if (saved.get(id) === text) continue;
        const [table, pk] = id.split(':') as [TableName, string];
        // Back to the seed's text: a null delete would lose it, so the row itself is written.
        puts.push([[stateKey, table, Number(pk)], JSON.parse(text) as Row]);
      }
      for (const id of saved.keys()) {
        if (now.has(id)) continue;
        const [table, pk] = id.split(':') as [TableName, string];
        puts.push([[stateKey, table, Number(pk)], null]);
      }
      const meta = metaText(store);
      saved = now;
      if (puts.length === 0 && meta === savedMeta && hasMeta) return Promise.resolve();
      const tx = db.transaction([ROWS, META], 'readwrite');
      for (const [key, record] of puts) void tx.objectStore(ROWS).put(record, key);
      // Without the meta record the saved rows are not used: it goes in the same transaction.
      if (meta !== savedMeta || !hasMeta) void tx.objectStore(META).put(JSON.parse(meta) as Meta, stateKey);
      savedMeta = meta;
      hasMeta = true;
      tx.commit();
      return tx.done;
    },

    async clear() {
      const tx = db.transaction([ROWS, META], 'readwrite');
      void tx.objectStore(ROWS).delete(range(stateKey));
      void tx.objectStore(META).delete(stateKey);
      tx.commit();
      await tx.done;
      saved = seedTexts;
      savedMeta = metaText(pristine);
      hasMeta = false;
    },
  };
}
