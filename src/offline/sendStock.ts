/**
 * Sends a queued stock write (transfer/count/add/remove) exactly once: the body carries its
 * operation id in `notes`, and an action that may already have reached the server (`uncertain`)
 * is first looked for in the items' tracking (api/stockOnce.ts). A line queued without a quantity
 * means "the whole item" (it was scanned offline, before its quantity could be read): the item is
 * read when the action is sent.
 */
import { getStockItem, type StockLine, type StockOpKind, type StockOpRequest } from '../api/stock.ts';
import { applyOnce, operationIdIn } from '../api/stockOnce.ts';
import type { Connection } from '../connection/connectionTypes.ts';
import { i18n } from '../i18n/i18n.ts';
import type { QueuedAction, QueuedKind, SendResult } from './queueMachine.ts';

export const STOCK_KINDS: Record<Extract<QueuedKind, `stock-${string}`>, StockOpKind> = {
  'stock-transfer': 'transfer',
  'stock-count': 'count',
  'stock-add': 'add',
  'stock-remove': 'remove',
};

export function isStockKind(kind: QueuedKind): kind is keyof typeof STOCK_KINDS {
  return kind in STOCK_KINDS;
}

/** The log line's sentence for a sent stock change, by kind (a transfer with a location says where). */
function doneText(kind: StockOpKind, pks: number[], location: number | undefined): string {
  const items = pks.map((pk) => `#${pk}`).join(i18n.t('offline:stock.itemSeparator'));
  const count = pks.length;
  switch (kind) {
    case 'transfer':
      return location
        ? i18n.t('offline:stock.transferTo', { count, items, location })
        : i18n.t('offline:stock.transfer', { count, items });
    case 'count':
      return i18n.t('offline:stock.count', { count, items });
    case 'add':
      return i18n.t('offline:stock.add', { count, items });
    case 'remove':
      return i18n.t('offline:stock.remove', { count, items });
  }
}

function readRequest(body: Record<string, unknown>): { request: StockOpRequest; wholeItems: number[] } | null {
  if (!Array.isArray(body.items) || typeof body.notes !== 'string') return null;
  const wholeItems: number[] = [];
  const items: StockLine[] = [];
  for (const raw of body.items as { pk?: unknown; quantity?: unknown }[]) {
    if (typeof raw?.pk !== 'number') return null;
    if (typeof raw.quantity === 'number') items.push({ pk: raw.pk, quantity: raw.quantity });
    else {
      wholeItems.push(raw.pk);
      items.push({ pk: raw.pk, quantity: 0 });
    }
  }
  const request: StockOpRequest = { items, notes: body.notes };
  if (typeof body.location === 'number') request.location = body.location;
  return { request, wholeItems };
}

export async function sendStock(conn: Connection, item: QueuedAction, signal?: AbortSignal): Promise<SendResult> {
  const kind = STOCK_KINDS[item.kind as keyof typeof STOCK_KINDS];
  const parsed = readRequest(item.body);
  const opId = parsed ? operationIdIn(parsed.request.notes ?? '') : null;
  if (!kind || !parsed || !opId) {
    return {
      kind: 'failed',
      problem: { message: i18n.t('offline:stock.incomplete'), nextStep: i18n.t('offline:stock.incompleteNext') },
    };
  }
  const op = { kind, opId, request: parsed.request };
  // Whole-item lines: the quantity is the item's own when sent (a transfer of at least that much moves it whole).
  for (const pk of parsed.wholeItems) {
    const current = await getStockItem(conn, pk, signal);
    const line = op.request.items.find((l) => l.pk === pk && l.quantity === 0);
    if (line) line.quantity = current?.quantity ?? 1;
  }
  const r = await applyOnce(conn, op, item.uncertain, signal);
  const what = doneText(
    kind,
    op.request.items.map((l) => l.pk),
    op.request.location,
  );
  if (r.status === 'already-applied') {
    const lost = i18n.t('offline:stock.lostAnswer');
    return { kind: 'done', outcome: { tone: 'success', result: i18n.t('offline:stock.withLost', { what, lost }) } };
  }
  return { kind: 'done', outcome: { tone: 'success', result: what }, answer: { ok: true, body: r.echo } };
}
