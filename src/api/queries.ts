/**
 * React hooks over the API functions, taking the session from useApiSession() (connection/ provides
 * it). Reads are queries; writes are mutations that refresh what they change (lists, objects, history).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useApiSession, type Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import {
  bulkDeleteScanHistory,
  deleteScanHistoryEntry,
  linkBarcode,
  poAllocate,
  poReceive,
  scanBarcode,
  soAllocate,
  unlinkBarcode,
  type HistoryBulkDelete,
  type PoAllocateRequest,
  type PoReceiveRequest,
  type SoAllocateRequest,
} from './barcode.ts';
import {
  createPoLine,
  createShipment,
  LIST_PATHS,
  listPage,
  listLocations,
  listPoLines,
  listPurchaseOrders,
  listSalesOrders,
  listShipments,
  listSoLines,
  receivePurchaseOrder,
  type ListFn,
  type ListParams,
  type PoLineInput,
  type ReceiveInput,
  type ShipmentInput,
} from './lists.ts';
import { BARCODE_MODEL_INFO, modelForApiUrl, type BarcodeModel } from './models.ts';
import { loadObject, summarizeObject } from './objects.ts';
import { queryKeys } from './queryKeys.ts';
import { getServerInfo } from './serverInfo.ts';
import { getRoles } from './users.ts';
import { getGlobalSetting, getPluginSettings, INTERNAL_BARCODE_PLUGIN, setGlobalSetting } from './settings.ts';

/**
 * Retry policy for the QueryClient: never repeat an answer the server gave on purpose (4xx, parse),
 * retry network trouble and 502–504 twice.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return error.retryable && failureCount < 2;
  return failureCount < 1;
}

/** `GET /api/` for the current connection: name, API version (used by the server check). */
export function useServerInfo() {
  const { connection, connectionKey } = useApiSession();
  return useQuery({
    queryKey: queryKeys.serverInfo(connectionKey),
    queryFn: ({ signal }) => getServerInfo(connection, signal),
    staleTime: 5 * 60_000,
    enabled: connection.mode === 'demo' || !!connection.baseUrl,
  });
}

/** The signed-in user's roles (`GET /api/user/roles/`). */
export function useRoles() {
  const { connection, connectionKey, ready } = useApiSession();
  return useQuery({
    queryKey: queryKeys.roles(connectionKey),
    queryFn: ({ signal }) => getRoles(connection, signal),
    enabled: ready,
    staleTime: 5 * 60_000,
  });
}

/**
 * The object behind a match's api_url, with its card summary. Pass null to skip. Servers from API
 * v339 send the object as `instance` in the match: pass it to show the card without waiting.
 */
export function useObject(apiUrl: string | null | undefined, instance?: Record<string, unknown> | null) {
  const { connection, connectionKey, ready } = useApiSession();
  const hit = apiUrl ? modelForApiUrl(apiUrl) : null;
  return useQuery({
    queryKey: queryKeys.object(connectionKey, apiUrl ?? ''),
    queryFn: ({ signal }) => loadObject(connection, apiUrl as string, signal),
    enabled: ready && !!apiUrl,
    staleTime: 30_000,
    placeholderData: instance
      ? {
          model: hit?.model ?? null,
          pk: hit?.pk ?? null,
          data: instance,
          summary: summarizeObject(hit?.model ?? null, instance),
        }
      : undefined,
  });
}

/** Any list endpoint, one page. `enabled: false` to wait for a choice (e.g. the order). */
export function useList<T, F>(fn: ListFn<T, F>, path: string, params: ListParams<F> = {}, enabled = true) {
  const { connection, connectionKey, ready } = useApiSession();
  return useQuery({
    queryKey: queryKeys.list(connectionKey, path, params),
    queryFn: ({ signal }) => fn(connection, params, signal),
    enabled: ready && enabled,
    staleTime: 15_000,
    placeholderData: (prev) => prev,
  });
}

/** Detail flags so a list row carries the names its summary shows (a part's name for a stock item). */
const SEARCH_DETAIL: Partial<Record<BarcodeModel, Record<string, boolean>>> = {
  stockitem: { part_detail: true, location_detail: true },
  supplierpart: { part_detail: true, supplier_detail: true },
  manufacturerpart: { part_detail: true, manufacturer_detail: true },
  purchaseorder: { supplier_detail: true },
  salesorder: { customer_detail: true },
  returnorder: { customer_detail: true },
  build: { part_detail: true },
};

/** One page of objects of a barcode model matching `search` (all of them when empty). */
export function useObjectSearch(model: BarcodeModel, search: string, limit: number) {
  const path = BARCODE_MODEL_INFO[model].listPath;
  return useList(
    (conn, params, signal) => listPage<Record<string, unknown>>(conn, path, params as never, signal),
    path,
    { search: search || undefined, limit, filters: SEARCH_DETAIL[model] },
  );
}

type ParamsOf<Fn> = Fn extends ListFn<unknown, infer F> ? ListParams<F> : never;

export const useLocations = (p?: ParamsOf<typeof listLocations>, enabled = true) =>
  useList(listLocations, LIST_PATHS.locations, p, enabled);
