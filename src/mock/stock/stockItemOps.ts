// StockItem.move / splitStock / stocktake / add_stock / take_stock of InvenTree v291
// (stock/models.py), on the simulation's rows: the tracking entries they write, depletion
// (updateQuantity deleting the item and its tracking) and the derived values later GETs show.
import { adjustPartStock, minuteTimestamp } from '../orders/stockReceipt';
import { locationBrief } from '../orders/orderSerializers';
import { isoDate } from '../auth';
import type { Simulation } from '../simulation';
import type { StockItemRow, Store } from '../store';
import { STOCK_STATUS_TEXT, isInStock, type AdjustLine } from './adjustValidation';
import { addTracking, deleteTrackingOf } from './tracking';

export interface OpContext {
  sim: Simulation;
  user: number | null;
  notes: string | undefined;
}

/** Annotations (computed by queries, not columns): a stale copy's save never writes them back. */
const ANNOTATIONS = new Set(['tracking_items', 'child_items', 'allocated', 'installed_items', 'stale', 'expired']);

/** Django's save() of a (possibly stale) instance: every column written back onto the live row. */
export function saveItem(sim: Simulation, item: StockItemRow): void {
  const live = sim.store.stockItems.get(item.pk);
  if (!live) return;
  item.in_stock = isInStock(item);
  item.updated = minuteTimestamp(sim.now());
  for (const [key, value] of Object.entries(item))
    if (!ANNOTATIONS.has(key)) (live as Record<string, unknown>)[key] = value;
}

/** Location `items` counts include sub-locations, so every ancestor changes too. */
function bumpLocationItems(store: Store, locationPk: number | null, delta: number): void {
  const seen = new Set<number>();
  let pk = locationPk;
  while (pk !== null && !seen.has(pk)) {
    seen.add(pk);
    const location = store.stockLocations.get(pk);
    if (!location) break;
    if (typeof location.items === 'number') location.items += delta;
    pk = location.parent;
  }
}

function setLocation(store: Store, item: StockItemRow, locationPk: number): void {
  const location = store.stockLocations.get(locationPk);
  item.location = locationPk;
  item.location_name = location ? location.name : null;
  if ('location_detail' in item) item.location_detail = locationBrief(store, locationPk);
}

function setStatus(item: StockItemRow, status: number): void {
  item.status = status;
  item.status_text = STOCK_STATUS_TEXT[status] ?? String(status);
  item.status_custom_key = status;
}

/** Request fields written onto the item; only truthy values count (`if value := kwargs.get(...)`). */
function applyOptional(item: StockItemRow, line: AdjustLine, deltas: Record<string, unknown>): void {
  if (line.batch) {
    item.batch = line.batch;
    deltas.batch = line.batch;
  }
  if (line.status) {
    setStatus(item, line.status);
    deltas.status = line.status;
  }
  if (line.packaging) {
    item.packaging = line.packaging;
    deltas.packaging = line.packaging;
  }
}

function isSerialized(item: StockItemRow): boolean {
  return item.serial !== null && item.serial !== '' && item.quantity === 1;
}

/** StockItem.save: a status change writes its own "Edited stock item" entry, without a user. */
function saveWithStatusEntry(ctx: OpContext, item: StockItemRow, oldStatus: unknown): void {
  saveItem(ctx.sim, item);
  if (item.status !== oldStatus) addTracking(ctx.sim, item, 5, null, { status: item.status }, undefined);
}

/** updateQuantity: clamps at 0; an emptied item with delete_on_deplete goes (false = deleted). */
function updateQuantity(ctx: OpContext, item: StockItemRow, quantity: number): boolean {
  const store = ctx.sim.store;
  const before = item.quantity;
  item.quantity = Math.max(0, quantity);
  const live = store.stockItems.get(item.pk);
  if (live) adjustPartStock(store, item.part, item.quantity - before, 0);
  const canDelete = ((item.installed_items as number) ?? 0) === 0 && item.sales_order === null;
  if (item.quantity === 0 && item.delete_on_deplete && canDelete) {
    deleteItem(store, item.pk);
    return false;
  }
  return true;
}

