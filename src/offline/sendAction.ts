/**
 * Sends one queued action to InvenTree and says how it went. Each kind retries in its own safe way
 * when an earlier attempt may have reached the server (`uncertain`), using what v291 answers to a
 * second attempt (BEHAVIOUR 2.1–2.7):
 * - scan (POST /api/barcode/): a lookup; sent again. The only side effect is one more scan-history
 *   row when the server keeps history.
 * - po-receive: sent again; a label already received answers 400 "Item has already been received",
 *   which after an uncertain attempt means the first one did it: done, nothing received twice.
 * - link: sent again; a barcode already on the target answers "Barcode matches existing item" naming
 *   that target, which after an uncertain attempt means the first one did it.
 * - so-allocate: NOT safe to repeat (v291 allocates again). Before the first attempt the order's
 *   allocations are read and kept; after an uncertain attempt they are read again, and a new
 *   allocation means done. Without that record it is not resent: the user decides.
 */
import { ApiError, errorMessage } from '../api/apiError.ts';
import { linkBarcode, poReceive, scanBarcode, soAllocate, type BarcodeFailure } from '../api/barcode.ts';
import { apiRequest } from '../api/http.ts';
import { isBarcodeModel, modelTitle, type BarcodeModel } from '../api/models.ts';
import { formatQuantity } from '../i18n/format.ts';
import { i18n } from '../i18n/i18n.ts';
import type { Connection } from '../connection/connectionTypes.ts';
import type { QueuedAction, QueuedAnswer, SendResult } from './queueMachine.ts';
import { sendStock } from './sendStock.ts';

/** Writes a change to the action before the request goes out (kept even if the page dies mid-request). */
export type PersistPatch = (patch: Partial<QueuedAction>) => Promise<void>;

/** Said of an action done on an uncertain attempt (made when the text is, in the language then in use). */
const lostAnswer = () => i18n.t('offline:send.lostAnswer');

/** A thrown error as a send result: no answer (wait), 401 (sign in), or a decided failure. */
export function classifyError(e: unknown): SendResult {
  if (e instanceof ApiError) {
    const problem = { message: e.message, nextStep: e.nextStep };
    if (e.status === 401) return { kind: 'auth', problem };
    // A CORS-looking failure mid-session is usually a dropped connection (the answer never came).
    if (e.kind === 'network' || e.kind === 'timeout' || e.kind === 'cors' || e.kind === 'aborted') {
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false && e.kind === 'network';
      return { kind: 'unreachable', maybeReached: !offline, problem };
    }
    if (e.status === 502 || e.status === 503) return { kind: 'unreachable', maybeReached: false, problem };
    if (e.status === 504) return { kind: 'unreachable', maybeReached: true, problem };
    return {
      kind: 'failed',
      problem,
      answer: { ok: false, status: e.status, body: e.body, message: e.message, nextStep: e.nextStep },
    };
  }
  return { kind: 'failed', problem: { message: errorMessage(e), nextStep: null } };
}

function failureAnswer(f: BarcodeFailure): QueuedAnswer {
  return { ok: false, status: f.status, body: f.raw, message: f.message, nextStep: f.nextStep };
}

function failed(f: BarcodeFailure): SendResult {
  return { kind: 'failed', problem: { message: f.message, nextStep: f.nextStep }, answer: failureAnswer(f) };
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

async function allocationIds(conn: Connection, order: number, signal?: AbortSignal): Promise<number[]> {
  const body = await apiRequest<unknown>(conn, { path: '/api/order/so-allocation/', query: { order }, signal });
  const rows = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { results?: unknown }).results)
      ? (body as { results: unknown[] }).results
      : [];
  return rows.map((r) => num((r as { pk?: unknown }).pk)).filter((pk): pk is number => pk !== null);
}

async function sendScan(conn: Connection, item: QueuedAction, signal?: AbortSignal): Promise<SendResult> {
  const r = await scanBarcode(conn, item.barcode, signal);
  if (r.ok) {
    return {
      kind: 'done',
      outcome: {
        tone: 'success',
        result: i18n.t('offline:send.found', { model: modelTitle(r.match.model), pk: r.match.pk }),
      },
      answer: { ok: true, body: r.raw },
    };
  }
  if (r.code === 'no-match') {
    return {
      kind: 'done',
      outcome: {
        tone: 'notFound',
        result: i18n.t('offline:send.noMatch'),
        to: `/link?barcode=${encodeURIComponent(item.barcode)}`,
      },
      answer: failureAnswer(r),
    };
  }
  return failed(r);
}

