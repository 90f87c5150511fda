/**
 * React hooks over the API functions, taking the connection from useConnection(). Reads are
 * queries; writes are mutations that refresh what they change (lists, objects, history).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useConnection } from '../connection/useConnection.ts';
import { ApiError } from './apiError.ts';
import {
  bulkDeleteScanHistory,
  deleteScanHistoryEntry,
  generateBarcode,
  getScanHistoryEntry,
  linkBarcode,
  listScanHistory,
  poAllocate,
  poReceive,
  scanBarcode,
  soAllocate,
  unlinkBarcode,
  type HistoryBulkDelete,
  type HistoryQuery,
  type PoAllocateRequest,
  type PoReceiveRequest,
  type SoAllocateRequest,
} from './barcode.ts';
import {
  createPoLine,
  createShipment,
  LIST_PATHS,
  listAllocations,
  listBuilds,
  listCompanies,
  listLocations,
  listManufacturerParts,
  listParts,
  listPoLines,
  listPurchaseOrders,
  listReturnOrders,
  listSalesOrders,
  listShipments,
  listSoLines,
  listStockItems,
  listSupplierParts,
  receivePurchaseOrder,
  type ListFn,
  type ListParams,
  type PoLineInput,
  type ReceiveInput,
  type ShipmentInput,
} from './lists.ts';
import { modelForApiUrl, type BarcodeModel } from './models.ts';
import { loadObject, summarizeObject } from './objects.ts';
import { queryKeys } from './queryKeys.ts';
import { getServerInfo } from './serverInfo.ts';
import { getGlobalSetting, getPluginSettings, INTERNAL_BARCODE_PLUGIN, setGlobalSetting, setPluginSetting } from './settings.ts';
import { getMe, getRoles, hasRoleRight, type RoleRight } from './users.ts';

/**
 * Retry policy for the QueryClient: never repeat an answer the server gave on purpose (4xx, parse),
 * retry network trouble and 502–504 twice.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return error.retryable && failureCount < 2;
  return failureCount < 1;
}

function useSignedIn() {
  const c = useConnection();
  return { ...c, ready: c.status === 'signed-in' && !!c.connection.token };
}

export function useServerInfo() {
  const { connection, connectionKey } = useConnection();
  return useQuery({
    queryKey: queryKeys.serverInfo(connectionKey),
    queryFn: ({ signal }) => getServerInfo({ ...connection, token: connection.token }, signal),
    staleTime: 5 * 60_000,
    enabled: connection.mode === 'demo' || !!connection.baseUrl,
  });
}

export function useMe() {
  const { connection, connectionKey, ready } = useSignedIn();
  return useQuery({ queryKey: queryKeys.me(connectionKey), queryFn: ({ signal }) => getMe(connection, signal), enabled: ready, staleTime: 5 * 60_000 });
}

export function useRoles() {
  const { connection, connectionKey, ready } = useSignedIn();
  return useQuery({ queryKey: queryKeys.roles(connectionKey), queryFn: ({ signal }) => getRoles(connection, signal), enabled: ready, staleTime: 5 * 60_000 });
}

/**
 * The object behind a match's api_url, with its card summary. Pass null to skip. Servers from API
 * v339 send the object as `instance` in the match: pass it to show the card without waiting.
 */
export function useObject(apiUrl: string | null | undefined, instance?: Record<string, unknown> | null) {
  const { connection, connectionKey, ready } = useSignedIn();
  const hit = apiUrl ? modelForApiUrl(apiUrl) : null;
  return useQuery({
    queryKey: queryKeys.object(connectionKey, apiUrl ?? ''),
    queryFn: ({ signal }) => loadObject(connection, apiUrl as string, signal),
    enabled: ready && !!apiUrl,
    staleTime: 30_000,
    placeholderData: instance
      ? { model: hit?.model ?? null, pk: hit?.pk ?? null, data: instance, summary: summarizeObject(hit?.model ?? null, instance) }
      : undefined,
  });
}

