// Creating a SalesOrderAllocation and the derived values later GETs show: the stock item's
// `allocated`, the part's sales allocation and the availability on sales order lines.
import type { SalesOrderAllocationRow, SalesOrderLineRow, SalesOrderShipmentRow, StockItemRow } from '../store';
import type { Simulation } from '../simulation';
import { locationBrief, partBrief } from './orderSerializers';
import { shipmentBrief } from './soSerializers';

export interface AllocationInput {
  item: StockItemRow;
  line: SalesOrderLineRow;
  shipment: SalesOrderShipmentRow;
  quantity: number;
}

export function allocateStock(sim: Simulation, input: AllocationInput): SalesOrderAllocationRow {
  const store = sim.store;
  const { item, line, shipment, quantity } = input;
  const part = store.parts.get(item.part);
  const allocation = store.soAllocations.insert((pk): SalesOrderAllocationRow => ({
    pk,
    item: item.pk,
    quantity,
    shipment: shipment.pk,
    line: line.pk,
    part: item.part,
    order: line.order,
    location: item.location,
    item_detail: {
      part: item.part,
      part_name: part ? part.full_name : null,
      pk: item.pk,
      location: item.location,
      quantity: item.quantity,
      serial: item.serial,
      batch: item.batch,
      supplier_part: item.supplier_part,
      barcode_hash: item.barcode_hash,
    },
    part_detail: part ? partBrief(part) : null,
    location_detail: locationBrief(store, item.location),
    shipment_detail: shipmentBrief(sim, shipment),
  }));
  item.allocated = (item.allocated ?? 0) + quantity;
  if (typeof shipment.allocated_items === 'number') shipment.allocated_items += 1;
  if (part) {
    if (typeof part.allocated_to_sales_orders === 'number') part.allocated_to_sales_orders += quantity;
    if (typeof part.unallocated_stock === 'number') part.unallocated_stock -= quantity;
  }
  for (const soLine of store.soLines.filter((l) => l.part === item.part)) {
    if (typeof soLine.available_stock === 'number') soLine.available_stock -= quantity;
  }
  return allocation;
}

/** Deleting an allocation: the row goes and the derived values return to what they were before it. */
export function deallocateStock(sim: Simulation, allocation: SalesOrderAllocationRow): void {
  const store = sim.store;
  const { quantity } = allocation;
  store.soAllocations.delete(allocation.pk);
  const item = store.stockItems.get(allocation.item);
  if (item) item.allocated = Math.max((item.allocated ?? 0) - quantity, 0);
  const shipment = allocation.shipment === null ? undefined : store.soShipments.get(allocation.shipment);
  if (shipment && typeof shipment.allocated_items === 'number')
    shipment.allocated_items = Math.max(shipment.allocated_items - 1, 0);
  const part = store.parts.get(allocation.part);
  if (part) {
    if (typeof part.allocated_to_sales_orders === 'number') part.allocated_to_sales_orders -= quantity;
    if (typeof part.unallocated_stock === 'number') part.unallocated_stock += quantity;
  }
  for (const soLine of store.soLines.filter((l) => l.part === allocation.part)) {
    if (typeof soLine.available_stock === 'number') soLine.available_stock += quantity;
  }
}
