// Global settings (`/api/settings/global/`) and plugin settings
// (`/api/plugins/{slug}/settings/`), read by any user, written by staff. A read through the API
// creates a missing settings row (its pk appears), as InvenTree does.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { pyStr } from '../pyRepr';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { isSupplierPlugin } from '../plugins/pluginTypes';
import { supplierIdSetting } from '../supplier/supplierLookup';
import {
  ensurePluginSettingRow,
  materializeGlobalSetting,
  materializePluginSetting,
  findGlobalSetting,
  str2bool,
} from '../settingsStore';
import type { Simulation } from '../simulation';
import type { SettingRow } from '../store';
import { bodyAsDict, fieldErrorBody } from '../validation';

const NOT_FOUND = { detail: 'Not found.' };
/** Integer settings whose validator is MinValueValidator(1). */
const MIN_ONE_SETTINGS = ['BARCODE_RESULTS_MAX_NUM', 'BARCODE_INPUT_DELAY'];

function settingBody(row: SettingRow): Record<string, unknown> {
  return { ...row };
}

/** Validates and converts a written value per the setting's type; returns an error body or the text. */
function convertValue(
  row: SettingRow,
  value: unknown,
): { ok: true; text: string | null } | { ok: false; response: ApiResponse } {
  const fail = (message: string) => ({ ok: false as const, response: jsonResponse(400, { value: [message] }) });
  if (value === null) return row.typ === 'plugin' ? { ok: true, text: null } : fail('This field may not be null.');
  if (typeof value === 'object') return fail('Not a valid string.');
  if (row.type === 'boolean') return { ok: true, text: str2bool(value) ? 'True' : 'False' };
  const text = pyStr(value).trim();
  if (row.type === 'integer') {
    if (!/^[+-]?\d+$/.test(text)) return fail('Must be an integer value');
    if (MIN_ONE_SETTINGS.includes(row.key) && Number(text) < 1)
      return fail('Ensure this value is greater than or equal to 1.');
  }
  const choices = row.choices as { value: string }[] | undefined;
  if (Array.isArray(choices) && choices.length > 0 && !choices.some((c) => c.value === text)) {
    return fail('Chosen value is not a valid option');
  }
  return { ok: true, text };
}

function writeSetting(req: ApiRequest, row: SettingRow, materialize: () => void): ApiResponse {
  if (!req.user?.is_staff) return jsonResponse(403, { detail: 'You do not have permission to perform this action.' });
  const dict = bodyAsDict(req.body);
  if (!dict.ok) return jsonResponse(400, fieldErrorBody(dict.errors));
  if ('value' in dict.data) {
    const converted = convertValue(row, dict.data.value);
    if (!converted.ok) return converted.response;
    row.value = converted.text;
  } else if (req.method === 'PUT') {
    return jsonResponse(400, { value: ['This field is required.'] });
  }
  materialize();
  return jsonResponse(200, settingBody(row));
}

function globalRow(req: ApiRequest, sim: Simulation): SettingRow | undefined {
  return findGlobalSetting(sim.store, req.params.key!.toUpperCase());
}

function pluginRows(sim: Simulation, slug: string): SettingRow[] | null {
  const plugin = sim.plugins.find((p) => p.slug === slug);
  if (!plugin) return null;
  // A supplier plugin's SUPPLIER_ID is defined even before it was ever stored.
  if (isSupplierPlugin(plugin))
    ensurePluginSettingRow(sim.store, supplierIdSetting(plugin.slug, plugin.defaultSupplierName));
  return sim.store.pluginSettings.filter((row) => row.plugin === slug);
}

function pluginNotFound(slug: string): ApiResponse {
  return jsonResponse(404, { detail: `Plugin '${slug}' not installed` });
}

export const settingsRoutes: Route[] = [
  {
    pattern: '/api/settings/global/',
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        for (const row of sim.store.globalSettings) materializeGlobalSetting(sim.store, row);
        const rows = [...sim.store.globalSettings].sort((a, b) => (a.pk ?? 0) - (b.pk ?? 0));
        return jsonResponse(200, paginate(req.url, rows.map(settingBody)));
      },
    },
  },
  {
    pattern: '/api/settings/global/:key/',
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        const row = globalRow(req, sim);
        if (!row) return jsonResponse(404, NOT_FOUND);
        return jsonResponse(200, settingBody(materializeGlobalSetting(sim.store, row)));
      },
      PATCH: (req, sim) => {
        const row = globalRow(req, sim);
        if (!row) return jsonResponse(404, NOT_FOUND);
        return writeSetting(req, row, () => materializeGlobalSetting(sim.store, row));
      },
      PUT: (req, sim) => {
        const row = globalRow(req, sim);
        if (!row) return jsonResponse(404, NOT_FOUND);
        return writeSetting(req, row, () => materializeGlobalSetting(sim.store, row));
      },
    },
  },
  {
    pattern: '/api/plugins/:slug/settings/',
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        const rows = pluginRows(sim, req.params.slug!);
        if (!rows) return pluginNotFound(req.params.slug!);
        // Not paginated: a plain list even with limit/offset. Listing shows unstored settings with
        // their defaults and pk null, without creating rows (SHORT_BARCODE_PREFIX in the dataset).
        return jsonResponse(200, rows.map(settingBody));
      },
    },
  },
  {
    pattern: '/api/plugins/:slug/settings/:key/',
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        const rows = pluginRows(sim, req.params.slug!);
        if (!rows) return pluginNotFound(req.params.slug!);
        const row = rows.find((r) => r.key === req.params.key);
        if (!row)
          return jsonResponse(404, {
            detail: `Plugin '${req.params.slug}' has no setting matching '${req.params.key}'`,
          });
        return jsonResponse(200, settingBody(materializePluginSetting(sim.store, row)));
      },
      PATCH: (req, sim) => {
        const rows = pluginRows(sim, req.params.slug!);
        if (!rows) return pluginNotFound(req.params.slug!);
        const row = rows.find((r) => r.key === req.params.key);
        if (!row)
          return jsonResponse(404, {
            detail: `Plugin '${req.params.slug}' has no setting matching '${req.params.key}'`,
          });
        return writeSetting(req, row, () => materializePluginSetting(sim.store, row));
      },
    },
  },
];
