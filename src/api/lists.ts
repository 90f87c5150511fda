/**
 * Paged list readers for the objects the workflows pick from, plus the few non-barcode writes the
 * workflows need (receive a PO line, add a PO line, create a shipment).
 *
 * Every list call sends `limit`, so InvenTree answers `{count, next, previous, results}` (without
 * `limit` it answers a bare array); `toPage` accepts both anyway.
 */
import type { Connection } from './apiConnection.ts';
import { apiRequest, type QueryValue } from './http.ts';
import { toPage, type Page } from './barcode.ts';
import type { components, operations } from './schema/inventree.d.ts';

type Schemas = components['schemas'];
type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
/** `*_detail=true` flags: not in the OpenAPI file, but v291 honours them (dataset notes). */
type DetailFlags = { [flag: `${string}_detail`]: boolean | undefined };

export type Part = Schemas['Part'];
export type StockItem = Schemas['StockItem'];
export type StockLocation = Schemas['Location'];
export type Company = Schemas['Company'];
export type SupplierPart = Schemas['SupplierPart'];
export type ManufacturerPart = Schemas['ManufacturerPart'];
export type PurchaseOrder = Schemas['PurchaseOrder'];
export type PurchaseOrderLine = Schemas['PurchaseOrderLineItem'];
export type SalesOrder = Schemas['SalesOrder'];
export type SalesOrderLine = Schemas['SalesOrderLineItem'];
export type SalesOrderShipment = Schemas['SalesOrderShipment'];
export type SalesOrderAllocation = Schemas['SalesOrderAllocation'];
export type Build = Schemas['Build'];
export type ReturnOrder = Schemas['ReturnOrder'];

/** InvenTree order status codes used by the barcode workflows. */
export const PO_STATUS = {
  pending: 10,
  placed: 20,
  onHold: 25,
  complete: 30,
  cancelled: 40,
  lost: 50,
  returned: 60,
} as const;
export const SO_STATUS = { pending: 10, inProgress: 15, shipped: 20, onHold: 25, complete: 30, cancelled: 40 } as const;

export interface ListParams<F> {
  limit?: number;
  offset?: number;
  search?: string;
  ordering?: string;
  /** Endpoint filters (typed from the OpenAPI schema) and `*_detail` flags. */
  filters?: F;
}

export type ListFn<T, F> = (conn: Connection, params?: ListParams<F>, signal?: AbortSignal) => Promise<Page<T>>;

export const DEFAULT_PAGE_SIZE = 25;

/** One page of any list endpoint. */
export async function listPage<T>(
  conn: Connection,
  path: string,
  params: ListParams<Record<string, QueryValue | QueryValue[]>> = {},
  signal?: AbortSignal,
): Promise<Page<T>> {
  const query: Record<string, QueryValue | QueryValue[]> = {
    ...(params.filters ?? {}),
    limit: params.limit ?? DEFAULT_PAGE_SIZE,
    offset: params.offset ?? 0,
    search: params.search?.trim() || undefined,
    ordering: params.ordering,
  };
  const body = await apiRequest<unknown>(conn, { path, query, signal });
  return toPage<T>(body);
}

function lister<T, Op extends keyof operations>(path: string): ListFn<T, QueryOf<Op> & DetailFlags> {
  return (conn, params = {}, signal) =>
    listPage<T>(conn, path, params as ListParams<Record<string, QueryValue | QueryValue[]>>, signal);
}

export const LIST_PATHS = {
  parts: '/api/part/',
  stockItems: '/api/stock/',
  locations: '/api/stock/location/',
  companies: '/api/company/',
  supplierParts: '/api/company/part/',
  manufacturerParts: '/api/company/part/manufacturer/',
  purchaseOrders: '/api/order/po/',
  poLines: '/api/order/po-line/',
  salesOrders: '/api/order/so/',
  soLines: '/api/order/so-line/',
  shipments: '/api/order/so/shipment/',
  allocations: '/api/order/so-allocation/',
  builds: '/api/build/',
  returnOrders: '/api/order/ro/',
} as const;

