// PurchaseOrder.receive_line_item of InvenTree v291: a new stock item for the received quantity
// (times the supplier part's pack quantity), the line's `received` count, and the derived values
// later GETs show (location item counts, part stock, sales-order line availability).
import { hashBarcode } from '../barcodeHash';
import { globalSettingBool } from '../settingsStore';
import type { PartRow, PurchaseOrderLineRow, PurchaseOrderRow, StockItemRow, Store, SupplierPartRow } from '../store';
import type { Simulation } from '../simulation';
import { locationBrief, partBrief, today } from './orderSerializers';
import { SUPPLIER_PART_BRIEF_KEYS } from './poSerializers';
import { PO_STATUS, poStatusText } from './orderStatus';
import { decimalProduct } from './pyDecimal';

/** `YYYY-MM-DD HH:MM` (UTC), the way InvenTree renders `updated`. */
export function minuteTimestamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** Part.get_default_location: the part's own, else the nearest category (upwards) default. */
export function partDefaultLocation(store: Store, part: PartRow): number | null {
  if (part.default_location !== null) return part.default_location;
  let categoryPk = part.category;
  const seen = new Set<number>();
  while (categoryPk !== null && !seen.has(categoryPk)) {
    seen.add(categoryPk);
    const category = store.categories.get(categoryPk);
    if (!category) break;
    if (category.default_location !== null) return category.default_location;
    categoryPk = category.parent;
  }
  return null;
}

/** Stock that becomes available (or stops being) for a part, in every place that shows it. */
export function adjustPartStock(store: Store, partPk: number, delta: number, itemsDelta: number): void {
  const part = store.parts.get(partPk);
  if (part) {
    for (const key of ['in_stock', 'total_in_stock', 'unallocated_stock'] as const) {
      if (typeof part[key] === 'number') part[key] = (part[key] as number) + delta;
    }
    if (typeof part.stock_item_count === 'number') part.stock_item_count += itemsDelta;
  }
  for (const line of store.soLines.filter((l) => l.part === partPk)) {
    if (typeof line.available_stock === 'number') line.available_stock += delta;
  }
}

function bumpLocationItems(store: Store, locationPk: number | null): void {
  const seen = new Set<number>();
  let pk = locationPk;
  while (pk !== null && !seen.has(pk)) {
    seen.add(pk);
    const location = store.stockLocations.get(pk);
    if (!location) break;
    if (typeof location.items === 'number') location.items += 1;
    pk = location.parent;
  }
}

// A stock item's supplier_part_detail: the PO line's brief with availability first and tags last.
const SUPPLIER_PART_IN_STOCK_KEYS = ['available', 'availability_updated', ...SUPPLIER_PART_BRIEF_KEYS, 'tags'];

export interface ReceiptInput {
  order: PurchaseOrderRow;
  line: PurchaseOrderLineRow;
  location: number | null;
  /** Number of packs received (the line's unit). */
  quantity: number;
  barcode: string;
  status?: number;
  batch?: string;
  packaging?: string | null;
}

/** The order's stored line counts and total, as its list and detail GETs show them. */
export function recountLines(sim: Simulation, order: PurchaseOrderRow): void {
  const lines = sim.store.poLines.filter((l) => l.order === order.pk);
  order.line_items = lines.length;
  order.completed_lines = lines.filter((l) => l.received >= l.quantity).length;
  const total = lines.reduce(
    (sum, l) => sum + (typeof l.purchase_price === 'string' ? decimalProduct(l.purchase_price, l.quantity) : 0),
    0,
  );
  order.total_price = total.toFixed(6);
}

/** Creates the stock item and books the receipt; returns the new item. */
export function receiveLineItem(sim: Simulation, input: ReceiptInput): StockItemRow {
  const store = sim.store;
  const supplierPart = store.supplierParts.get(input.line.part) as SupplierPartRow;
  const part = store.parts.get(supplierPart.part) as PartRow;
  const manufacturerPart =
    supplierPart.manufacturer_part === null ? undefined : store.manufacturerParts.get(supplierPart.manufacturer_part);
  const location = input.location === null ? undefined : store.stockLocations.get(input.location);
  const stockQuantity = input.quantity * (supplierPart.pack_quantity_native || 1);
  const status = input.status ?? 10;
  const barcodeHash = input.barcode ? hashBarcode(input.barcode) : '';

  const item = store.stockItems.insert((pk): StockItemRow => ({
    pk,
    part: part.pk,
    quantity: stockQuantity,
    serial: null,
    batch: input.batch ?? '',
    location: location ? location.pk : null,
    location_name: location ? location.name : null,
    belongs_to: null,
    build: null,
    consumed_by: null,
    customer: null,
    delete_on_deplete: true,
    expiry_date: null,
    in_stock: true,
    is_building: false,
    link: '',
    notes: null,
    owner: null,
    packaging: input.packaging ?? supplierPart.packaging ?? null,
    parent: null,
    purchase_order: input.order.pk,
    purchase_order_reference: input.order.reference,
    sales_order: null,
    status,
    status_text: status === 10 ? 'OK' : String(status),
    status_custom_key: status,
    supplier_part: supplierPart.pk,
    SKU: supplierPart.SKU,
    MPN: manufacturerPart ? manufacturerPart.MPN : null,
    barcode_hash: barcodeHash,
    updated: minuteTimestamp(sim.now()),
    stocktake_date: null,
    purchase_price: input.line.purchase_price ?? null,
    purchase_price_currency: input.line.purchase_price_currency ?? '',
    allocated: 0,
    expired: false,
    installed_items: 0,
    child_items: 0,
    stale: false,
    tracking_items: 1,
    tags: [],
    supplier_part_detail: Object.fromEntries(SUPPLIER_PART_IN_STOCK_KEYS.map((k) => [k, supplierPart[k]])),
    part_detail: partBrief(part, true),
    location_detail: locationBrief(store, location ? location.pk : null),
  }));
  if (input.barcode) store.setBarcode('stockitem', item.pk, input.barcode, barcodeHash);

  bumpLocationItems(store, item.location);
  adjustPartStock(store, part.pk, stockQuantity, 1);
  if (typeof part.ordering === 'number') part.ordering = Math.max(0, part.ordering - stockQuantity);

  input.line.received += input.quantity;
  recountLines(sim, input.order);

  // The order completes itself once nothing is pending, if PURCHASEORDER_AUTO_COMPLETE is on.
  const pending = store.poLines.filter((l) => l.order === input.order.pk && l.received < l.quantity);
  if (
    pending.length === 0 &&
    globalSettingBool(store, 'PURCHASEORDER_AUTO_COMPLETE') &&
    input.order.status === PO_STATUS.PLACED
  ) {
    input.order.status = PO_STATUS.COMPLETE;
    input.order.status_custom_key = PO_STATUS.COMPLETE;
    input.order.status_text = poStatusText(PO_STATUS.COMPLETE);
    input.order.complete_date = today(sim);
  }
  return item;
}
