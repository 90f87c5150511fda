/**
 * The contract every workflow machine keeps: a pure `step(state, event) -> { state, effect }`.
 * An effect is one request for the page to perform; its typed answer comes back as an event.
 * One request is in flight at a time (`inFlight`); scans arriving meanwhile wait in `queue` and go
 * in scan order, so a scanner gun can be fired label after label. No React, no fetch here.
 */
import type { Answer } from '../../api/httpAnswer.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';

export type { Answer };

export interface Transition<S, F> {
  state: S;
  /** The request to perform now, or null. */
  effect: F | null;
}

/** A workflow's rules. */
export type Step<S, E, F> = (state: S, event: E) => Transition<S, F>;

/** What the kit reads in every workflow state: the request in flight (busy) and the waiting scans. */
export interface Work<F, Q = string> {
  inFlight: F | null;
  /** Scans that arrived while busy, oldest first. */
  queue: Q[];
}

/** Events every workflow understands the same way. */
export type ScanEventOf = { type: 'scan'; scan: ScanEvent };
/** The request in flight went to the offline queue instead: a finished step, the next scan goes on. */
export type QueuedEvent = { type: 'queued'; id: string; reason: string | null };
/** The typed answer to the effect in flight, `to` naming the effect kind it answers. */
export type AnswerEvent<K extends string, T> = { type: 'answer'; to: K; answer: Answer<T> };

export function isBusy(state: Work<unknown, unknown>): boolean {
  return state.inFlight !== null;
}

/** Nothing to perform. */
export function stay<S, F>(state: S): Transition<S, F> {
  return { state, effect: null };
}

/** The effect and waiting-scan types of a workflow state. */
type EffectOf<S extends Work<unknown, unknown>> = NonNullable<S['inFlight']>;
type ItemOf<S extends Work<unknown, unknown>> = S['queue'][number];

/** Start `effect`: the machine is busy until its answer. */
export function begin<S extends Work<unknown, unknown>>(state: S, effect: EffectOf<S>): Transition<S, EffectOf<S>> {
  return { state: { ...state, inFlight: effect }, effect };
}

/** The answer arrived: not busy any more. */
export function finish<S extends Work<unknown, unknown>>(state: S): S {
  return { ...state, inFlight: null };
}

/** A scan: started now when idle, otherwise queued behind the request in flight. */
export function scanOrQueue<S extends Work<unknown, unknown>>(
  state: S,
  item: ItemOf<S>,
  start: (state: S, item: ItemOf<S>) => Transition<S, EffectOf<S>>,
): Transition<S, EffectOf<S>> {
  if (isBusy(state)) return stay({ ...state, queue: [...state.queue, item] });
  return start(state, item);
}

/** After an answer: the oldest waiting scan, if any, is started. */
export function nextQueued<S extends Work<unknown, unknown>>(
  state: S,
  start: (state: S, item: ItemOf<S>) => Transition<S, EffectOf<S>>,
): Transition<S, EffectOf<S>> {
  if (isBusy(state) || state.queue.length === 0) return stay(state);
  const [next, ...rest] = state.queue;
  return start({ ...state, queue: rest }, next as ItemOf<S>);
}

/** What the waiting things are called: scans, or labels (a page where each scan is a label). */
export type WaitingNoun = 'scan' | 'label';

/**
 * How many scans wait, in words: "2 more labels waiting…". `reason` (already in the user's
 * language, e.g. "for the shipment") says what a scan held back by a question waits for.
 */
export function waitingText(count: number, kind: WaitingNoun = 'scan', reason?: string | null): string {
  if (reason) return i18n.t(kind === 'label' ? 'kit:waiting.labelFor' : 'kit:waiting.scanFor', { count, reason });
  return i18n.t(kind === 'label' ? 'kit:waiting.label' : 'kit:waiting.scan', { count });
}
