/**
 * The one rule for "send it now, or keep it for later", shared by every page that writes through
 * the offline queue (the scan page's lookups, PO receive, SO allocate, link): in server mode an
 * action goes straight to the queue while the queue says so (offline, earlier actions still waiting,
 * signed out), and an attempt that fails the way the queue takes (classifyError: no answer, 502–504,
 * 401) is queued with why it failed and whether it may have reached the server. Any other answer or
 * failure is the caller's to read. No React here.
 */
import type { NewAction } from './queueMachine.ts';
import { classifyError } from './sendAction.ts';

/** The queue as a sender sees it; `enqueue` is already bound to the page's log line. */
export interface WriteQueue {
  shouldQueue(): boolean;
  enqueue(input: NewAction): Promise<{ id: string }>;
}

/** The action went to the queue: `id` is its queue id, `reason` why the server was not used (null: it was already waiting). */
export interface Queued {
  queued: true;
  id: string;
  reason: string | null;
}

export type SentOrQueued<T> = { queued: false; sent: T } | Queued;

export function isQueued(v: unknown): v is Queued {
  return typeof v === 'object' && v !== null && (v as { queued?: unknown }).queued === true;
}

/**
 * Run `call`, or queue `input` instead. `input` null (demo mode, or an action the queue cannot
 * replay) always calls. An aborted request (the page went away) is rethrown, never queued.
 */
export async function sendOrQueue<T>(
  queue: WriteQueue | null,
  input: Omit<NewAction, 'uncertain' | 'problem'> | null,
  call: () => Promise<T>,
  signal?: AbortSignal,
): Promise<SentOrQueued<T>> {
  const usable = queue && input && input.server ? { queue, input } : null;
  if (usable?.queue.shouldQueue()) {
    const item = await usable.queue.enqueue(usable.input);
    return { queued: true, id: item.id, reason: null };
  }
  try {
    return { queued: false, sent: await call() };
  } catch (e) {
    if (!usable || signal?.aborted) throw e;
    const c = classifyError(e);
    if (c.kind !== 'unreachable' && c.kind !== 'auth') throw e;
    const item = await usable.queue.enqueue({
      ...usable.input,
      uncertain: c.kind === 'unreachable' && c.maybeReached,
      problem: c.problem,
    });
    return { queued: true, id: item.id, reason: [c.problem.message, c.problem.nextStep].filter(Boolean).join(' ') };
  }
}
