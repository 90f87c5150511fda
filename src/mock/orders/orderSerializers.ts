// v291 response shapes of the order models (purchase orders, PO lines, sales orders, SO lines,
// shipments, allocations), built from the stored rows plus the values InvenTree annotates at query
// time (line counts, overdue, allocated, ...). Key order follows the recorded responses.
import { isoDate } from '../auth';
import type {
  CompanyRow,
  PartRow,
  PurchaseOrderLineRow,
  PurchaseOrderRow,
  Row,
  SalesOrderAllocationRow,
  SalesOrderLineRow,
  SalesOrderRow,
  SalesOrderShipmentRow,
  Store,
} from '../store';
import type { Simulation } from '../simulation';
import { PO_OPEN, poStatusText, SO_OPEN, soStatusText } from './orderStatus';
import { decimalProduct } from './pyDecimal';

type Json = Record<string, unknown>;

/** Builds an object with `keys` in order: computed values first, else the stored row's value. */
function shape(row: Row, keys: readonly string[], computed: Json = {}): Json {
  const out: Json = {};
  for (const key of keys) out[key] = key in computed ? computed[key] : row[key];
  return out;
}

/** `project_code_label` goes through the project code relation: absent when there is none. */
function withoutProjectLabel(keys: readonly string[], row: Row): readonly string[] {
  return row.project_code === null || row.project_code === undefined
    ? keys.filter((k) => k !== 'project_code_label')
    : keys;
}

export function today(sim: Simulation): string {
  return isoDate(sim.now());
}

function isOverdue(targetDate: unknown, status: number, open: readonly number[], day: string): boolean {
  return typeof targetDate === 'string' && targetDate < day && open.includes(status);
}

// Fields only detail serializers have (`notes` of orders, shipments) are not in the list rows the
// dataset holds; some appear in nested snapshots. Index them once per store.
const notesIndex = new WeakMap<Store, Map<string, unknown>>();

function snapshotNotes(store: Store): Map<string, unknown> {
  let index = notesIndex.get(store);
  if (index) return index;
  index = new Map();
  for (const line of store.poLines.all()) {
    const detail = line.order_detail as Json | undefined;
    if (detail && 'notes' in detail) index.set(`po:${line.order}`, detail.notes);
  }
  for (const shipment of store.soShipments.all()) {
    const detail = shipment.order_detail as Json | undefined;
    if (detail && 'notes' in detail) index.set(`so:${shipment.order}`, detail.notes);
  }
  for (const allocation of store.soAllocations.all()) {
    const detail = allocation.shipment_detail as Json | undefined;
    if (detail && 'notes' in detail && allocation.shipment !== null)
      index.set(`shipment:${allocation.shipment}`, detail.notes);
  }
  notesIndex.set(store, index);
  return index;
}

function orderNotes(store: Store, table: 'purchaseOrders' | 'salesOrders', row: Row): unknown {
  if ('notes' in row) return row.notes;
  const extra = store.detailExtras[`${table}:${row.pk}`];
  if (extra && 'notes' in extra) return extra.notes;
  const snapshot = snapshotNotes(store).get(`${table === 'purchaseOrders' ? 'po' : 'so'}:${row.pk}`);
  return snapshot === undefined ? null : snapshot;
}

function shipmentNotes(store: Store, row: SalesOrderShipmentRow): unknown {
  if ('notes' in row) return row.notes;
  const snapshot = snapshotNotes(store).get(`shipment:${row.pk}`);
  return snapshot === undefined ? '' : snapshot;
}

// ---------------------------------------------------------------- shared briefs

const COMPANY_BRIEF_KEYS = ['pk', 'active', 'name', 'description', 'image', 'thumbnail', 'currency'];

/** `/media/x/a.jpg` → `/media/x/a.thumbnail.jpg`; no image → InvenTree's blank thumbnail. */
export function thumbnailOf(image: unknown): string {
  if (typeof image !== 'string' || image === '') return '/static/img/blank_image.thumbnail.png';
  const dot = image.lastIndexOf('.');
  return dot > image.lastIndexOf('/') ? `${image.slice(0, dot)}.thumbnail${image.slice(dot)}` : `${image}.thumbnail`;
}

export function companyBrief(company: CompanyRow): Json {
  return shape(company, COMPANY_BRIEF_KEYS, { thumbnail: thumbnailOf(company.image) });
}

