/**
 * The server check (/health, summarised in Settings): what will work on this server for the
 * signed-in user, from read-only answers (GET /api/, /api/user/roles/, /api/plugins/,
 * /api/settings/global/BARCODE_STORE_RESULTS/). Pure: the panel fetches, this decides.
 */
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
  if (apiVersion === null) return { status: 'unknown', detail: 'The API version could not be read.', treatAs: null };
  if (apiVersionRefusal(apiVersion)) {
    return {
      status: 'not-ready',
      detail: `API version ${apiVersion}: not supported; StockScan needs API ${MIN_API_VERSION} (InvenTree 0.17) or newer.`,
      fix: `Upgrade InvenTree to a release with API version ${MIN_API_VERSION} or newer.`,
      treatAs: null,
    };
  }
  // 291 is the reference: nothing differs (the wording the 291 e2e checks).
  if (apiVersion === MIN_API_VERSION)
    return { status: 'ready', detail: `API version ${apiVersion}: supported.`, treatAs: apiVersion };
  const differences = apiVersionDifferences(apiVersion);
  const tested = TESTED_VERSIONS.some((v) => v.apiVersion === apiVersion) || apiVersion > NEWEST_TESTED_API_VERSION;
  const name = tested
    ? describeApiVersion(apiVersion)
    : `API ${apiVersion} (between the tested ${MIN_API_VERSION} and ${NEWEST_TESTED_API_VERSION})`;
  const detail = differences.length === 0 ? `${name}: supported.` : `${name}: ${differences.join('; ')}.`;
  return { status: 'ready', detail, treatAs: effectiveApiVersion(apiVersion) };
}

/** The barcode plugins StockScan relies on, in the order a user reads them. */
export const BARCODE_PLUGINS: { key: string; label: string; use: string }[] = [
  { key: 'inventreebarcode', label: 'InvenTree barcodes', use: 'InvenTree labels (scan, link, generate)' },
  { key: 'digikeyplugin', label: 'DigiKey', use: 'DigiKey labels (receive, add to order)' },
  { key: 'mouserplugin', label: 'Mouser', use: 'Mouser labels (receive, add to order)' },
  { key: 'lcscplugin', label: 'LCSC', use: 'LCSC labels (receive, add to order)' },
  { key: 'tmeplugin', label: 'TME', use: 'TME labels (receive, add to order)' },
];

function pluginLines(input: ServerCheckInput): CheckLine[] {
  const lines: CheckLine[] = BARCODE_PLUGINS.map((p) => {
    if (!input.plugins) {
      return {
        id: `plugin-${p.key}`,
        label: p.label,
        status: 'unknown',
        detail: input.signedIn
          ? 'The plugin list could not be read for this user.'
          : 'Sign in to read the plugin list.',
      };
    }
    const found = input.plugins.find((x) => x.key === p.key);
    if (found?.active) return { id: `plugin-${p.key}`, label: p.label, status: 'ready', detail: `Active: ${p.use}.` };
    return {
      id: `plugin-${p.key}`,
      label: p.label,
      status: 'not-ready',
      detail: found
        ? `Installed but not active: ${p.use} will not be recognised.`
        : `Not installed: ${p.use} will not be recognised.`,
      fix: `Activate the "${found?.name ?? p.key}" plugin (Admin center → Plugins).`,
    };
  });
  const store = input.storeResults;
  lines.push(
    store === null
      ? {
          id: 'store-results',
          label: 'Scans stored',
          status: 'unknown',
          detail: 'The setting BARCODE_STORE_RESULTS could not be read.',
        }
      : store
        ? {
            id: 'store-results',
            label: 'Scans stored',
            status: 'ready',
            detail: 'BARCODE_STORE_RESULTS is on: scans appear in the scan history.',
          }
        : {
            id: 'store-results',
            label: 'Scans stored',
            status: 'not-ready',
            detail: 'BARCODE_STORE_RESULTS is off: scans are not kept, the scan history stays empty.',
            fix: 'Turn on "Store Barcode Results" (Admin center → System settings → Barcodes).',
          },
  );
  return lines;
}

function serverLines(input: ServerCheckInput): CheckLine[] {
  const reached: CheckLine =
    input.infoFailure === 'cors'
      ? {
          id: 'cors',
          label: 'Server reached (CORS)',
          status: 'not-ready',
          detail: 'The server answers, but the browser blocks its answers (CORS).',
          fix: "Allow this app's address: INVENTREE_CORS_ORIGIN_WHITELIST (or INVENTREE_CORS_ORIGIN_ALLOW_ALL) in the server configuration.",
        }
      : input.infoFailure !== null
        ? {
            id: 'cors',
            label: 'Server reached (CORS)',
            status: 'not-ready',
            detail: input.infoFailureMessage || 'The server could not be reached.',
            fix: 'Check the server address and that the server is running.',
          }
        : input.apiVersion !== null
          ? {
              id: 'cors',
              label: 'Server reached (CORS)',
              status: 'ready',
              detail: 'The server answers and the browser lets StockScan read it.',
            }
          : { id: 'cors', label: 'Server reached (CORS)', status: 'unknown', detail: 'Checking…' };
  const version = apiVersionSupport(input.infoFailure !== null ? null : input.apiVersion);
  const versionLine: CheckLine = {
    id: 'api-version',
    label: 'API version',
    status: version.status,
    detail:
      input.serverVersion && input.apiVersion !== null
        ? `${version.detail} (InvenTree ${input.serverVersion})`
        : version.detail,
    ...(version.fix ? { fix: version.fix } : {}),
  };
  return [reached, versionLine];
}

export function evaluateServerCheck(input: ServerCheckInput): CheckSection[] {
  return [
    { id: 'server', title: 'Server', lines: serverLines(input) },
    {
      id: 'rights',
      title: `Rights${input.roles?.username ? ` of ${input.roles.username}` : ''}`,
      lines: rightsLines(input),
    },
    { id: 'plugins', title: 'Barcode plugins and history', lines: pluginLines(input) },
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
