// `GET /api/plugins/` (PluginList, v291 plugin/api.py): readable by any signed-in user ("to allow
// certain functionality, e.g. determining which label printing plugins are available"), paginated
// with limit/offset, filters `active` and `mixin`, default ordering `-active, name, key`.
//
// Only the five barcode plugins the simulation runs are listed. In v291 every plugin under
// plugin/builtin/ is forced active (PluginConfig.save, InvenTreePlugin.is_active), so they are all
// `active: true`. Known gap: the real list also holds the other builtin plugins (currency,
// notifications, labels, exporters), and their config pks depend on the server's load order.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { str2bool } from '../settingsStore';
import type { Simulation } from '../simulation';

interface PluginSource {
  title: string;
  description: string;
  version: string;
  packagePath: string;
  mixins: string[];
}

// TITLE / DESCRIPTION / VERSION / AUTHOR of each plugin class at v291 (plugin/builtin/...).
const SOURCES: Record<string, PluginSource> = {
  inventreebarcode: {
    title: 'InvenTree Barcodes',
    description: 'Provides native support for barcodes',
    version: '2.1.0',
    packagePath: 'plugin.builtin.barcodes.inventree_barcode',
    mixins: ['base', 'settings', 'barcode'],
  },
  digikeyplugin: supplier('DigiKey', 'digikey'),
  lcscplugin: supplier('LCSC', 'lcsc'),
  mouserplugin: supplier('Mouser', 'mouser'),
  tmeplugin: supplier('TME', 'tme'),
};

function supplier(name: string, module: string): PluginSource {
  return {
    title: `Supplier Integration - ${name}`,
    description: `Provides support for scanning ${name} barcodes`,
    version: '1.0.0',
    packagePath: `plugin.builtin.suppliers.${module}`,
    mixins: ['base', 'barcode', 'settings'],
  };
}

function pluginRow(pk: number, slug: string, name: string): Record<string, unknown> {
  const source = SOURCES[slug];
  return {
    pk,
    key: slug,
    name,
    package_name: null,
    active: true,
    meta: {
      slug,
      human_name: source?.title ?? name,
      description: source?.description ?? null,
      author: 'InvenTree contributors',
      pub_date: null,
      version: source?.version ?? null,
      website: null,
      license: null,
      package_path: source?.packagePath ?? null,
      settings_url: null,
    },
    mixins: Object.fromEntries((source?.mixins ?? ['base']).map((key) => [key, { key, human_name: key }])),
    is_builtin: true,
    is_sample: false,
    is_installed: true,
    is_package: false,
  };
}

function list(req: ApiRequest, sim: Simulation): ApiResponse {
  let rows = sim.plugins.map((plugin, i) => pluginRow(i + 1, plugin.slug, plugin.name));
  const active = req.query.get('active');
  if (active !== null && active !== '') rows = rows.filter((row) => row.active === str2bool(active));
  // PluginFilter.mixin: every comma-separated mixin name must be registered by the plugin.
  const mixins = (req.query.get('mixin') ?? '')
    .split(',')
    .map((m) => m.trim().toLowerCase())
    .filter(Boolean);
  if (mixins.length > 0) rows = rows.filter((row) => mixins.every((m) => m in (row.mixins as Record<string, unknown>)));
  // All active, so `-active, name, key` is name then key, in SQLite's BINARY collation.
  const binary = (x: unknown, y: unknown) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0);
  rows.sort((a, b) => binary(a.name, b.name) || binary(a.key, b.key));
  return jsonResponse(200, paginate(req.url, rows));
}

export const pluginRoutes: Route[] = [
  { pattern: '/api/plugins/', permission: 'authenticated', methods: { GET: list } },
];
