/** Global settings (`/api/settings/global/<KEY>/`) and barcode plugin settings. */
import type { Connection } from './apiConnection.ts';
import { apiRequest } from './http.ts';
import type { components } from './schema/inventree.d.ts';

export type GlobalSetting = components['schemas']['GlobalSettings'];
export type PluginSetting = components['schemas']['PluginSetting'];

/** Barcode-related global settings (BEHAVIOUR 1.9). */
export type BarcodeGlobalSettingKey =
  | 'BARCODE_ENABLE'
  | 'BARCODE_STORE_RESULTS'
  | 'BARCODE_RESULTS_MAX_NUM'
  | 'BARCODE_INPUT_DELAY'
  | 'BARCODE_WEBCAM_SUPPORT'
  | 'BARCODE_SHOW_TEXT'
  | 'BARCODE_GENERATION_PLUGIN';

export type InternalBarcodePluginSettingKey = 'INTERNAL_BARCODE_FORMAT' | 'SHORT_BARCODE_PREFIX';

export const INTERNAL_BARCODE_PLUGIN = 'inventreebarcode';

export async function getGlobalSetting(conn: Connection, key: string, signal?: AbortSignal): Promise<GlobalSetting> {
  return apiRequest<GlobalSetting>(conn, { path: `/api/settings/global/${encodeURIComponent(key)}/`, signal });
}

/** PATCH {"value": ...} (staff only). */
export async function setGlobalSetting(
  conn: Connection,
  key: string,
  value: string | number | boolean,
  signal?: AbortSignal,
): Promise<GlobalSetting> {
  return apiRequest<GlobalSetting>(conn, {
    method: 'PATCH',
    path: `/api/settings/global/${encodeURIComponent(key)}/`,
    body: { value },
    signal,
  });
}

export async function getPluginSettings(
  conn: Connection,
  plugin = INTERNAL_BARCODE_PLUGIN,
  signal?: AbortSignal,
): Promise<PluginSetting[]> {
  const body = await apiRequest<unknown>(conn, {
    path: `/api/plugins/${encodeURIComponent(plugin)}/settings/`,
    signal,
  });
  if (Array.isArray(body)) return body as PluginSetting[];
  const results = (body as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? (results as PluginSetting[]) : [];
}

export async function getPluginSetting(
  conn: Connection,
  plugin: string,
  key: string,
  signal?: AbortSignal,
): Promise<PluginSetting> {
  return apiRequest<PluginSetting>(conn, {
    path: `/api/plugins/${encodeURIComponent(plugin)}/settings/${encodeURIComponent(key)}/`,
    signal,
  });
}

export async function setPluginSetting(
  conn: Connection,
  plugin: string,
  key: string,
  value: string | number | boolean | null,
  signal?: AbortSignal,
): Promise<PluginSetting> {
  return apiRequest<PluginSetting>(conn, {
    method: 'PATCH',
    path: `/api/plugins/${encodeURIComponent(plugin)}/settings/${encodeURIComponent(key)}/`,
    body: { value },
    signal,
  });
}

/** InvenTree sends setting values as strings ("True"/"False"); read them as booleans. */
export function settingBool(setting: Pick<GlobalSetting, 'value'> | null | undefined): boolean | null {
  const v = setting?.value as unknown;
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return null;
  if (/^(true|1|yes|on)$/i.test(v.trim())) return true;
  if (/^(false|0|no|off|)$/i.test(v.trim())) return false;
  return null;
}

export function settingNumber(setting: Pick<GlobalSetting, 'value'> | null | undefined): number | null {
  const v = setting?.value as unknown;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}
