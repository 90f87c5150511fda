// Global and plugin settings over the store, with InvenTree's lazy row creation: a setting row
// gets its pk when the API first reads or writes it, never when server code merely looks it up.
import { pyStr } from './pyRepr';
import type { SettingRow, Store } from './store';

/** Python `str2bool` truthy strings, as InvenTree reads boolean settings. */
export function str2bool(value: unknown): boolean {
  return ['1', 'y', 'yes', 't', 'true', 'on', 'ok'].includes(String(value ?? '').toLowerCase());
}

export function findGlobalSetting(store: Store, key: string): SettingRow | undefined {
  return store.globalSettings.find((row) => row.key === key);
}

/** Value as server code reads it (no row creation). */
export function globalSettingValue(store: Store, key: string): string | null {
  return findGlobalSetting(store, key)?.value ?? null;
}

export function globalSettingBool(store: Store, key: string): boolean {
  return str2bool(globalSettingValue(store, key));
}

export function globalSettingInt(store: Store, key: string, fallback: number): number {
  const parsed = Number.parseInt(globalSettingValue(store, key) ?? '', 10);
  return Number.isNaN(parsed) ? fallback : parsed;
}

/** The API touched the setting: make sure it has a database row. */
export function materializeGlobalSetting(store: Store, row: SettingRow): SettingRow {
  if (row.pk === null) {
    row.pk = store.nextGlobalSettingPk;
    store.nextGlobalSettingPk += 1;
  }
  return row;
}

/** Stores a value the way the settings serializer's CharField does (Python str()). */
export function setGlobalSetting(store: Store, key: string, value: unknown): SettingRow {
  const row = findGlobalSetting(store, key);
  if (!row) throw new Error(`Unknown global setting ${key}`);
  row.value = pyStr(value);
  return materializeGlobalSetting(store, row);
}

/** A plugin setting's definition: the API row without pk and value, plus its default. */
export interface PluginSettingDefinition {
  key: string;
  plugin: string;
  default: string | null;
  /** API fields in serializer order: name, description, type, choices, model_name, api_url, typ, required. */
  fields: Record<string, unknown>;
  /** False for settings whose lazy creation never happens on read (SHORT_BARCODE_PREFIX in v291). */
  createdOnRead?: boolean;
}

export function findPluginSetting(store: Store, plugin: string, key: string): SettingRow | undefined {
  return store.pluginSettings.find((row) => row.plugin === plugin && row.key === key);
}

/** Value as plugin code reads it (no row creation); the definition default when absent. */
export function pluginSettingValue(
  store: Store,
  plugin: string,
  key: string,
  fallback: string | null = null,
): string | null {
  const row = findPluginSetting(store, plugin, key);
  return row ? row.value : fallback;
}

/** Adds the row (pk null, default value) of a plugin setting the store does not know yet. */
export function ensurePluginSettingRow(store: Store, definition: PluginSettingDefinition): SettingRow {
  const existing = findPluginSetting(store, definition.plugin, definition.key);
  if (existing) return existing;
  const row: SettingRow = {
    pk: null,
    key: definition.key,
    value: definition.default,
    ...definition.fields,
    plugin: definition.plugin,
  };
  // Key order of the API row: pk, key, value, then the definition fields.
  const ordered: SettingRow = { pk: null, key: row.key, value: row.value };
  for (const [k, v] of Object.entries(row)) if (!(k in ordered)) ordered[k] = v;
  store.pluginSettings.push(ordered);
  return ordered;
}

export function materializePluginSetting(store: Store, row: SettingRow): SettingRow {
  if (row.pk === null) {
    row.pk = store.nextPluginSettingPk;
    store.nextPluginSettingPk += 1;
  }
  return row;
}

/** Server-side write of a plugin setting (e.g. a supplier plugin saving SUPPLIER_ID). */
export function setPluginSetting(store: Store, plugin: string, key: string, value: unknown): SettingRow {
  const row = findPluginSetting(store, plugin, key);
  if (!row) throw new Error(`Unknown plugin setting ${plugin}.${key}`);
  row.value = value === null ? null : pyStr(value);
  return materializePluginSetting(store, row);
}
