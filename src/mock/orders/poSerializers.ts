// v291 response shapes of purchase orders and PO lines (stored rows plus annotations).
import type { PurchaseOrderLineRow, PurchaseOrderRow, Store } from '../store';
import type { Simulation } from '../simulation';
import {
  companyBrief,
  isOverdue,
  locationBrief,
  orderNotes,
  partBrief,
  shape,
  today,
  withoutProjectLabel,
} from './orderSerializers';
import { PO_OPEN, poStatusText } from './orderStatus';
import { decimalProduct } from './pyDecimal';

type Json = Record<string, unknown>;

// ---------------------------------------------------------------- purchase orders

export const PO_KEYS_HEAD = [
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
export const SUPPLIER_PART_BRIEF_KEYS = [
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
