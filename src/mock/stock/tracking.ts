// Stock tracking (StockItemTracking) as v291 writes and lists it: entries numbered after the
// dataset's (1132 on), `date` to the minute, and the list view's `<key>_detail` objects built from
// the current rows (a deleted stock item's detail is null).
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { hasModelPermission } from '../auth';
import { minuteTimestamp } from '../orders/stockReceipt';
import { paginate } from '../pagination';
import type { Route } from '../router';
import type { Simulation } from '../simulation';
import type { StockItemRow, StockTrackingRow, Store } from '../store';

/** StockHistoryCode labels of the codes the simulation writes. */
export const TRACKING_LABELS: Record<number, string> = {
  5: 'Edited stock item',
  10: 'Stock counted',
  11: 'Stock manually added',
  12: 'Stock manually removed',
  20: 'Location changed',
  25: 'Stock updated',
  40: 'Split from parent item',
  42: 'Split child item',
};

/** Keys the list view decorates with a `<key>_detail` object, in its order. */
const DETAIL_KEYS = [
  'part',
  'location',
  'customer',
  'purchaseorder',
  'salesorder',
  'returnorder',
  'buildorder',
  'item',
  'stockitem',
];

const ITEM_DETAIL_SKIP = new Set([
  'allocated',
  'expired',
  'installed_items',
  'child_items',
  'stale',
  'tracking_items',
  'supplier_part_detail',
  'part_detail',
  'location_detail',
]);

/** StockItem.add_tracking_entry: a 25 entry without deltas and notes is not written. */
export function addTracking(
  sim: Simulation,
  item: StockItemRow,
  code: number,
  user: number | null,
  deltas: Record<string, unknown>,
  notes: string | undefined,
): StockTrackingRow | null {
  if (code === 25 && Object.keys(deltas).length === 0 && !notes) return null;
  const row = sim.store.stockTracking.insert((pk) => ({
    pk,
    item: item.pk,
    date: minuteTimestamp(sim.now()),
    deltas,
    label: TRACKING_LABELS[code] ?? String(code),
    notes: notes ?? '',
    tracking_type: code,
    user,
  }));
  // An annotation (a count of rows), so it goes on the live row even when `item` is a stale copy.
  const live = sim.store.stockItems.get(item.pk) ?? item;
  live.tracking_items = ((live.tracking_items as number) ?? 0) + 1;
  return row;
}

/** Deletes an item's tracking with it (the foreign key cascades). */
export function deleteTrackingOf(store: Store, itemPk: number): void {
  for (const row of store.stockTracking.filter((r) => r.item === itemPk)) store.stockTracking.delete(row.pk);
}

function locationDetail(store: Store, pk: unknown): Record<string, unknown> | null {
  const location = typeof pk === 'number' ? store.stockLocations.get(pk) : undefined;
  if (!location) return null;
  const { items: _items, sublocations: _sub, ...rest } = location;
  return rest;
}

function stockItemDetail(store: Store, pk: unknown): Record<string, unknown> | null {
  const item = typeof pk === 'number' ? store.stockItems.get(pk) : undefined;
  if (!item) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!ITEM_DETAIL_SKIP.has(key)) out[key] = value;
  const part = item.part_detail as Record<string, unknown> | null | undefined;
  if (part) {
    const { category_default_location: _c, ...brief } = part;
    out.part_detail = brief;
  } else out.part_detail = null;
  return out;
}

/** The list view's rendering of one entry: raw deltas, then the detail objects of known keys. */
export function renderTracking(store: Store, row: StockTrackingRow): Record<string, unknown> {
  const raw = Object.fromEntries(Object.entries(row.deltas).filter(([key]) => !key.endsWith('_detail')));
  const deltas: Record<string, unknown> = { ...raw };
  for (const key of DETAIL_KEYS) {
    if (!(key in raw)) continue;
    if (key === 'location') deltas.location_detail = locationDetail(store, raw.location);
    else if (key === 'stockitem' || key === 'item') deltas[`${key}_detail`] = stockItemDetail(store, raw[key]);
    // Other relations keep the dataset's export (the demo never changes those objects).
    else if (`${key}_detail` in row.deltas) deltas[`${key}_detail`] = row.deltas[`${key}_detail`];
  }
  return {
    pk: row.pk,
    item: row.item,
    date: row.date,
    deltas,
    label: row.label,
    notes: row.notes,
    tracking_type: row.tracking_type,
    user: row.user,
  };
}

const INVALID_CHOICE = 'Select a valid choice. That choice is not one of the available choices.';

function listTracking(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  if (!req.user || !hasModelPermission(store, req.user, 'stockitem', 'view')) {
    return jsonResponse(403, { detail: 'You do not have permission to perform this action.' });
  }
  let rows = store.stockTracking.all();
  const item = req.query.get('item');
  if (item !== null && item !== '') {
    const pk = /^\d+$/.test(item.trim()) ? Number(item.trim()) : NaN;
    if (!store.stockItems.has(pk)) return jsonResponse(400, { item: [INVALID_CHOICE] });
    rows = rows.filter((row) => row.item === pk);
  }
  const user = req.query.get('user');
  if (user !== null && /^\d+$/.test(user)) rows = rows.filter((row) => row.user === Number(user));
  // ordering = '-date' (full precision in the database: later pks are later).
  rows.sort((a, b) => (a.date === b.date ? b.pk - a.pk : a.date < b.date ? 1 : -1));
  return jsonResponse(
    200,
    paginate(
      req.url,
      rows.map((row) => renderTracking(store, row)),
    ),
  );
}

export const trackingRoutes: Route[] = [
  { pattern: '/api/stock/track/', permission: 'authenticated', methods: { GET: listTracking } },
];
