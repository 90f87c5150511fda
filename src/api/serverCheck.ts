/**
 * The server check (/health, summarised in Settings): what will work on this server for the
 * signed-in user, from read-only answers (GET /api/, /api/user/roles/, /api/plugins/,
 * /api/settings/global/BARCODE_STORE_RESULTS/). Pure: the panel fetches, this decides.
 */
import { i18n } from '../i18n/i18n.ts';
import {
  apiVersionDifferences,
  apiVersionRefusal,
  describeApiVersion,
  effectiveApiVersion,
  NEWEST_TESTED_API_VERSION,
  TESTED_VERSIONS,
} from './apiVersion.ts';
import { MIN_API_VERSION } from './serverInfo.ts';
import { rightsLines } from './serverCheckRights.ts';
import type { BarcodePluginState, CheckLine, CheckSection, CheckStatus, ServerCheckInput } from './serverCheckTypes.ts';

export type { BarcodePluginState, CheckLine, CheckSection, CheckStatus, ServerCheckInput } from './serverCheckTypes.ts';

export interface VersionSupport {
  status: CheckStatus;
  detail: string;
  fix?: string;
  /** The version StockScan talks to this server as. */
  treatAs: number | null;
}

/**
 * Does StockScan support this API version, and what differs on it for a barcode user? 291 and 425
 * are tested; versions between are used by the behaviours they have, newer ones as 425
 * (api/apiVersion.ts knows which).
 */
export function apiVersionSupport(apiVersion: number | null): VersionSupport {
  if (apiVersion === null) return { status: 'unknown', detail: i18n.t('api:check.version.unread'), treatAs: null };
  if (apiVersionRefusal(apiVersion)) {
    return {
      status: 'not-ready',
      detail: i18n.t('api:check.version.unsupported', { api: apiVersion, min: MIN_API_VERSION }),
      fix: i18n.t('api:check.version.unsupportedFix', { min: MIN_API_VERSION }),
      treatAs: null,
    };
  }
  // 291 is the reference: nothing differs (the wording the 291 e2e checks).
  if (apiVersion === MIN_API_VERSION)
    return { status: 'ready', detail: i18n.t('api:check.version.supported', { api: apiVersion }), treatAs: apiVersion };
  const differences = apiVersionDifferences(apiVersion);
  const tested = TESTED_VERSIONS.some((v) => v.apiVersion === apiVersion) || apiVersion > NEWEST_TESTED_API_VERSION;
  const name = tested
    ? describeApiVersion(apiVersion)
    : i18n.t('api:check.version.between', { api: apiVersion, min: MIN_API_VERSION, newest: NEWEST_TESTED_API_VERSION });
  const detail =
    differences.length === 0
      ? i18n.t('api:check.version.nameSupported', { name })
      : i18n.t('api:check.version.differences', {
          name,
          differences: differences.join(i18n.t('api:check.version.differenceSeparator')),
        });
  return { status: 'ready', detail, treatAs: effectiveApiVersion(apiVersion) };
}

/** The barcode plugins StockScan relies on, in the order a user reads them; `supplier`: null for InvenTree's own. */
export const BARCODE_PLUGINS: readonly { key: string; supplier: string | null }[] = [
  { key: 'inventreebarcode', supplier: null },
  { key: 'digikeyplugin', supplier: 'DigiKey' },
  { key: 'mouserplugin', supplier: 'Mouser' },
  { key: 'lcscplugin', supplier: 'LCSC' },
  { key: 'tmeplugin', supplier: 'TME' },
];

/** A plugin's line name and what it reads, in the language in use (supplier names stay as they are). */
function pluginWords(plugin: { supplier: string | null }): { label: string; use: string } {
  return plugin.supplier
    ? { label: plugin.supplier, use: i18n.t('api:check.plugin.supplierUse', { supplier: plugin.supplier }) }
    : { label: i18n.t('api:check.plugin.inventreeLabel'), use: i18n.t('api:check.plugin.inventreeUse') };
}

