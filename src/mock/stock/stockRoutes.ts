// POST /api/stock/transfer/, /count/, /add/, /remove/ (StockAdjustView, v291) and the stock item
// PATCH the recordings use: role check before the body, validation, a pre-check of what
// StockItem.clean would refuse (the whole request rolls back), then each line in order on the
// copy of its item read before any line ran (a repeated pk works on a stale copy).
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { hasModelPermission } from '../auth';
import type { Route } from '../router';
import { serializeRow } from '../serializers';
import type { Simulation } from '../simulation';
import type { PartRow, StockItemRow } from '../store';
import { adjustEcho, validateAdjust, type AdjustKind, type AdjustLine, type AdjustRequest } from './adjustValidation';
import { addToItem, countItem, moveItem, removeFromItem, saveItem, type OpContext } from './stockItemOps';
import { trackingRoutes } from './tracking';

const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };

function mayWrite(req: ApiRequest, sim: Simulation, permission: 'add' | 'change'): boolean {
  return req.user !== null && hasModelPermission(sim.store, req.user, 'stockitem', permission);
}

/** The quantities a line would leave on saved items (for StockItem.clean's checks). */
function savedQuantities(kind: AdjustKind, item: StockItemRow, line: AdjustLine): number[] {
  const q = line.quantity;
  const serialized = item.serial !== null && item.serial !== '' && item.quantity === 1;
  if (serialized) return kind === 'transfer' && q > 0 ? [item.quantity] : [];
  switch (kind) {
    case 'transfer':
      if (q <= 0) return [];
      return q < item.quantity ? [q, item.quantity - q] : [item.quantity];
    case 'count':
      return [q];
    case 'add':
      return q > 0 ? [item.quantity + q] : [];
    case 'remove':
      return q > 0 ? [Math.max(0, item.quantity - q)] : [];
  }
}

/** One request line with the item as it was read before any line was saved. */
interface StaleLine {
  line: AdjustRequest['lines'][number];
  item: StockItemRow;
}

/** StockItem.clean raised inside the atomic block: a top-level 400 and nothing saved. */
function cleanError(sim: Simulation, kind: AdjustKind, request: AdjustRequest, stale: StaleLine[]): ApiResponse | null {
  const store = sim.store;
  for (const { line, item } of stale) {
    const saved = savedQuantities(kind, item, line);
    if (saved.length === 0) continue;
    const part = store.parts.get(item.part) as PartRow | undefined;
    if (part?.trackable && saved.some((q) => !Number.isInteger(q))) {
      return jsonResponse(400, { quantity: ['Quantity must be integer value for trackable parts'] });
    }
    if (kind === 'transfer' && store.stockLocations.get(request.location as number)?.structural) {
      return jsonResponse(400, { location: ['Stock items cannot be located into structural stock locations!'] });
    }
  }
  return null;
}

function adjustHandler(kind: AdjustKind) {
  return (req: ApiRequest, sim: Simulation): ApiResponse => {
    if (!mayWrite(req, sim, 'add')) return jsonResponse(403, FORBIDDEN);
    const validated = validateAdjust(sim, req.body, kind);
    if (!validated.ok) return validated.response;
    const request = validated.request;
    const stale = request.lines.map((line): StaleLine => ({
      line,
      item: structuredClone(sim.store.stockItems.get(line.pk) as StockItemRow),
    }));
    const refused = cleanError(sim, kind, request, stale);
    if (refused) return refused;
    const ctx: OpContext = { sim, user: req.user?.pk ?? null, notes: request.notes };
    stale.forEach(({ line, item }) => {
      if (!sim.store.stockItems.has(item.pk)) return;
      if (kind === 'transfer') moveItem(ctx, item, line, request.location as number);
      if (kind === 'count') countItem(ctx, item, line);
      if (kind === 'add') addToItem(ctx, item, line);
      if (kind === 'remove') removeFromItem(ctx, item, line);
    });
    const sentNotes = typeof req.body === 'object' && req.body !== null && 'notes' in req.body;
    return jsonResponse(201, adjustEcho(sim.store, request, kind, sentNotes));
  };
}

/** Fields of a stock item the simulation lets a PATCH change (the recordings use delete_on_deplete). */
const PATCHABLE_BOOL = ['delete_on_deplete'];
const PATCHABLE_TEXT = ['batch', 'packaging', 'link'];

function patchItem(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!mayWrite(req, sim, 'change')) return jsonResponse(403, FORBIDDEN);
  const item = sim.store.stockItems.get(Number(req.params.pk));
  if (!item) return jsonResponse(404, { detail: 'Not found.' });
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || Array.isArray(body)) {
    return jsonResponse(400, { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
  }
  const errors: Record<string, string[]> = {};
  for (const key of PATCHABLE_BOOL) {
    if (!(key in body)) continue;
    const value = body[key];
    if (typeof value === 'boolean') item[key] = value;
    else if (['true', 'false', '1', '0'].includes(String(value).toLowerCase()))
      item[key] = ['true', '1'].includes(String(value).toLowerCase());
    else errors[key] = ['Must be a valid boolean.'];
  }
  for (const key of PATCHABLE_TEXT) if (key in body && typeof body[key] === 'string') item[key] = body[key];
  if (Object.keys(errors).length > 0) return jsonResponse(400, errors);
  saveItem(sim, structuredClone(item));
  return jsonResponse(
    200,
    serializeRow(sim.store, 'stockItems', sim.store.stockItems.get(item.pk) as StockItemRow, 'detail', req.query),
  );
}

export const stockRoutes: Route[] = [
  { pattern: '/api/stock/transfer/', permission: 'authenticated', methods: { POST: adjustHandler('transfer') } },
  { pattern: '/api/stock/count/', permission: 'authenticated', methods: { POST: adjustHandler('count') } },
  { pattern: '/api/stock/add/', permission: 'authenticated', methods: { POST: adjustHandler('add') } },
  { pattern: '/api/stock/remove/', permission: 'authenticated', methods: { POST: adjustHandler('remove') } },
  { pattern: '/api/stock/#pk/', permission: 'authenticated', methods: { PATCH: patchItem } },
  ...trackingRoutes,
];
