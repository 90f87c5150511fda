/**
 * Data for the history page: the current page (planned by historyQuery.ts), the users to filter by,
 * and the failure windows for grouping. Rows are the generated schema's BarcodeScanResult (HistoryRow). Reads go through apiRequest so the plan's exact parameters
 * (including `search` for newer servers) reach the server; keys sit under the API's history key so
 * every history write refreshes them.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApiSession } from '../../api/apiConnection.ts';
import { BARCODE_PATHS, toPage, type Page } from '../../api/barcode.ts';
import { apiRequest } from '../../api/http.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { applyClientFilter, planHistoryRequest, type HistoryView, type ServerAbilities } from './historyQuery.ts';
import type { HistoryRow } from './historyView.ts';

const HISTORY_PATH = BARCODE_PATHS.history;

export interface HistoryPageData {
  rows: HistoryRow[];
  total: number;
  /** The text filter ran on the client over the newest rows (v291 cannot search). */
  clientFiltered: boolean;
  /** When filtering on the client: how many rows were looked through, of how many. */
  window: { looked: number; of: number } | null;
  /** When filtering on the client: every matching row's id (for "delete all matching"). */
  hitPks: number[] | null;
}

export function useHistoryPage(view: HistoryView, abilities: ServerAbilities) {
  const { connection, connectionKey, ready } = useApiSession();
  const plan = planHistoryRequest(view, abilities);
  return useQuery({
    queryKey: [...queryKeys.histories(connectionKey), 'page', plan.params, plan.clientText, plan.clientSlice],
    queryFn: async ({ signal }): Promise<HistoryPageData> => {
      const body = await apiRequest<unknown>(connection, { path: HISTORY_PATH, query: plan.params, signal });
      const page: Page<HistoryRow> = toPage<HistoryRow>(body);
      if (plan.clientText === null)
        return { rows: page.results, total: page.count, clientFiltered: false, window: null, hitPks: null };
      const { rows, total } = applyClientFilter(page.results, plan);
      const hitPks = applyClientFilter(page.results, { ...plan, clientSlice: null }).rows.map((r) => r.pk);
      return { rows, total, clientFiltered: true, window: { looked: page.results.length, of: page.count }, hitPks };
    },
    enabled: ready,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

/** Rows with one result, newest first, up to `limit` (for grouping failures). */
export function useHistoryWindow(result: boolean, limit: number, enabled: boolean) {
  const { connection, connectionKey, ready } = useApiSession();
  return useQuery({
    queryKey: [...queryKeys.histories(connectionKey), 'window', result, limit],
    queryFn: async ({ signal }) =>
      toPage<HistoryRow>(
        await apiRequest<unknown>(connection, {
          path: HISTORY_PATH,
          query: { result, limit, offset: 0, ordering: '-timestamp' },
          signal,
        }),
      ),
    enabled: enabled && ready,
    staleTime: 5_000,
  });
}

export interface UserChoice {
  pk: number;
  username: string;
}

/** Users to filter by (`GET /api/user/`). */
export function useUserChoices() {
  const { connection, connectionKey, ready } = useApiSession();
  return useQuery({
    queryKey: [...queryKeys.all(connectionKey), 'users'],
    queryFn: async ({ signal }) => {
      const page = toPage<Record<string, unknown>>(
        await apiRequest<unknown>(connection, { path: '/api/user/', query: { limit: 200, offset: 0 }, signal }),
      );
      return page.results
        .filter((u) => typeof u.pk === 'number' && typeof u.username === 'string')
        .map((u) => ({ pk: u.pk as number, username: u.username as string }));
    },
    enabled: ready,
    staleTime: 5 * 60_000,
  });
}