const PART_BRIEF_KEYS = [
  'pk',
  'IPN',
  'barcode_hash',
  'default_location',
  'name',
  'revision',
  'full_name',
  'description',
  'image',
  'thumbnail',
  'active',
  'locked',
  'assembly',
  'component',
  'is_template',
  'purchaseable',
  'salable',
  'testable',
  'trackable',
  'virtual',
  'units',
  'pricing_min',
  'pricing_max',
];
const PART_BRIEF_WITH_CATEGORY_DEFAULT = [
  ...PART_BRIEF_KEYS.slice(0, 3),
  'category_default_location',
  ...PART_BRIEF_KEYS.slice(3),
];

/** PartBriefSerializer; PO lines and stock items also carry `category_default_location`. */
export function partBrief(part: PartRow, withCategoryDefault = false): Json {
  return shape(part, withCategoryDefault ? PART_BRIEF_WITH_CATEGORY_DEFAULT : PART_BRIEF_KEYS);
}

export function locationBrief(store: Store, pk: number | null | undefined): Json | null {
  if (pk === null || pk === undefined) return null;
  const location = store.stockLocations.get(pk);
  return location ? { pk: location.pk, name: location.name, pathstring: location.pathstring } : null;
}

// ---------------------------------------------------------------- purchase orders

const PO_KEYS_HEAD = [
  'pk',
  'creation_date',
  'target_date',
  'description',
  'line_items',
  'completed_lines',
  'link',
  'project_code',
  'project_code_label',
  'project_code_detail',
  'reference',
  'responsible',
  'responsible_detail',
  'contact',
  'contact_detail',
  'address',
  'address_detail',
  'status',
  'status_text',
  'status_custom_key',
];
const PO_LIST_KEYS = [
  ...PO_KEYS_HEAD,
  'barcode_hash',
  'overdue',
  'issue_date',
  'complete_date',
  'supplier',
  'supplier_detail',
  'supplier_reference',
  'supplier_name',
  'total_price',
  'order_currency',
  'destination',
];
const PO_DETAIL_KEYS = [...PO_KEYS_HEAD, 'notes', ...PO_LIST_KEYS.slice(PO_KEYS_HEAD.length)];
const PO_CREATED_KEYS = PO_DETAIL_KEYS.filter(
  (k) => !['line_items', 'completed_lines', 'project_code_label', 'notes', 'overdue', 'supplier_detail'].includes(k),
);
const PO_BRIEF_KEYS = PO_DETAIL_KEYS.filter(
  (k) => !['line_items', 'completed_lines', 'overdue', 'supplier_detail'].includes(k),
);

function poComputed(sim: Simulation, po: PurchaseOrderRow): Json {
  const lines = sim.store.poLines.filter((l) => l.order === po.pk);
  const supplier = sim.store.companies.get(po.supplier);
  return {
    line_items: lines.length,
    completed_lines: lines.filter((l) => l.received >= l.quantity).length,
    status_text: poStatusText(po.status),
    overdue: isOverdue(po.target_date, po.status, PO_OPEN, today(sim)),
    notes: orderNotes(sim.store, 'purchaseOrders', po),
    supplier_detail: supplier ? companyBrief(supplier) : null,
    supplier_name: supplier ? supplier.name : po.supplier_name,
  };
}

export function purchaseOrderBody(
  sim: Simulation,
  po: PurchaseOrderRow,
  view: 'list' | 'detail' | 'created' | 'brief',
  flags: { supplier_detail?: boolean } = {},
): Json {
  let keys = { list: PO_LIST_KEYS, detail: PO_DETAIL_KEYS, created: PO_CREATED_KEYS, brief: PO_BRIEF_KEYS }[view];
  if (view === 'brief') keys = keys.filter((k) => k !== 'project_code_label' || po.project_code !== null);
  if ((view === 'list' || view === 'detail') && !flags.supplier_detail)
    keys = keys.filter((k) => k !== 'supplier_detail');
  return shape(po, withoutProjectLabel(keys, po), poComputed(sim, po));
}

// ---------------------------------------------------------------- purchase order lines

const PO_LINE_KEYS = [
  'pk',
  'part',
  'quantity',
  'reference',
  'notes',
  'order',
  'order_detail',
  'overdue',
  'part_detail',
  'supplier_part_detail',
  'received',
  'purchase_price',
  'purchase_price_currency',
  'auto_pricing',
  'destination',
  'destination_detail',
  'target_date',
  'total_price',
  'link',
  'sku',
  'mpn',
  'ipn',
  'internal_part',
  'internal_part_name',
];
const SUPPLIER_PART_BRIEF_KEYS = [
  'description',
  'link',
  'active',
  'manufacturer_part',
  'name',
  'note',
  'pk',
  'barcode_hash',
  'packaging',
  'pack_quantity',
  'pack_quantity_native',
  'part',
  'SKU',
  'supplier',
  'url',
  'updated',
  'notes',
];