/** Does the signed-in user hold `right` on InvenTree role `role`? undefined while loading. */
export function useRoleRight(role: string, right: RoleRight): boolean | undefined {
  const roles = useRoles();
  return roles.data ? hasRoleRight(roles.data, role, right) : undefined;
}

/** Any list endpoint, one page. `enabled: false` to wait for a choice (e.g. the order). */
export function useList<T, F>(fn: ListFn<T, F>, path: string, params: ListParams<F> = {}, enabled = true) {
  const { connection, connectionKey, ready } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.list(connectionKey, path, params),
    queryFn: ({ signal }) => fn(connection, params, signal),
    enabled: ready && enabled,
    staleTime: 15_000,
    placeholderData: (prev) => prev,
  });
}

type ParamsOf<Fn> = Fn extends ListFn<unknown, infer F> ? ListParams<F> : never;

export const useParts = (p?: ParamsOf<typeof listParts>, enabled = true) => useList(listParts, LIST_PATHS.parts, p, enabled);
export const useStockItems = (p?: ParamsOf<typeof listStockItems>, enabled = true) => useList(listStockItems, LIST_PATHS.stockItems, p, enabled);
export const useLocations = (p?: ParamsOf<typeof listLocations>, enabled = true) => useList(listLocations, LIST_PATHS.locations, p, enabled);
export const useCompanies = (p?: ParamsOf<typeof listCompanies>, enabled = true) => useList(listCompanies, LIST_PATHS.companies, p, enabled);
export const useSupplierParts = (p?: ParamsOf<typeof listSupplierParts>, enabled = true) => useList(listSupplierParts, LIST_PATHS.supplierParts, p, enabled);
export const useManufacturerParts = (p?: ParamsOf<typeof listManufacturerParts>, enabled = true) =>
  useList(listManufacturerParts, LIST_PATHS.manufacturerParts, p, enabled);
export const usePurchaseOrders = (p?: ParamsOf<typeof listPurchaseOrders>, enabled = true) => useList(listPurchaseOrders, LIST_PATHS.purchaseOrders, p, enabled);
export const usePoLines = (p?: ParamsOf<typeof listPoLines>, enabled = true) => useList(listPoLines, LIST_PATHS.poLines, p, enabled);
export const useSalesOrders = (p?: ParamsOf<typeof listSalesOrders>, enabled = true) => useList(listSalesOrders, LIST_PATHS.salesOrders, p, enabled);
export const useSoLines = (p?: ParamsOf<typeof listSoLines>, enabled = true) => useList(listSoLines, LIST_PATHS.soLines, p, enabled);
export const useShipments = (p?: ParamsOf<typeof listShipments>, enabled = true) => useList(listShipments, LIST_PATHS.shipments, p, enabled);
export const useAllocations = (p?: ParamsOf<typeof listAllocations>, enabled = true) => useList(listAllocations, LIST_PATHS.allocations, p, enabled);
export const useBuilds = (p?: ParamsOf<typeof listBuilds>, enabled = true) => useList(listBuilds, LIST_PATHS.builds, p, enabled);
export const useReturnOrders = (p?: ParamsOf<typeof listReturnOrders>, enabled = true) => useList(listReturnOrders, LIST_PATHS.returnOrders, p, enabled);

export function useScanHistory(q: HistoryQuery = {}, enabled = true) {
  const { connection, connectionKey, ready } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.history(connectionKey, q),
    queryFn: ({ signal }) => listScanHistory(connection, q, signal),
    enabled: ready && enabled,
    placeholderData: (prev) => prev,
  });
}

export function useScanHistoryEntry(id: number | null | undefined) {
  const { connection, connectionKey, ready } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.historyEntry(connectionKey, id ?? -1),
    queryFn: ({ signal }) => getScanHistoryEntry(connection, id as number, signal),
    enabled: ready && typeof id === 'number',
  });
}

export function useGlobalSetting(key: string, enabled = true) {
  const { connection, connectionKey, ready } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.globalSetting(connectionKey, key),
    queryFn: ({ signal }) => getGlobalSetting(connection, key, signal),
    enabled: ready && enabled,
  });
}

