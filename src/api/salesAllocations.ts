/**
 * Sales-order allocations (v291): find the allocation a barcode scan made, and delete it
 * (`DELETE /api/order/so-allocation/{id}/`: 204 with an empty body; 403 without the sales_order
 * role's delete right, 404 once gone). The so-allocate barcode answer names the stock item, line
 * and shipment but not the allocation, so it is looked up by those.
 */
import type { Connection } from './apiConnection.ts';
import { answerNumber, isRecord } from './answerFields.ts';
import { apiRequest } from './http.ts';
import { LIST_PATHS } from './lists.ts';

export const ALLOCATION_PATHS = {
  list: LIST_PATHS.allocations,
  detail: (pk: number) => `${LIST_PATHS.allocations}${pk}/`,
} as const;

export interface AllocationView {
  pk: number;
  item: number;
  line: number;
  shipment: number | null;
  quantity: number;
}

function parseAllocation(raw: unknown): AllocationView | null {
  if (!isRecord(raw)) return null;
  const pk = answerNumber(raw.pk);
  const item = answerNumber(raw.item);
  const line = answerNumber(raw.line);
  const quantity = answerNumber(raw.quantity);
  if (pk === null || item === null || line === null || quantity === null) return null;
  return { pk, item, line, shipment: answerNumber(raw.shipment), quantity };
}

/** The allocations of a stock item on a line (and shipment), newest first (InvenTree creates a new one per scan). */
export async function findAllocations(
  conn: Connection,
  by: { item: number; line: number; shipment: number | null },
  signal?: AbortSignal,
): Promise<AllocationView[]> {
  const query: Record<string, number> = { item: by.item, line: by.line, limit: 100 };
  if (by.shipment !== null) query.shipment = by.shipment;
  const body = await apiRequest<unknown>(conn, { path: ALLOCATION_PATHS.list, query, signal });
  const rows = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.results) ? body.results : [];
  return rows
    .map(parseAllocation)
    .filter((a): a is AllocationView => a !== null)
    .sort((a, b) => b.pk - a.pk);
}

/** DELETE one allocation; resolves when the server answered 204. */
export async function deleteAllocation(conn: Connection, pk: number, signal?: AbortSignal): Promise<void> {
  await apiRequest<unknown>(conn, { method: 'DELETE', path: ALLOCATION_PATHS.detail(pk), signal });
}
