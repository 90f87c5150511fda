// Writing scan history rows (common.BarcodeScanResult) the way v291's `log_scan` does
// (BEHAVIOUR.md 2.8). Every barcode endpoint that logs, SIM-ORDERS' ones included, calls logScan.
import { BARCODE_HISTORY_MAX_DEFAULT } from './historyConstants';
import { pyRepr, pyStr } from './pyRepr';
import { SimulatedServerError } from './serverError';
import { globalSettingBool, globalSettingInt } from './settingsStore';
import type { HistoryRow, UserRow } from './store';
import type { Simulation } from './simulation';

export interface ScanLogInput {
  user: UserRow;
  /** Request path, e.g. `/api/barcode/po-receive/`. */
  endpoint: string;
  /** The parsed JSON request body as sent (the raw, untrimmed barcode is logged). */
  body: unknown;
  /** Query parameters of the request (they go into `context` before the body's keys). */
  query?: URLSearchParams;
  /**
   * The response dict; each top-level value is logged with Python str(). For serializer failures
   * pass `{error: fieldErrors}` built from ErrorDetail objects (pyRepr gives their repr).
   */
  response: Record<string, unknown> | null;
  result: boolean;
}

const MAX_DATA_LENGTH = 250;

function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value;
}

/** The `data` column: the raw barcode cut to 250 characters; crashes like v291 on non-strings. */
function historyData(body: Record<string, unknown>): string {
  if (!('barcode' in body)) return '';
  const raw = body.barcode;
  if (typeof raw === 'string') return Array.from(raw).slice(0, MAX_DATA_LENGTH).join('');
  if (Array.isArray(raw) || (raw !== null && typeof raw === 'object')) return pyRepr(raw);
  // len() of an int/float/bool/None raises TypeError (BEHAVIOUR.md 2.8 edge case).
  throw new SimulatedServerError('TypeError', `object of type '${pyTypeName(raw)}' has no len()`);
}

/** Logs one scan if BARCODE_STORE_RESULTS is on, then prunes to BARCODE_RESULTS_MAX_NUM. */
export function logScan(sim: Simulation, input: ScanLogInput): void {
  const store = sim.store;
  if (!globalSettingBool(store, 'BARCODE_STORE_RESULTS')) return;

  if (input.body === null || typeof input.body !== 'object' || Array.isArray(input.body)) {
    // `{**request.data}` of a non-dict body raises in v291.
    const typeName = Array.isArray(input.body) ? 'list' : pyTypeName(input.body);
    throw new SimulatedServerError('TypeError', `'${typeName}' object is not a mapping`);
  }
  const body = input.body as Record<string, unknown>;

  const context: Record<string, string> = {};
  input.query?.forEach((value, key) => {
    context[key] = value;
  });
  for (const [key, value] of Object.entries(body)) context[key] = pyStr(value);
  delete context.barcode;

  const response: Record<string, string> | null = input.response
    ? Object.fromEntries(Object.entries(input.response).map(([k, v]) => [k, pyStr(v)]))
    : null;

  const data = historyData(body);
  store.history.insert((pk): HistoryRow => ({
    pk,
    data,
    timestamp: sim.now().getTime(),
    endpoint: input.endpoint,
    context,
    response,
    result: input.result,
    user: input.user.pk,
  }));
  pruneHistory(sim);
}

/** Deletes the oldest rows (by timestamp, then pk) beyond BARCODE_RESULTS_MAX_NUM. */
export function pruneHistory(sim: Simulation): void {
  const max = Math.max(1, globalSettingInt(sim.store, 'BARCODE_RESULTS_MAX_NUM', BARCODE_HISTORY_MAX_DEFAULT));
  const rows = sim.store.history.all().sort((a, b) => a.timestamp - b.timestamp || a.pk - b.pk);
  for (const row of rows.slice(0, Math.max(0, rows.length - max))) sim.store.history.delete(row.pk);
}