export function usePluginSettings(plugin = INTERNAL_BARCODE_PLUGIN) {
  const { connection, connectionKey, ready } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.pluginSettings(connectionKey, plugin),
    queryFn: ({ signal }) => getPluginSettings(connection, plugin, signal),
    enabled: ready,
  });
}

/** The barcode text InvenTree generates for an object (changes with the plugin's format setting). */
export function useGeneratedBarcode(model: BarcodeModel | null | undefined, pk: number | null | undefined) {
  const { connection, connectionKey, ready } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.generated(connectionKey, (model ?? 'part') as BarcodeModel, pk ?? -1),
    queryFn: ({ signal }) => generateBarcode(connection, model as BarcodeModel, pk as number, signal),
    enabled: ready && !!model && typeof pk === 'number',
  });
}

/** After a write: refresh what it may have changed. */
function invalidateData(qc: QueryClient, ck: string, what: { lists?: boolean; objects?: boolean; history?: boolean; settings?: boolean }) {
  if (what.lists) void qc.invalidateQueries({ queryKey: queryKeys.lists(ck) });
  if (what.objects) void qc.invalidateQueries({ queryKey: queryKeys.objects(ck) });
  if (what.history) void qc.invalidateQueries({ queryKey: queryKeys.histories(ck) });
  if (what.settings) {
    void qc.invalidateQueries({ queryKey: [...queryKeys.all(ck), 'setting'] });
    void qc.invalidateQueries({ queryKey: [...queryKeys.all(ck), 'generate'] });
  }
}

function useWrite<V, R>(fn: (conn: ReturnType<typeof useConnection>['connection'], v: V) => Promise<R>, what: Parameters<typeof invalidateData>[2]) {
  const { connection, connectionKey } = useConnection();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => fn(connection, v),
    onSettled: () => invalidateData(qc, connectionKey, what),
  });
}

/** Scans are written to history (when enabled server-side), nothing else changes. */
export const useScanMutation = () => useWrite((c, barcode: string) => scanBarcode(c, barcode), { history: true });
export const useLinkMutation = () =>
  useWrite((c, v: { barcode: string; model: BarcodeModel; pk: number }) => linkBarcode(c, v.barcode, v.model, v.pk), { objects: true, lists: true, history: true });
export const useUnlinkMutation = () =>
  useWrite((c, v: { model: BarcodeModel; pk: number }) => unlinkBarcode(c, v.model, v.pk), { objects: true, lists: true });
export const usePoAllocateMutation = () => useWrite((c, v: PoAllocateRequest) => poAllocate(c, v), { history: true });
export const usePoReceiveMutation = () => useWrite((c, v: PoReceiveRequest) => poReceive(c, v), { lists: true, objects: true, history: true });
export const useSoAllocateMutation = () => useWrite((c, v: SoAllocateRequest) => soAllocate(c, v), { lists: true, objects: true, history: true });
export const useReceivePurchaseOrder = () =>
  useWrite((c, v: { orderId: number } & ReceiveInput) => receivePurchaseOrder(c, v.orderId, { items: v.items, location: v.location }), { lists: true, objects: true });
export const useCreatePoLine = () => useWrite((c, v: PoLineInput) => createPoLine(c, v), { lists: true, objects: true });
export const useCreateShipment = () => useWrite((c, v: ShipmentInput) => createShipment(c, v), { lists: true, objects: true });
export const useDeleteHistoryEntry = () => useWrite((c, id: number) => deleteScanHistoryEntry(c, id), { history: true });
export const useBulkDeleteHistory = () => useWrite((c, v: HistoryBulkDelete) => bulkDeleteScanHistory(c, v), { history: true });
export const useSetGlobalSetting = () =>
  useWrite((c, v: { key: string; value: string | number | boolean }) => setGlobalSetting(c, v.key, v.value), { settings: true });
export const useSetPluginSetting = () =>
  useWrite((c, v: { plugin?: string; key: string; value: string | number | boolean | null }) => setPluginSetting(c, v.plugin ?? INTERNAL_BARCODE_PLUGIN, v.key, v.value), {
    settings: true,
    lists: true,
  });