function pluginLines(input: ServerCheckInput): CheckLine[] {
  const lines: CheckLine[] = BARCODE_PLUGINS.map((plugin) => {
    const p = { key: plugin.key, ...pluginWords(plugin) };
    if (!input.plugins) {
      return {
        id: `plugin-${p.key}`,
        label: p.label,
        status: 'unknown',
        detail: input.signedIn ? i18n.t('api:check.plugin.unread') : i18n.t('api:check.plugin.signIn'),
      };
    }
    const found = input.plugins.find((x) => x.key === p.key);
    if (found?.active)
      return {
        id: `plugin-${p.key}`,
        label: p.label,
        status: 'ready',
        detail: i18n.t('api:check.plugin.active', { use: p.use }),
      };
    return {
      id: `plugin-${p.key}`,
      label: p.label,
      status: 'not-ready',
      detail: found
        ? i18n.t('api:check.plugin.inactive', { use: p.use })
        : i18n.t('api:check.plugin.missing', { use: p.use }),
      // The plugin's name as the server sends it (or its key) stays as it is.
      fix: i18n.t('api:check.plugin.activateFix', { plugin: found?.name ?? p.key }),
    };
  });
  const store = input.storeResults;
  const label = i18n.t('api:check.store.label');
  lines.push(
    store === null
      ? { id: 'store-results', label, status: 'unknown', detail: i18n.t('api:check.store.unread') }
      : store
        ? { id: 'store-results', label, status: 'ready', detail: i18n.t('api:check.store.on') }
        : {
            id: 'store-results',
            label,
            status: 'not-ready',
            detail: i18n.t('api:check.store.off'),
            fix: i18n.t('api:check.store.offFix'),
          },
  );
  return lines;
}

function serverLines(input: ServerCheckInput): CheckLine[] {
  const label = i18n.t('api:check.reached.label');
  const reached: CheckLine =
    input.infoFailure === 'cors'
      ? {
          id: 'cors',
          label,
          status: 'not-ready',
          detail: i18n.t('api:check.reached.cors'),
          fix: i18n.t('api:check.reached.corsFix'),
        }
      : input.infoFailure !== null
        ? {
            id: 'cors',
            label,
            status: 'not-ready',
            detail: input.infoFailureMessage || i18n.t('api:check.reached.unreachable'),
            fix: i18n.t('api:check.reached.unreachableFix'),
          }
        : input.apiVersion !== null
          ? { id: 'cors', label, status: 'ready', detail: i18n.t('api:check.reached.ok') }
          : { id: 'cors', label, status: 'unknown', detail: i18n.t('api:check.reached.checking') };
  const version = apiVersionSupport(input.infoFailure !== null ? null : input.apiVersion);
  const versionLine: CheckLine = {
    id: 'api-version',
    label: i18n.t('api:check.version.label'),
    status: version.status,
    detail:
      input.serverVersion && input.apiVersion !== null
        ? i18n.t('api:check.version.withRelease', { detail: version.detail, release: input.serverVersion })
        : version.detail,
    ...(version.fix ? { fix: version.fix } : {}),
  };
  return [reached, versionLine];
}

export function evaluateServerCheck(input: ServerCheckInput): CheckSection[] {
  return [
    { id: 'server', title: i18n.t('api:check.sections.server'), lines: serverLines(input) },
    {
      id: 'rights',
      title: input.roles?.username
        ? i18n.t('api:check.sections.rightsOf', { user: input.roles.username })
        : i18n.t('api:check.sections.rights'),
      lines: rightsLines(input),
    },
    { id: 'plugins', title: i18n.t('api:check.sections.plugins'), lines: pluginLines(input) },
  ];
}

export function summarize(sections: CheckSection[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { ready: 0, 'not-ready': 0, unknown: 0 };
  for (const line of sections.flatMap((s) => s.lines)) counts[line.status] += 1;
  return counts;
}

/** GET /api/plugins/ rows (a list or a page) → the barcode plugins' state; null if unreadable. */
export function parsePluginList(body: unknown): BarcodePluginState[] | null {
  const rows = Array.isArray(body)
    ? body
    : Array.isArray((body as { results?: unknown } | null)?.results)
      ? (body as { results: unknown[] }).results
      : null;
  if (!rows) return null;
  return rows.flatMap((row) => {
    const r = row as Record<string, unknown>;
    return typeof r.key === 'string'
      ? [{ key: r.key, name: typeof r.name === 'string' ? r.name : r.key, active: r.active === true }]
      : [];
  });
}
