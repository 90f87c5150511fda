// v291 response shapes of sales orders, SO lines, shipments and allocations (stored rows plus annotations).
import type { SalesOrderAllocationRow, SalesOrderLineRow, SalesOrderRow, SalesOrderShipmentRow, Store } from '../store';
import type { Simulation } from '../simulation';
import {
  companyBrief,
  isOverdue,
  locationBrief,
  orderNotes,
  partBrief,
  shape,
  shipmentNotes,
  today,
  withoutProjectLabel,
} from './orderSerializers';
import { SO_OPEN, soStatusText } from './orderStatus';
import { PO_KEYS_HEAD } from './poSerializers';

type Json = Record<string, unknown>;

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
