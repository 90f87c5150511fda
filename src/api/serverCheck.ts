/**
 * The server check (/health, summarised in Settings): what will work on this server for the
 * signed-in user, from read-only answers (GET /api/, /api/user/roles/, /api/plugins/,
 * /api/settings/global/BARCODE_STORE_RESULTS/). Pure: the panel fetches, this decides.
 */
import type { ApiErrorKind } from './apiError.ts';
import {
  apiVersionDifferences,
  apiVersionRefusal,
  describeApiVersion,
  effectiveApiVersion,
  NEWEST_TESTED_API_VERSION,
  TESTED_VERSIONS,
} from './apiVersion.ts';
import { MIN_API_VERSION } from './serverInfo.ts';
import type { UserRoles } from './users.ts';

export type CheckStatus = 'ready' | 'not-ready' | 'unknown';

export interface CheckLine {
  id: string;
  label: string;
  status: CheckStatus;
  /** What was found, in plain words. */
  detail: string;
  /** For not ready (and unknown where it helps): what an admin changes. */
  fix?: string;
}

export interface CheckSection {
  id: 'server' | 'rights' | 'plugins';
  title: string;
  lines: CheckLine[];
}

export interface BarcodePluginState {
  key: string;
  name: string;
  active: boolean;
}

export interface ServerCheckInput {
  /** GET /api/ answer; null while failed or not loaded. */
  apiVersion: number | null;
  serverVersion?: string | null;
  /** Why GET /api/ failed (kind of the ApiError), or null. */
  infoFailure: ApiErrorKind | null;
  infoFailureMessage?: string | null;
  signedIn: boolean;
  /** GET /api/user/roles/; null = not known (not signed in, failed, loading). */
  roles: UserRoles | null;
  /** GET /api/plugins/?mixin=barcode; null = not allowed or failed. */
  plugins: BarcodePluginState[] | null;
  /** BARCODE_STORE_RESULTS; null = could not be read. */
  storeResults: boolean | null;
}

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

type RoleName = 'stock' | 'stock_location' | 'part' | 'purchase_order' | 'sales_order' | 'build';
type Right = 'view' | 'add' | 'change' | 'delete';
type Need = { role: RoleName; right: Right };

const ROLE_LABEL: Record<RoleName, string> = {
  stock: 'Stock Items',
  stock_location: 'Stock Locations',
  part: 'Parts',
  purchase_order: 'Purchase Orders',
  sales_order: 'Sales Orders',
  build: 'Build Orders',
};

function has(roles: UserRoles, need: Need): boolean {
  if (roles.is_superuser) return true;
  return roles.roles[need.role]?.includes(need.right) ?? false;
}

const needText = (need: Need) => `${ROLE_LABEL[need.role]}: ${need.right}`;

interface Workflow {
  id: string;
  label: string;
  needs: Need[];
  what: string;
}

const WORKFLOWS: Workflow[] = [
  {
    id: 'link',
    label: 'Link / unlink barcodes',
    needs: [{ role: 'stock', right: 'change' }],
    what: 'link a barcode to a stock item',
  },
  {
    id: 'receive',
    label: 'Receive (purchase orders)',
    needs: [
      { role: 'purchase_order', right: 'change' },
      { role: 'stock', right: 'add' },
    ],
    what: 'receive supplier labels into stock',
  },
  {
    id: 'add-to-order',
    label: 'Add to purchase order',
    needs: [{ role: 'purchase_order', right: 'add' }],
    what: 'add a scanned part to a purchase order',
  },
  {
    id: 'allocate',
    label: 'Allocate (sales orders)',
    needs: [{ role: 'sales_order', right: 'change' }],
    what: 'allocate stock to a sales order',
  },
  {
    id: 'stock',
    label: 'Move / count / adjust stock',
    needs: [{ role: 'stock', right: 'change' }],
    what: 'move, count or adjust stock',
  },
];

function rightsLines(input: ServerCheckInput): CheckLine[] {
  const roles = input.roles;
  const unknown = (id: string, label: string): CheckLine => ({
    id,
    label,
    status: 'unknown',
    detail: input.signedIn ? 'Your rights could not be read.' : 'Sign in to check your rights.',
  });
  if (!roles) {
    return [
      unknown('scan', 'Scan'),
      unknown('generate', 'Generate barcodes'),
      ...WORKFLOWS.map((w) => unknown(w.id, w.label)),
      unknown('history', 'Scan history'),
      unknown('history-delete', 'Delete scan history'),
    ];
  }
  const who = roles.username || 'This user';
  // v291 barcode scan and generate need only a signed-in user (IsAuthenticated).
  const lines: CheckLine[] = [
    { id: 'scan', label: 'Scan', status: 'ready', detail: 'Any signed-in user may scan.' },
    {
      id: 'generate',
      label: 'Generate barcodes',
      status: 'ready',
      detail: 'Any signed-in user may generate barcodes.',
    },
  ];
  for (const w of WORKFLOWS) {
    const missing = w.needs.filter((n) => !has(roles, n));
    if (missing.length === 0) {
      lines.push({ id: w.id, label: w.label, status: 'ready', detail: `Has ${w.needs.map(needText).join(' and ')}.` });
    } else {
      lines.push({
        id: w.id,
        label: w.label,
        status: 'not-ready',
        detail: `${who} cannot ${w.what}: missing ${missing.map(needText).join(' and ')}.`,
        fix: `Give ${who}'s group the role ${missing.map(needText).join(' and ')} (Admin center → Users → Groups).`,
      });
    }
  }
  const staff = roles.is_staff === true || roles.is_superuser === true;
  lines.push({
    id: 'history',
    label: 'Scan history (store on/off)',
    status: staff ? 'ready' : 'not-ready',
    detail: staff
      ? 'Staff: may turn storing scans on or off and read every stored scan.'
      : `${who} may read the scan history, but only staff may turn storing scans on or off.`,
    ...(staff ? {} : { fix: `Mark ${who} as staff (Admin center → Users → Staff status).` }),
  });
  lines.push({
    id: 'history-delete',
    label: 'Delete scan history',
    status: staff ? 'ready' : 'not-ready',
    detail: staff
      ? 'Staff: may delete history rows.'
      : 'Only staff users may delete history rows (v291: IsStaffOrReadOnly).',
    ...(staff ? {} : { fix: `Mark ${who} as staff.` }),
  });
  return lines;
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
