/**
 * The offline queue as pure data: scans and the writes they trigger, kept while the InvenTree
 * server cannot be reached and sent one at a time, oldest first, when it can. No React, no
 * IndexedDB, no fetch: the provider persists what these functions return and runs the sends.
 *
 * Life of an action: queued → sending → done | failed, or back to queued when the server still
 * cannot be reached or wants a new sign-in. `uncertain` marks an action whose request may have
 * reached the server without its answer reaching us (connection dropped mid-request, or the page
 * closed while sending); the sender then retries it in the way that is safe for its kind.
 */
import type { ScanSource } from '../scanner/scanEvent.ts';

export type QueuedKind =
  'scan' | 'po-receive' | 'so-allocate' | 'link' | 'stock-transfer' | 'stock-count' | 'stock-add' | 'stock-remove';
export type QueueStatus = 'queued' | 'sending' | 'done' | 'failed';

/** What the session log says about a finished action. */
export interface QueueOutcome {
  tone: 'success' | 'notFound' | 'error' | 'info';
  result: string;
  /** In-app route for a follow-up. */
  to?: string;
}

/** The server's answer as the page's workflow reads it (the scan card is updated from it). */
export type QueuedAnswer =
  | { ok: true; body: unknown }
  | { ok: false; status: number | null; body: unknown; message: string; nextStep?: string | null };

export interface QueuedAction {
  id: string;
  /** Arrival order; actions are sent strictly in this order. */
  seq: number;
  kind: QueuedKind;
  /** The barcode endpoint and the JSON body to POST to it (never a token). */
  path: string;
  body: Record<string, unknown>;
  barcode: string;
  source: ScanSource;
  format: string | null;
  /** When it was scanned (epoch ms). */
  at: number;
  /** Server base URL it was meant for: never replayed against another server. */
  server: string;
  /** The page it came from (its log shows it again after a reload). */
  route: string;
  /** What the action was about, in words ("PO-0003, into Reel Storage"). */
  context: string;
  status: QueueStatus;
  attempts: number;
  uncertain: boolean;
  /** so-allocate: the order's allocation ids before the first attempt, to tell whether a lost answer allocated. */
  allocationsBefore?: number[];
  outcome?: QueueOutcome;
  answer?: QueuedAnswer;
  /** Why it failed or is still waiting, in plain words. */
  problem?: { message: string; nextStep: string | null };
  updatedAt: number;
}

export type NewAction = Pick<
  QueuedAction,
  'kind' | 'path' | 'body' | 'barcode' | 'source' | 'format' | 'at' | 'server' | 'route' | 'context'
> & {
  /** True when a first attempt was already made and its fate is unknown. */
  uncertain?: boolean;
  /** Why it was queued (the first attempt's failure), shown while it waits. */
  problem?: { message: string; nextStep: string | null };
};

/** How one send went, as the sender classifies it. */
export type SendResult =
  /** The server decided: finished (outcome) — a refusal the user must see is 'failed'. */
  | { kind: 'done'; outcome: QueueOutcome; answer?: QueuedAnswer }
  | { kind: 'failed'; problem: { message: string; nextStep: string | null }; answer?: QueuedAnswer }
  /** No answer: wait and send again. `maybeReached`: the request may have arrived. */
  | { kind: 'unreachable'; maybeReached: boolean; problem: { message: string; nextStep: string | null } }
  /** 401: nothing was done; wait for a new sign-in, then send again. */
  | { kind: 'auth'; problem: { message: string; nextStep: string | null } };

export function bySeq(a: QueuedAction, b: QueuedAction): number {
  return a.seq - b.seq;
}

export function createAction(items: readonly QueuedAction[], input: NewAction, id: string, now: number): QueuedAction {
  const seq = items.reduce((max, i) => Math.max(max, i.seq), 0) + 1;
  const { uncertain = false, problem, ...rest } = input;
  const action: QueuedAction = {
    ...rest,
    id,
    seq,
    status: 'queued',
    attempts: uncertain ? 1 : 0,
    uncertain,
    updatedAt: now,
  };
  if (problem) action.problem = problem;
  return action;
}

/** Still to be sent (or being sent) for this server. */
export function isPending(item: QueuedAction): boolean {
  return item.status === 'queued' || item.status === 'sending';
}

export function pendingFor(items: readonly QueuedAction[], server: string): QueuedAction[] {
  return items.filter((i) => isPending(i) && i.server === server).sort(bySeq);
}

/**
 * The next action to send to this server: the oldest queued one, and only when nothing is being
 * sent (one at a time keeps the server's order the scan order). Failed actions wait for the user
 * and do not hold up the rest.
 */
export function nextToSend(items: readonly QueuedAction[], server: string): QueuedAction | null {
  const mine = items.filter((i) => i.server === server);
  if (mine.some((i) => i.status === 'sending')) return null;
  return mine.filter((i) => i.status === 'queued').sort(bySeq)[0] ?? null;
}

/** About to send: counted, and marked so a reload mid-request knows it may have arrived. */
export function markSending(item: QueuedAction, now: number): QueuedAction {
  return { ...item, status: 'sending', attempts: item.attempts + 1, updatedAt: now };
}

export function settle(item: QueuedAction, result: SendResult, now: number): QueuedAction {
  const base = { ...item, updatedAt: now };
  switch (result.kind) {
    case 'done': {
      const next: QueuedAction = { ...base, status: 'done', outcome: result.outcome };
      delete next.problem;
      if (result.answer) next.answer = result.answer;
      return next;
    }
    case 'failed': {
      const next: QueuedAction = {
        ...base,
        status: 'failed',
        problem: result.problem,
        outcome: { tone: 'error', result: result.problem.message },
      };
      if (result.answer) next.answer = result.answer;
      return next;
    }
    case 'unreachable':
      return { ...base, status: 'queued', uncertain: item.uncertain || result.maybeReached, problem: result.problem };
    case 'auth':
      // A 401 is answered before anything is done: the attempt does not make the action uncertain.
      return { ...base, status: 'queued', problem: result.problem };
  }
}

/** After a reload: an action left "sending" may or may not have reached the server. */
export function recover(items: readonly QueuedAction[], now: number): QueuedAction[] {
  return items.map((i) => (i.status === 'sending' ? { ...i, status: 'queued', uncertain: true, updatedAt: now } : i));
}

/** The user asks to send a failed action again. */
export function retry(item: QueuedAction, now: number): QueuedAction {
  if (item.status !== 'failed') return item;
  const next: QueuedAction = { ...item, status: 'queued', updatedAt: now };
  delete next.outcome;
  delete next.answer;
  return next;
}

/** Finished actions older than this are dropped from storage (their log lines were shown). */
export const DONE_KEEP_MS = 12 * 60 * 60 * 1000;
export const DONE_KEEP_COUNT = 500;

/** Which stored actions to delete: done ones that are old, or beyond the newest DONE_KEEP_COUNT. */
export function expired(items: readonly QueuedAction[], now: number): string[] {
  const done = items.filter((i) => i.status === 'done').sort((a, b) => b.seq - a.seq);
  return done.filter((i, index) => index >= DONE_KEEP_COUNT || now - i.updatedAt > DONE_KEEP_MS).map((i) => i.id);
}

export interface QueueCounts {
  queued: number;
  sending: number;
  done: number;
  failed: number;
}

export function countQueue(items: readonly QueuedAction[]): QueueCounts {
  const c: QueueCounts = { queued: 0, sending: 0, done: 0, failed: 0 };
  for (const i of items) c[i.status] += 1;
  return c;
}