export const usePurchaseOrders = (p?: ParamsOf<typeof listPurchaseOrders>, enabled = true) =>
  useList(listPurchaseOrders, LIST_PATHS.purchaseOrders, p, enabled);
export const usePoLines = (p?: ParamsOf<typeof listPoLines>, enabled = true) =>
  useList(listPoLines, LIST_PATHS.poLines, p, enabled);
export const useSalesOrders = (p?: ParamsOf<typeof listSalesOrders>, enabled = true) =>
  useList(listSalesOrders, LIST_PATHS.salesOrders, p, enabled);
export const useSoLines = (p?: ParamsOf<typeof listSoLines>, enabled = true) =>
  useList(listSoLines, LIST_PATHS.soLines, p, enabled);
export const useShipments = (p?: ParamsOf<typeof listShipments>, enabled = true) =>
  useList(listShipments, LIST_PATHS.shipments, p, enabled);

export function useGlobalSetting(key: string, enabled = true) {
  const { connection, connectionKey, ready } = useApiSession();
  return useQuery({
    queryKey: queryKeys.globalSetting(connectionKey, key),
    queryFn: ({ signal }) => getGlobalSetting(connection, key, signal),
    enabled: ready && enabled,
  });
}

export function usePluginSettings(plugin = INTERNAL_BARCODE_PLUGIN) {
  const { connection, connectionKey, ready } = useApiSession();
  return useQuery({
    queryKey: queryKeys.pluginSettings(connectionKey, plugin),
    queryFn: ({ signal }) => getPluginSettings(connection, plugin, signal),
    enabled: ready,
  });
}

/** After a write: refresh what it may have changed. */
function invalidateData(
  qc: QueryClient,
  ck: string,
  what: { lists?: boolean; objects?: boolean; history?: boolean; settings?: boolean },
) {
  if (what.lists) void qc.invalidateQueries({ queryKey: queryKeys.lists(ck) });
  if (what.objects) void qc.invalidateQueries({ queryKey: queryKeys.objects(ck) });
  if (what.history) void qc.invalidateQueries({ queryKey: queryKeys.histories(ck) });
  if (what.settings) void qc.invalidateQueries({ queryKey: [...queryKeys.all(ck), 'setting'] });
}

function useWrite<V, R>(fn: (conn: Connection, v: V) => Promise<R>, what: Parameters<typeof invalidateData>[2]) {
  const { connection, connectionKey } = useApiSession();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => fn(connection, v),
    onSettled: () => invalidateData(qc, connectionKey, what),
  });
}

/** Read lists and objects again after writes made outside a mutation (an undo from the session log). */
export function useRefreshData(): () => void {
  const { connectionKey } = useApiSession();
  const qc = useQueryClient();
  const ck = useRef(connectionKey);
  ck.current = connectionKey;
  return useCallback(() => invalidateData(qc, ck.current, { lists: true, objects: true, history: true }), [qc]);
}

/** Scans are written to history (when enabled server-side), nothing else changes. */
export const useScanMutation = () => useWrite((c, barcode: string) => scanBarcode(c, barcode), { history: true });
export const useLinkMutation = () =>
  useWrite((c, v: { barcode: string; model: BarcodeModel; pk: number }) => linkBarcode(c, v.barcode, v.model, v.pk), {
    objects: true,
    lists: true,
    history: true,
  });
export const useUnlinkMutation = () =>
  useWrite((c, v: { model: BarcodeModel; pk: number }) => unlinkBarcode(c, v.model, v.pk), {
    objects: true,
    lists: true,
  });
export const usePoAllocateMutation = () => useWrite((c, v: PoAllocateRequest) => poAllocate(c, v), { history: true });
export const usePoReceiveMutation = () =>
  useWrite((c, v: PoReceiveRequest) => poReceive(c, v), { lists: true, objects: true, history: true });
export const useSoAllocateMutation = () =>
  useWrite((c, v: SoAllocateRequest) => soAllocate(c, v), { lists: true, objects: true, history: true });
export const useReceivePurchaseOrder = () =>
  useWrite(
    (c, v: { orderId: number } & ReceiveInput) =>
      receivePurchaseOrder(c, v.orderId, { items: v.items, location: v.location }),
    { lists: true, objects: true },
  );
export const useCreatePoLine = () =>
  useWrite((c, v: PoLineInput) => createPoLine(c, v), { lists: true, objects: true });
export const useCreateShipment = () =>
  useWrite((c, v: ShipmentInput) => createShipment(c, v), { lists: true, objects: true });
export const useDeleteHistoryEntry = () =>
  useWrite((c, id: number) => deleteScanHistoryEntry(c, id), { history: true });
export const useBulkDeleteHistory = () =>
  useWrite((c, v: HistoryBulkDelete) => bulkDeleteScanHistory(c, v), { history: true });
export const useSetGlobalSetting = () =>
  useWrite((c, v: { key: string; value: string | number | boolean }) => setGlobalSetting(c, v.key, v.value), {
    settings: true,
  });
