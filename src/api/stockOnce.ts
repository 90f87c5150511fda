/**
 * "Never twice" for stock writes. Transfer, add and remove are not idempotent: a request whose
 * answer was lost may have been applied. Each one carries an operation id in `notes`
 * ("StockScan move 3f9c0a1b2c3d", readable in InvenTree's history too); v291 copies notes onto
 * every tracking entry the request writes, so when the outcome is unknown the item's tracking is
 * searched for that id first, and the request is sent only if it is absent.
 */
import type { Connection } from './apiConnection.ts';
import {
  listTracking,
  postStockOp,
  type StockOpEcho,
  type StockOpKind,
  type StockOpRequest,
  type TrackingEntry,
} from './stock.ts';

/** The word each kind writes into notes (a person reads "move", not "transfer"). */
const KIND_WORD: Record<StockOpKind, string> = { transfer: 'move', count: 'count', add: 'add', remove: 'remove' };

export function newOperationId(random: () => number = Math.random): string {
  const bytes =
    typeof crypto !== 'undefined' && 'getRandomValues' in crypto
      ? crypto.getRandomValues(new Uint8Array(6))
      : Uint8Array.from({ length: 6 }, () => Math.floor(random() * 256));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The marker text; the note the user typed (if any) follows it after " — ". */
export function operationMarker(kind: StockOpKind, opId: string): string {
  return `StockScan ${KIND_WORD[kind]} ${opId}`;
}

export function operationNotes(kind: StockOpKind, opId: string, userNote?: string): string {
  const note = userNote?.trim();
  return note ? `${operationMarker(kind, opId)} — ${note}` : operationMarker(kind, opId);
}

/** The operation id a note carries, if it is one of ours. */
export function operationIdIn(notes: string): string | null {
  return /\bStockScan (?:move|count|add|remove) ([0-9a-f]{8,32})\b/.exec(notes)?.[1] ?? null;
}

/** Whether any of these tracking entries was written by the operation. */
export function appliedIn(entries: readonly TrackingEntry[], opId: string): TrackingEntry | null {
  return entries.find((e) => operationIdIn(e.notes) === opId) ?? null;
}

export interface StockOperation {
  kind: StockOpKind;
  opId: string;
  request: StockOpRequest;
}

export function buildOperation(
  kind: StockOpKind,
  opId: string,
  request: Omit<StockOpRequest, 'notes'>,
  userNote?: string,
): StockOperation {
  return { kind, opId, request: { ...request, notes: operationNotes(kind, opId, userNote) } };
}

export type OnceResult =
  | { status: 'sent'; echo: StockOpEcho }
  /** Found in tracking: an earlier attempt was applied; nothing was sent. */
  | { status: 'already-applied'; entry: TrackingEntry | null };

/**
 * What an earlier attempt did, read from the items' tracking: applied (an entry carries the id),
 * gone (every item was deleted: depletion, which only an applied count/remove to 0 does here, or
 * something else — sending again could not apply anything either way), or absent.
 */
export async function findApplied(
  conn: Connection,
  op: StockOperation,
  signal?: AbortSignal,
): Promise<{ found: true; entry: TrackingEntry | null } | { found: false }> {
  let gone = 0;
  for (const pk of new Set(op.request.items.map((l) => l.pk))) {
    const entries = await listTracking(conn, pk, signal);
    if (entries === null) {
      gone += 1;
      continue;
    }
    const entry = appliedIn(entries, op.opId);
    if (entry) return { found: true, entry };
  }
  const depleting = op.kind === 'count' || op.kind === 'remove';
  if (gone > 0 && depleting) return { found: true, entry: null };
  return { found: false };
}

/**
 * Sends the operation once. `uncertain`: an earlier attempt may have reached the server (answer
 * lost, reload mid-request, queued after a dropped connection): look first, send only if absent.
 */
export async function applyOnce(
  conn: Connection,
  op: StockOperation,
  uncertain: boolean,
  signal?: AbortSignal,
): Promise<OnceResult> {
  if (uncertain) {
    const found = await findApplied(conn, op, signal);
    if (found.found) return { status: 'already-applied', entry: found.entry };
  }
  return { status: 'sent', echo: await postStockOp(conn, op.kind, op.request, signal) };
}
