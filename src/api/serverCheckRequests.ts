/** The server check's two reads beyond server info and roles (both GET, safe on production). */
import type { Connection } from './apiConnection.ts';
import { apiRequest } from './http.ts';
import { parsePluginList, type BarcodePluginState } from './serverCheck.ts';
import { getGlobalSetting, settingBool } from './settings.ts';

/** GET /api/plugins/?mixin=barcode: any signed-in user may read it in v291 (PluginList). */
export async function getBarcodePlugins(conn: Connection, signal?: AbortSignal): Promise<BarcodePluginState[] | null> {
  return parsePluginList(
    await apiRequest<unknown>(conn, { path: '/api/plugins/', query: { mixin: 'barcode' }, signal }),
  );
}

/** BARCODE_STORE_RESULTS as a boolean (null when the value is not a boolean). */
export async function getStoreResults(conn: Connection, signal?: AbortSignal): Promise<boolean | null> {
  return settingBool(await getGlobalSetting(conn, 'BARCODE_STORE_RESULTS', signal));
}