/**
 * Where a line's stock is or goes: the location of a stock item received against it, else the
 * line's destination, else the part's default location.
 */
function lineDestination(store: Store, line: PurchaseOrderLineRow): number | null {
  const received = store.stockItems.find(
    (s) => s.supplier_part === line.part && s.purchase_order === line.order && s.location !== null,
  );
  if (received) return received.location;
  if (line.destination !== null) return line.destination;
  const supplierPart = store.supplierParts.get(line.part);
  const part = supplierPart ? store.parts.get(supplierPart.part) : undefined;
  return part?.default_location ?? null;
}

export interface PoLineFlags {
  order_detail?: boolean;
  part_detail?: boolean;
}

export function poLineBody(
  sim: Simulation,
  line: PurchaseOrderLineRow,
  view: 'list' | 'created',
  flags: PoLineFlags = {},
): Json {
  const store = sim.store;
  const supplierPart = store.supplierParts.get(line.part);
  const part = supplierPart ? store.parts.get(supplierPart.part) : undefined;
  const manufacturerPart =
    supplierPart && supplierPart.manufacturer_part !== null
      ? store.manufacturerParts.get(supplierPart.manufacturer_part)
      : undefined;
  const order = store.purchaseOrders.get(line.order);
  const price = line.purchase_price;
  let keys = PO_LINE_KEYS.filter((k) => {
    if (k === 'order_detail') return flags.order_detail === true;
    if (k === 'part_detail') return flags.part_detail === true;
    // One flag shows both: the serializer pops part_detail and supplier_part_detail together.
    if (k === 'supplier_part_detail') return flags.part_detail === true;
    if (k === 'mpn') return manufacturerPart !== undefined;
    return true;
  });
  if (view === 'created') keys = keys.filter((k) => k !== 'overdue' && k !== 'total_price');
  return shape(line, keys, {
    order_detail: order ? purchaseOrderBody(sim, order, 'brief') : null,
    overdue: order
      ? line.received < line.quantity && isOverdue(line.target_date, order.status, PO_OPEN, today(sim))
      : false,
    part_detail: part ? partBrief(part, true) : null,
    supplier_part_detail: supplierPart ? shape(supplierPart, SUPPLIER_PART_BRIEF_KEYS) : null,
    destination_detail: locationBrief(store, lineDestination(store, line)),
    total_price: typeof price === 'string' && price !== '' ? decimalProduct(price, line.quantity) : null,
    sku: supplierPart?.SKU ?? null,
    mpn: manufacturerPart?.MPN ?? null,
    ipn: part ? part.IPN : null,
    internal_part: part ? part.pk : null,
    internal_part_name: part ? part.name : null,
  });
}

// ---------------------------------------------------------------- sales orders

const SO_KEYS_HEAD = PO_KEYS_HEAD;
const SO_LIST_KEYS = [
  ...SO_KEYS_HEAD,
  'barcode_hash',
  'overdue',
  'customer',
  'customer_detail',
  'customer_reference',
  'shipment_date',
  'total_price',
  'order_currency',
  'shipments_count',
  'completed_shipments_count',
];
const SO_DETAIL_KEYS = [...SO_KEYS_HEAD, 'notes', ...SO_LIST_KEYS.slice(SO_KEYS_HEAD.length)];
const SO_BRIEF_KEYS = SO_DETAIL_KEYS.filter(
  (k) =>
    ![
      'line_items',
      'completed_lines',
      'overdue',
      'customer_detail',
      'shipments_count',
      'completed_shipments_count',
    ].includes(k),
);

function soComputed(sim: Simulation, so: SalesOrderRow): Json {
  const lines = sim.store.soLines.filter((l) => l.order === so.pk);
  const shipments = sim.store.soShipments.filter((s) => s.order === so.pk);
  const customer = sim.store.companies.get(so.customer);
  return {
    line_items: lines.length,
    completed_lines: lines.filter((l) => l.shipped >= l.quantity).length,
    status_text: soStatusText(so.status),
    overdue: isOverdue(so.target_date, so.status, SO_OPEN, today(sim)),
    notes: orderNotes(sim.store, 'salesOrders', so),
    customer_detail: customer ? companyBrief(customer) : null,
    shipments_count: shipments.length,
    completed_shipments_count: shipments.filter((s) => s.shipment_date !== null).length,
  };
}