export function deleteItem(store: Store, pk: number): void {
  const live = store.stockItems.get(pk);
  if (!live) return;
  store.stockItems.delete(pk);
  deleteTrackingOf(store, pk);
  bumpLocationItems(store, live.location, -1);
  adjustPartStock(store, live.part, 0, -1);
  const parent = typeof live.parent === 'number' ? store.stockItems.get(live.parent) : undefined;
  if (parent && typeof parent.child_items === 'number') parent.child_items = Math.max(0, parent.child_items - 1);
}

function splitStock(ctx: OpContext, item: StockItemRow, line: AdjustLine, locationPk: number): void {
  const { sim } = ctx;
  const store = sim.store;
  const quantity = line.quantity;
  const child = store.stockItems.insert((pk) => {
    const copy = structuredClone(item) as StockItemRow;
    copy.pk = pk;
    return copy;
  });
  child.quantity = quantity;
  child.parent = item.pk;
  setLocation(store, child, locationPk);
  child.allocated = 0;
  child.child_items = 0;
  child.installed_items = 0;
  child.tracking_items = 0;
  child.in_stock = true;
  child.updated = minuteTimestamp(sim.now());
  const deltas: Record<string, unknown> = { stockitem: item.pk };
  applyOptional(child, line, deltas);
  deltas.location = locationPk;
  deltas.quantity = quantity;
  store.stockItems.put(child);
  bumpLocationItems(store, locationPk, 1);
  adjustPartStock(store, child.part, 0, 1);
  addTracking(sim, child, 40, ctx.user, deltas, ctx.notes);
  // take_stock on the original with the split-child code (the item cannot empty here).
  item.quantity -= quantity;
  addTracking(
    sim,
    item,
    42,
    ctx.user,
    { removed: quantity, quantity: item.quantity, location: locationPk, stockitem: child.pk },
    ctx.notes,
  );
  saveItem(sim, item);
  const live = store.stockItems.get(item.pk);
  if (live) live.child_items = ((live.child_items as number) ?? 0) + 1;
}

export function moveItem(ctx: OpContext, item: StockItemRow, line: AdjustLine, locationPk: number): void {
  if (line.quantity <= 0) return;
  if (line.quantity < item.quantity && !isSerialized(item)) {
    splitStock(ctx, item, line, locationPk);
    return;
  }
  const store = ctx.sim.store;
  const oldStatus = item.status;
  const deltas: Record<string, unknown> = {};
  const changed = item.location !== locationPk;
  if (changed) deltas.location = locationPk;
  applyOptional(item, line, deltas);
  if (changed) {
    bumpLocationItems(store, item.location, -1);
    bumpLocationItems(store, locationPk, 1);
  }
  setLocation(store, item, locationPk);
  addTracking(ctx.sim, item, changed ? 20 : 25, ctx.user, deltas, ctx.notes);
  saveWithStatusEntry(ctx, item, oldStatus);
}

export function countItem(ctx: OpContext, item: StockItemRow, line: AdjustLine): void {
  if (isSerialized(item) || line.quantity < 0) return;
  const oldStatus = item.status;
  if (!updateQuantity(ctx, item, line.quantity)) return;
  item.stocktake_date = isoDate(ctx.sim.now());
  const deltas: Record<string, unknown> = { quantity: line.quantity };
  applyOptional(item, line, deltas);
  addTracking(ctx.sim, item, 10, ctx.user, deltas, ctx.notes);
  saveWithStatusEntry(ctx, item, oldStatus);
}

export function addToItem(ctx: OpContext, item: StockItemRow, line: AdjustLine): void {
  if (isSerialized(item) || line.quantity <= 0) return;
  if (!updateQuantity(ctx, item, item.quantity + line.quantity)) return;
  addTracking(ctx.sim, item, 11, ctx.user, { added: line.quantity, quantity: item.quantity }, ctx.notes);
  saveItem(ctx.sim, item);
}

export function removeFromItem(ctx: OpContext, item: StockItemRow, line: AdjustLine): void {
  if (isSerialized(item) || line.quantity <= 0) return;
  if (!updateQuantity(ctx, item, item.quantity - line.quantity)) return;
  addTracking(ctx.sim, item, 12, ctx.user, { removed: line.quantity, quantity: item.quantity }, ctx.notes);
  saveItem(ctx.sim, item);
}
