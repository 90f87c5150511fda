/**
 * What the history table asks the server for. Pure, so the rule "never send `search` or
 * `ordering=plugin` to a v291 server" (both are 500 there, BEHAVIOUR 2.8) is tested in one place.
 *
 * Barcode text cannot be searched on v291, so a text filter fetches one large window of the newest
 * rows that match the server-side filters and filters and pages it on the client (and the page says
 * so). Servers newer than 291 are asked to search, unless they have already failed at it.
 */

export type HistorySortColumn = 'timestamp' | 'user' | 'endpoint' | 'result';
export type ResultFilter = 'all' | 'success' | 'failure';

export interface HistoryView {
  /** 1-based page number. */
  page: number;
  pageSize: number;
  sort: { column: HistorySortColumn; direction: 'asc' | 'desc' };
  result: ResultFilter;
  user: number | null;
  /** Barcode text to look for (case-insensitive, control characters ignored). */
  text: string;
}

export const SORTABLE_COLUMNS: readonly HistorySortColumn[] = ['timestamp', 'user', 'endpoint', 'result'];
export const PAGE_SIZES = [10, 25, 50, 100] as const;
/** How many of the newest rows a client-side text filter looks through. */
export const CLIENT_FILTER_WINDOW = 2000;

export const DEFAULT_VIEW: HistoryView = {
  page: 1,
  pageSize: 25,
  sort: { column: 'timestamp', direction: 'desc' },
  result: 'all',
  user: null,
  text: '',
};

export interface ServerAbilities {
  apiVersion: number | null;
  /** A newer server answered a search with an error once: stop asking it to search. */
  searchFailed?: boolean;
}

/** v291 crashes on any search (its search field `plugin` does not exist). Only newer servers are asked. */
export function canSearchOnServer(server: ServerAbilities): boolean {
  return server.apiVersion !== null && server.apiVersion > 291 && !server.searchFailed;
}

export type HistoryParams = Record<string, string | number | boolean>;

export interface HistoryRequestPlan {
  /** Query string values for `GET /api/barcode/history/`. */
  params: HistoryParams;
  /** Text to filter rows by on the client; null when the server did it or there is none. */
  clientText: string | null;
  /** When filtering on the client: which slice of the filtered rows to show. */
  clientSlice: { start: number; end: number } | null;
}

/** `ordering=` value: only the four columns v291 can order by, `-` for descending. */
export function orderingParam(sort: HistoryView['sort']): string {
  const column = SORTABLE_COLUMNS.includes(sort.column) ? sort.column : 'timestamp';
  return sort.direction === 'desc' ? `-${column}` : column;
}

/** The server-side filters (also the `filters` of a bulk delete "everything matching"). */
export function serverFilters(view: Pick<HistoryView, 'result' | 'user'>): HistoryParams {
  const f: HistoryParams = {};
  if (view.result !== 'all') f.result = view.result === 'success';
  if (view.user !== null) f.user = view.user;
  return f;
}

export function planHistoryRequest(view: HistoryView, server: ServerAbilities): HistoryRequestPlan {
  const pageSize = Math.max(1, Math.floor(view.pageSize));
  const page = Math.max(1, Math.floor(view.page));
  const text = view.text.trim();
  const base: HistoryParams = { ...serverFilters(view), ordering: orderingParam(view.sort) };
  if (text && !canSearchOnServer(server)) {
    const start = (page - 1) * pageSize;
    return {
      params: { ...base, limit: CLIENT_FILTER_WINDOW, offset: 0 },
      clientText: text,
      clientSlice: { start, end: start + pageSize },
    };
  }
  const params: HistoryParams = { ...base, limit: pageSize, offset: (page - 1) * pageSize };
  if (text) params.search = text;
  return { params, clientText: null, clientSlice: null };
}

/** Control characters (GS, RS, EOT…) are ignored when matching, as InvenTree's barcode hash ignores them. */
function normalise(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').toLowerCase();
}

export function matchesText(data: string, text: string): boolean {
  const needle = normalise(text.trim());
  return needle === '' || normalise(data).includes(needle);
}

/** Apply a plan's client-side part to the rows the server returned. */
export function applyClientFilter<T extends { data: string }>(
  rows: T[],
  plan: HistoryRequestPlan,
): { rows: T[]; total: number } {
  if (plan.clientText === null) return { rows, total: rows.length };
  const hits = rows.filter((r) => matchesText(r.data, plan.clientText as string));
  const slice = plan.clientSlice ?? { start: 0, end: hits.length };
  return { rows: hits.slice(slice.start, slice.end), total: hits.length };
}