export const listParts = lister<Part, 'part_list'>(LIST_PATHS.parts);
export const listStockItems = lister<StockItem, 'stock_list'>(LIST_PATHS.stockItems);
export const listLocations = lister<StockLocation, 'stock_location_list'>(LIST_PATHS.locations);
export const listCompanies = lister<Company, 'company_list'>(LIST_PATHS.companies);
export const listSupplierParts = lister<SupplierPart, 'company_part_list'>(LIST_PATHS.supplierParts);
export const listManufacturerParts = lister<ManufacturerPart, 'company_part_manufacturer_list'>(
  LIST_PATHS.manufacturerParts,
);
export const listPurchaseOrders = lister<PurchaseOrder, 'order_po_list'>(LIST_PATHS.purchaseOrders);
export const listPoLines = lister<PurchaseOrderLine, 'order_po_line_list'>(LIST_PATHS.poLines);
export const listSalesOrders = lister<SalesOrder, 'order_so_list'>(LIST_PATHS.salesOrders);
export const listSoLines = lister<SalesOrderLine, 'order_so_line_list'>(LIST_PATHS.soLines);
export const listShipments = lister<SalesOrderShipment, 'order_so_shipment_list'>(LIST_PATHS.shipments);
export const listAllocations = lister<SalesOrderAllocation, 'order_so_allocation_list'>(LIST_PATHS.allocations);
export const listBuilds = lister<Build, 'build_list'>(LIST_PATHS.builds);
export const listReturnOrders = lister<ReturnOrder, 'order_ro_list'>(LIST_PATHS.returnOrders);

/** One line to receive through `POST /api/order/po/{id}/receive/`. */
export interface ReceiveLineInput {
  line_item: number;
  /** Decimal as a string or number. */
  quantity: string | number;
  location?: number | null;
  batch_code?: string;
  serial_numbers?: string;
  status?: number;
  packaging?: string;
  note?: string;
  /** Store this barcode on the new stock item, so the same label scans as "already received". */
  barcode?: string | null;
}

export interface ReceiveInput {
  items: ReceiveLineInput[];
  /** Fallback destination for lines without their own. */
  location?: number | null;
}

/** POST /api/order/po/{id}/receive/ — receive lines by hand (after po-receive said action_required). */
export async function receivePurchaseOrder(
  conn: Connection,
  orderId: number,
  input: ReceiveInput,
  signal?: AbortSignal,
): Promise<unknown> {
  const items = input.items.map((i) => ({ ...i, quantity: String(i.quantity) }));
  return apiRequest<unknown>(conn, {
    method: 'POST',
    path: `/api/order/po/${orderId}/receive/`,
    body: { ...input, items },
    signal,
  });
}

export interface PoLineInput {
  order: number;
  /** Supplier part pk (InvenTree calls the field `part`). */
  part: number;
  quantity: number;
  reference?: string;
  destination?: number | null;
  notes?: string;
}

/** POST /api/order/po-line/ — add a supplier part to a pending purchase order. Answers 201 with the line. */
export async function createPoLine(
  conn: Connection,
  input: PoLineInput,
  signal?: AbortSignal,
): Promise<PurchaseOrderLine> {
  return apiRequest<PurchaseOrderLine>(conn, { method: 'POST', path: LIST_PATHS.poLines, body: input, signal });
}

export interface ShipmentInput {
  order: number;
  reference: string;
  tracking_number?: string;
  invoice_number?: string;
  link?: string;
  notes?: string;
}

/** POST /api/order/so/shipment/ — open a shipment on a sales order (so-allocate needs one). Answers 201. */
export async function createShipment(
  conn: Connection,
  input: ShipmentInput,
  signal?: AbortSignal,
): Promise<SalesOrderShipment> {
  return apiRequest<SalesOrderShipment>(conn, { method: 'POST', path: LIST_PATHS.shipments, body: input, signal });
}

/** GET one object of any kind by its detail path. */
export async function getDetail<T>(
  conn: Connection,
  path: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  return apiRequest<T>(conn, { path, query, signal });
}
