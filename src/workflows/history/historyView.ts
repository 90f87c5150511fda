/**
 * History rows in words: workflow names for endpoints, the outcome message, failed barcodes grouped
 * ("seen 14 times, never matched") and a CSV of the current view. Pure; the page renders these.
 */
import type { ScanHistoryEntry } from '../../api/barcode.ts';
import { cleanServerText } from '../../api/errorMapping.ts';
import { betterLabel, classifyLabel, verdictOfBody, type LabelKind } from '../../api/labelKind.ts';
import { visibleText } from '../../scanner/visibleText.ts';
import { BARCODE_PATHS } from '../../api/barcodePaths.ts';
import { endpointName } from '../../api/workflowNames.ts';
import { i18n } from '../../i18n/i18n.ts';

/**
 * A history row as the generated schema types it (BarcodeScanResult), except that v291 sends
 * `user_detail: null` for a scan recorded without a user.
 */
export type HistoryRow = Omit<ScanHistoryEntry, 'user_detail'> & {
  readonly user_detail: ScanHistoryEntry['user_detail'] | null;
};

/** The workflow's one name ("Receive" for "/api/barcode/po-receive/"); unknown paths are shown as they are. */
export function endpointLabel(endpoint: string | null): string {
  if (!endpoint) return '—';
  return endpointName(endpointPath(endpoint)) ?? endpoint;
}

/** The endpoint's path with a trailing slash, whether InvenTree stored it with its host or not. */
function endpointPath(endpoint: string): string {
  const path = endpoint.replace(/^https?:\/\/[^/]+/i, '').split('?')[0] ?? '';
  return path.endsWith('/') ? path : `${path}/`;
}

export function userLabel(row: Pick<HistoryRow, 'user' | 'user_detail'>): string {
  const d = row.user_detail;
  if (d) {
    const full = `${d.first_name ?? ''} ${d.last_name ?? ''}`.trim();
    return full ? `${full} (${d.username})` : d.username;
  }
  return row.user === null ? '—' : i18n.t('wf-history:row.userId', { id: row.user });
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** What came of the scan, in one sentence: the server's success, error or action text, cleaned (as sent, never translated). */
export function outcomeText(row: Pick<HistoryRow, 'response' | 'result' | 'endpoint'>): string {
  const r = rec(row.response);
  const error = cleanServerText(r.error);
  if (error) return error;
  const success = cleanServerText(r.success);
  if (success) return success;
  const action = cleanServerText(r.action_required);
  if (action) return action;
  if (row.endpoint && endpointPath(row.endpoint) === BARCODE_PATHS.soAllocate && !row.result)
    return i18n.t('wf-history:row.nothingAllocated');
  return row.result ? i18n.t('wf-history:row.succeeded') : i18n.t('wf-history:row.failed');
}

/** What one stored scan's label is, from its data and the answer InvenTree stored with it. */
export function rowLabel(row: Pick<HistoryRow, 'data' | 'response' | 'result'>): LabelKind {
  return classifyLabel(row.data, verdictOfBody(row.response, row.result));
}

/** A failed scan with no object behind it. */
export function isUnmatched(row: Pick<HistoryRow, 'response' | 'result'>): boolean {
  if (row.result) return false;
  const error = cleanServerText(rec(row.response).error);
  return /^No match|^No matching plugin|^No plugin match/i.test(error);
}

/** "2026-11-27 00:29" (server time, minute precision, no zone) → sortable epoch ms, or NaN. */
export function timestampMs(ts: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(ts);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/**
 * The stored server time as a local Date with the same wall-clock digits, for the date formatters
 * (the server sends no zone: 00:29 is shown as 00:29, in the reader's date style); null when unreadable.
 */
export function serverWallClock(ts: string): Date | null {
  const ms = timestampMs(ts);
  if (Number.isNaN(ms)) return null;
  const u = new Date(ms);
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes());
}

export interface FailureGroup {
  data: string;
  failures: number;
  /** Successful scans of the same data in the rows looked at. */
  matches: number;
  lastSeen: string;
  endpoints: string[];
  users: string[];
  lastError: string;
  /** Every scan in the group had no match at all. */
  unmatched: boolean;
  /** What the label is, as the most telling of its stored answers says (historyKinds.ts). */
  label: LabelKind;
}

/**
 * Failed rows grouped by barcode data, most frequent first. `successes` are rows with result=true
 * from the same period, so a group can say whether the barcode ever matched.
 */
export function groupFailures(
  failures: HistoryRow[],
  successes: HistoryRow[] = [],
  labelOf: (row: HistoryRow) => LabelKind = rowLabel,
): FailureGroup[] {
  const matched = new Map<string, number>();
  for (const s of successes) if (s.result) matched.set(s.data, (matched.get(s.data) ?? 0) + 1);
  const groups = new Map<string, FailureGroup & { newest: number }>();
  for (const row of failures) {
    if (row.result) continue;
    const at = timestampMs(row.timestamp);
    let g = groups.get(row.data);
    if (!g) {
      g = {
        data: row.data,
        failures: 0,
        matches: matched.get(row.data) ?? 0,
        lastSeen: row.timestamp,
        endpoints: [],
        users: [],
        lastError: outcomeText(row),
        unmatched: true,
        label: labelOf(row),
        newest: at,
      };
      groups.set(row.data, g);
    } else {
      // Rows come newest first: a later row in the list is an older scan.
      const label = labelOf(row);
      g.label = at > g.newest ? betterLabel(g.label, label) : betterLabel(label, g.label);
    }
    g.failures += 1;
    if (!(at <= g.newest)) {
      g.newest = at;
      g.lastSeen = row.timestamp;
      g.lastError = outcomeText(row);
    }
    const ep = endpointLabel(row.endpoint);
    if (!g.endpoints.includes(ep)) g.endpoints.push(ep);
    const user = userLabel(row);
    if (!g.users.includes(user)) g.users.push(user);
    if (!isUnmatched(row)) g.unmatched = false;
  }
  return [...groups.values()]
    .sort((a, b) => b.failures - a.failures || b.newest - a.newest || (a.data < b.data ? -1 : 1))
    .map(({ newest: _n, ...g }) => {
      void _n;
      return g;
    });
}

/** "seen 14 times, never matched" / "seen 3 times, matched 2 times". */
export function groupSentence(g: Pick<FailureGroup, 'failures' | 'matches'>): string {
  const seen = i18n.t('wf-history:groups.seenTimes', { count: g.failures });
  if (g.matches === 0) return i18n.t('wf-history:groups.neverMatched', { seen });
  return i18n.t('wf-history:groups.matched', { seen, count: g.matches });
}

/** One CSV cell (RFC 4180), guarded so a spreadsheet never runs barcode data as a formula. */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export const CSV_COLUMNS = ['id', 'timestamp', 'user', 'workflow', 'endpoint', 'result', 'barcode', 'outcome'] as const;

/**
 * The rows as CSV; column names, result values and timestamps stay machine-readable (the same in
 * every language), the words (workflow, outcome) are the reader's. Control characters in barcodes are written as visible stand-ins (␝) so the file stays one row per scan. */
export function historyCsv(rows: HistoryRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        String(r.pk),
        r.timestamp,
        r.user_detail?.username ?? (r.user === null ? '' : String(r.user)),
        endpointLabel(r.endpoint),
        r.endpoint ?? '',
        r.result ? 'success' : 'failure',
        visibleText(r.data),
        outcomeText(r),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