async function sendPoReceive(conn: Connection, item: QueuedAction, signal?: AbortSignal): Promise<SendResult> {
  const r = await poReceive(conn, item.body as Parameters<typeof poReceive>[1], signal);
  if (r.ok) {
    const outcome =
      r.outcome === 'received'
        ? { tone: 'success' as const, result: i18n.t('offline:send.received', { line: r.lineItem.pk }) }
        : { tone: 'info' as const, result: i18n.t('offline:send.notReceivedYet', { server: r.message }) };
    return { kind: 'done', outcome, answer: { ok: true, body: r.raw } };
  }
  if (r.code === 'already-received' && item.uncertain) {
    return {
      kind: 'done',
      outcome: { tone: 'success', result: i18n.t('offline:send.receivedLost', { lost: lostAnswer() }) },
      answer: failureAnswer(r),
    };
  }
  return failed(r);
}

async function sendLink(conn: Connection, item: QueuedAction, signal?: AbortSignal): Promise<SendResult> {
  const target = Object.entries(item.body).find(([k, v]) => isBarcodeModel(k) && typeof v === 'number') as
    [BarcodeModel, number] | undefined;
  if (!target)
    return {
      kind: 'failed',
      problem: { message: i18n.t('offline:send.linkNoTarget'), nextStep: i18n.t('offline:send.linkNoTargetNext') },
    };
  const [model, pk] = target;
  const r = await linkBarcode(conn, item.barcode, model, pk, signal);
  if (r.ok)
    return {
      kind: 'done',
      outcome: { tone: 'success', result: i18n.t('offline:send.linked', { model: modelTitle(model), pk }) },
      answer: { ok: true, body: r.raw },
    };
  const onTarget = r.matches.some((m) => m.model === model && m.pk === pk);
  if (item.uncertain && r.code === 'already-assigned' && onTarget) {
    return {
      kind: 'done',
      outcome: {
        tone: 'success',
        result: i18n.t('offline:send.linkedLost', { model: modelTitle(model), pk, lost: lostAnswer() }),
      },
      answer: failureAnswer(r),
    };
  }
  return failed(r);
}

async function sendSoAllocate(
  conn: Connection,
  item: QueuedAction,
  persist: PersistPatch,
  signal?: AbortSignal,
): Promise<SendResult> {
  const order = num(item.body.sales_order);
  if (order === null)
    return {
      kind: 'failed',
      problem: {
        message: i18n.t('offline:send.allocationNoOrder'),
        nextStep: i18n.t('offline:send.allocationNoOrderNext'),
      },
    };
  if (item.uncertain) {
    if (!item.allocationsBefore) {
      return {
        kind: 'failed',
        problem: {
          message: i18n.t('offline:send.allocationUncertain'),
          nextStep: i18n.t('offline:send.allocationUncertainNext'),
        },
      };
    }
    const before = new Set(item.allocationsBefore);
    const now = await readOnly(() => allocationIds(conn, order, signal));
    if (!Array.isArray(now)) return now;
    const added = now.filter((pk) => !before.has(pk));
    if (added.length > 0) {
      return {
        kind: 'done',
        outcome: { tone: 'success', result: i18n.t('offline:send.allocatedLost', { lost: lostAnswer() }) },
      };
    }
  } else {
    // Remember the order's allocations before the request goes out, so a lost answer can be checked.
    const ids = await readOnly(() => allocationIds(conn, order, signal));
    if (!Array.isArray(ids)) return ids;
    await persist({ allocationsBefore: ids });
  }
  const r = await soAllocate(conn, item.body as Parameters<typeof soAllocate>[1], signal);
  if (r.ok) {
    return {
      kind: 'done',
      outcome: {
        tone: 'success',
        result: i18n.t('offline:send.allocated', { quantity: formatQuantity(r.quantity), item: r.stockItem }),
      },
      answer: { ok: true, body: r.raw },
    };
  }
  return failed(r);
}

/** A read before the write: if it fails, the write was certainly not sent. */
async function readOnly<T>(read: () => Promise<T>): Promise<T | SendResult> {
  try {
    return await read();
  } catch (e) {
    const r = classifyError(e);
    return r.kind === 'unreachable' ? { ...r, maybeReached: false } : r;
  }
}

export async function sendAction(
  conn: Connection,
  item: QueuedAction,
  persist: PersistPatch,
  signal?: AbortSignal,
): Promise<SendResult> {
  try {
    switch (item.kind) {
      case 'scan':
        return await sendScan(conn, item, signal);
      case 'po-receive':
        return await sendPoReceive(conn, item, signal);
      case 'link':
        return await sendLink(conn, item, signal);
      case 'so-allocate':
        return await sendSoAllocate(conn, item, persist, signal);
      // Stock writes are not safe to repeat: sendStock looks for the operation id first.
      case 'stock-transfer':
      case 'stock-count':
      case 'stock-add':
      case 'stock-remove':
        return await sendStock(conn, item, signal);
    }
  } catch (e) {
    return classifyError(e);
  }
}
