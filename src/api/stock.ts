/**
 * InvenTree's stock adjustment endpoints (v291): transfer, count, add, remove, and the reads that
 * tell what they did. The four POSTs answer 201 with an echo of the request, never the result (a
 * no-op answers the same), so callers read the item or its tracking afterwards (STOCK-OPERATIONS.md).
 * Answers are parsed here, once; pages see typed values.
 */
import { i18n } from '../i18n/i18n.ts';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { answerNumber, isRecord } from './answerFields.ts';
import { apiRequest } from './http.ts';
import { LIST_PATHS } from './lists.ts';

export const STOCK_PATHS = {
  transfer: '/api/stock/transfer/',
  count: '/api/stock/count/',
  add: '/api/stock/add/',
  remove: '/api/stock/remove/',
  track: '/api/stock/track/',
  item: (pk: number) => `${LIST_PATHS.stockItems}${pk}/`,
  list: LIST_PATHS.stockItems,
  location: (pk: number) => `${LIST_PATHS.locations}${pk}/`,
} as const;

export type StockOpKind = 'transfer' | 'count' | 'add' | 'remove';

export interface StockLine {
  pk: number;
  quantity: number;
}

export interface StockOpRequest {
  items: StockLine[];
  notes?: string;
  /** transfer only: the destination location. */
  location?: number;
}

/** The 201 echo: what the server validated. `pk` null means the operation deleted the item. */
export interface StockOpEcho {
  items: { pk: number | null; quantity: number }[];
  notes: string | null;
  location: number | null;
}

/** The fields of a stock item the stock pages show. */
export interface StockItemView {
  pk: number;
  part: number;
  partName: string;
  quantity: number;
  serial: string | null;
  batch: string | null;
  location: number | null;
  locationName: string | null;
  inStock: boolean;
  /** A serialized item (serial and quantity 1): never split; count/add/remove do nothing to it. */
  serialized: boolean;
  trackable: boolean;
  units: string;
}

export interface LocationView {
  pk: number;
  name: string;
  pathstring: string;
  structural: boolean;
}

export interface TrackingEntry {
  pk: number;
  item: number;
  date: string;
  code: number;
  label: string;
  notes: string;
  deltas: Record<string, unknown>;
  user: number | null;
}

function parseError(path: string, message: string, body: unknown): ApiError {
  return new ApiError({
    kind: 'parse',
    message,
    body,
    path,
    method: 'GET',
    nextStep: i18n.t('api:answers.stockUnreadableNext'),
  });
}

export function parseStockItem(raw: unknown, path = ''): StockItemView {
  if (!isRecord(raw) || typeof raw.pk !== 'number') throw parseError(path, i18n.t('api:answers.notStockItem'), raw);
  const part = isRecord(raw.part_detail) ? raw.part_detail : {};
  const quantity = answerNumber(raw.quantity) ?? 0;
  const serial = typeof raw.serial === 'string' && raw.serial !== '' ? raw.serial : null;
  return {
    pk: raw.pk,
    part: answerNumber(raw.part) ?? 0,
    partName:
      typeof part.full_name === 'string'
        ? part.full_name
        : typeof part.name === 'string'
          ? part.name
          : i18n.t('api:objects.partPk', { pk: String(raw.part) }),
    quantity,
    serial,
    batch: typeof raw.batch === 'string' && raw.batch !== '' ? raw.batch : null,
    location: answerNumber(raw.location),
    locationName: typeof raw.location_name === 'string' ? raw.location_name : null,
    inStock: raw.in_stock !== false,
    serialized: serial !== null && quantity === 1,
    trackable: part.trackable === true,
    units: typeof part.units === 'string' ? part.units : '',
  };
}

export function parseLocation(raw: unknown, path = ''): LocationView {
  if (!isRecord(raw) || typeof raw.pk !== 'number') throw parseError(path, i18n.t('api:answers.notStockLocation'), raw);
  return {
    pk: raw.pk,
    name: typeof raw.name === 'string' ? raw.name : i18n.t('api:objects.locationPk', { pk: raw.pk }),
    pathstring: typeof raw.pathstring === 'string' ? raw.pathstring : '',
    structural: raw.structural === true,
  };
}

function rowsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (isRecord(body) && Array.isArray(body.results)) return body.results;
  return [];
}

export function parseEcho(body: unknown): StockOpEcho {
  const b = isRecord(body) ? body : {};
  const items = rowsOf(b.items).map((row) => {
    const r = isRecord(row) ? row : {};
    return { pk: answerNumber(r.pk), quantity: answerNumber(r.quantity) ?? 0 };
  });
  return { items, notes: typeof b.notes === 'string' ? b.notes : null, location: answerNumber(b.location) };
}

export function parseTracking(raw: unknown): TrackingEntry | null {
  if (!isRecord(raw) || typeof raw.pk !== 'number') return null;
  return {
    pk: raw.pk,
    item: answerNumber(raw.item) ?? 0,
    date: typeof raw.date === 'string' ? raw.date : '',
    code: answerNumber(raw.tracking_type) ?? 0,
    label: typeof raw.label === 'string' ? raw.label : '',
    notes: typeof raw.notes === 'string' ? raw.notes : '',
    deltas: isRecord(raw.deltas) ? raw.deltas : {},
    user: answerNumber(raw.user),
  };
}

/** POST one of the four adjustments; returns the parsed echo (201). Errors throw ApiError. */
export async function postStockOp(
  conn: Connection,
  kind: StockOpKind,
  request: StockOpRequest,
  signal?: AbortSignal,
): Promise<StockOpEcho> {
  const body: Record<string, unknown> = { items: request.items.map((l) => ({ pk: l.pk, quantity: l.quantity })) };
  if (request.notes !== undefined) body.notes = request.notes;
  if (kind === 'transfer') body.location = request.location;
  const answer = await apiRequest<unknown>(conn, { method: 'POST', path: STOCK_PATHS[kind], body, signal });
  return parseEcho(answer);
}

/** The item, or null when it no longer exists (deleted on depletion: 404). */
export async function getStockItem(conn: Connection, pk: number, signal?: AbortSignal): Promise<StockItemView | null> {
  try {
    const body = await apiRequest<unknown>(conn, { path: STOCK_PATHS.item(pk), query: { part_detail: true }, signal });
    return parseStockItem(body, STOCK_PATHS.item(pk));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export async function getLocation(conn: Connection, pk: number, signal?: AbortSignal): Promise<LocationView | null> {
  try {
    return parseLocation(
      await apiRequest<unknown>(conn, { path: STOCK_PATHS.location(pk), signal }),
      STOCK_PATHS.location(pk),
    );
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/**
 * Stock items directly at a location. The list includes sub-locations by default (`cascade`), so
 * the rows are filtered to this location exactly (works whether or not the server honours cascade).
 */
export async function listStockAt(conn: Connection, location: number, signal?: AbortSignal): Promise<StockItemView[]> {
  const body = await apiRequest<unknown>(conn, {
    path: STOCK_PATHS.list,
    query: { location, cascade: false, part_detail: true },
    signal,
  });
  return rowsOf(body)
    .map((r) => parseStockItem(r, STOCK_PATHS.list))
    .filter((i) => i.location === location);
}

/**
 * The newest tracking entries of an item (newest first), or null when the item no longer exists
 * (v291 answers 400 "Select a valid choice" for a deleted item).
 */
export async function listTracking(
  conn: Connection,
  item: number,
  signal?: AbortSignal,
  limit = 100,
): Promise<TrackingEntry[] | null> {
  try {
    const body = await apiRequest<unknown>(conn, { path: STOCK_PATHS.track, query: { item, limit }, signal });
    return rowsOf(body)
      .map(parseTracking)
      .filter((t): t is TrackingEntry => t !== null);
  } catch (e) {
    if (e instanceof ApiError && e.status === 400 && 'item' in e.fieldErrors) return null;
    throw e;
  }
}