export function salesOrderBody(
  sim: Simulation,
  so: SalesOrderRow,
  view: 'list' | 'detail' | 'brief',
  flags: { customer_detail?: boolean } = {},
): Json {
  let keys = { list: SO_LIST_KEYS, detail: SO_DETAIL_KEYS, brief: SO_BRIEF_KEYS }[view];
  if (view !== 'brief' && !flags.customer_detail) keys = keys.filter((k) => k !== 'customer_detail');
  return shape(so, withoutProjectLabel(keys, so), soComputed(sim, so));
}

// ---------------------------------------------------------------- sales order lines

const SO_LINE_KEYS = [
  'pk',
  'allocated',
  'quantity',
  'reference',
  'notes',
  'order',
  'overdue',
  'part',
  'part_detail',
  'sale_price',
  'sale_price_currency',
  'shipped',
  'target_date',
  'link',
  'available_stock',
  'available_variant_stock',
  'building',
  'on_order',
];

export function allocatedToLine(store: Store, linePk: number): number {
  return store.soAllocations.filter((a) => a.line === linePk).reduce((sum, a) => sum + a.quantity, 0);
}

export function soLineBody(sim: Simulation, line: SalesOrderLineRow, flags: { part_detail?: boolean } = {}): Json {
  const order = sim.store.salesOrders.get(line.order);
  const part = sim.store.parts.get(line.part);
  const keys = flags.part_detail ? SO_LINE_KEYS : SO_LINE_KEYS.filter((k) => k !== 'part_detail');
  return shape(line, keys, {
    allocated: allocatedToLine(sim.store, line.pk),
    overdue: order
      ? line.shipped < line.quantity && isOverdue(line.target_date, order.status, SO_OPEN, today(sim))
      : false,
    part_detail: part ? partBrief(part) : null,
  });
}

// ---------------------------------------------------------------- shipments and allocations

const SHIPMENT_KEYS = [
  'pk',
  'order',
  'order_detail',
  'allocated_items',
  'shipment_date',
  'delivery_date',
  'checked_by',
  'reference',
  'tracking_number',
  'invoice_number',
  'link',
];
const SHIPMENT_BRIEF_KEYS = [
  'pk',
  'order',
  'shipment_date',
  'delivery_date',
  'checked_by',
  'reference',
  'tracking_number',
  'invoice_number',
  'link',
  'notes',
];

export function shipmentBody(sim: Simulation, shipment: SalesOrderShipmentRow, view: 'list' | 'created'): Json {
  const order = sim.store.salesOrders.get(shipment.order);
  const keys = view === 'created' ? SHIPMENT_KEYS.filter((k) => k !== 'allocated_items') : SHIPMENT_KEYS;
  return shape(shipment, keys, {
    order_detail: order ? salesOrderBody(sim, order, 'brief') : null,
    allocated_items: sim.store.soAllocations.filter((a) => a.shipment === shipment.pk).length,
  });
}

export function shipmentBrief(sim: Simulation, shipment: SalesOrderShipmentRow): Json {
  return shape(shipment, SHIPMENT_BRIEF_KEYS, { notes: shipmentNotes(sim.store, shipment) });
}

const ALLOCATION_KEYS = [
  'pk',
  'item',
  'quantity',
  'shipment',
  'line',
  'part',
  'order',
  'location',
  'item_detail',
  'part_detail',
  'location_detail',
  'shipment_detail',
];
const ITEM_BRIEF_KEYS = [
  'part',
  'part_name',
  'pk',
  'location',
  'quantity',
  'serial',
  'batch',
  'supplier_part',
  'barcode_hash',
];

export interface AllocationFlags {
  item_detail?: boolean;
  part_detail?: boolean;
  location_detail?: boolean;
}

export function allocationBody(
  sim: Simulation,
  allocation: SalesOrderAllocationRow,
  flags: AllocationFlags = {},
): Json {
  const store = sim.store;
  const item = store.stockItems.get(allocation.item);
  const part = item ? store.parts.get(item.part) : undefined;
  const shipment = allocation.shipment === null ? undefined : store.soShipments.get(allocation.shipment);
  const keys = ALLOCATION_KEYS.filter((k) => {
    if (k === 'item_detail') return flags.item_detail === true;
    if (k === 'part_detail') return flags.part_detail === true;
    if (k === 'location_detail') return flags.location_detail === true;
    return true;
  });
  return shape(allocation, keys, {
    part: item ? item.part : allocation.part,
    location: item ? item.location : null,
    item_detail: item ? shape(item, ITEM_BRIEF_KEYS, { part_name: part ? part.full_name : null }) : null,
    part_detail: part ? partBrief(part) : null,
    location_detail: locationBrief(store, item?.location),
    shipment_detail: shipment ? shipmentBrief(sim, shipment) : null,
  });
}
