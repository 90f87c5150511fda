/**
 * What a workflow's state machine reads from a request: the typed result the api/ function parsed
 * (`answered`), or why there is none (`failed`: the HTTP status and body of an ApiError, or status 0
 * when no answer came). The machines stay pure (they never see fetch or exceptions); pages turn API
 * calls into answers with `settle`, and the answer is parsed once, in api/.
 */
import { ApiError, errorMessage } from './apiError.ts';

/** Why a request gave no typed result: status 0 (no answer: network, timeout) or the HTTP status. */
export interface RequestFailure {
  status: number;
  /** The error answer's body as the server sent it (field errors are read from it). */
  body: unknown;
  /** The API layer's sentence for it. */
  message: string;
  nextStep: string | null;
}

export type Answer<T> = { kind: 'answered'; value: T } | { kind: 'failed'; failure: RequestFailure };

/** Run an API call and turn its result, or the error it throws, into an answer. */
export async function settle<T>(call: Promise<T>): Promise<Answer<T>> {
  try {
    return { kind: 'answered', value: await call };
  } catch (e) {
    return { kind: 'failed', failure: failureOf(e) };
  }
}

/** The failure a thrown error stands for: an ApiError keeps its status and body; anything else is "no answer". */
export function failureOf(e: unknown): RequestFailure {
  if (e instanceof ApiError) return { status: e.status ?? 0, body: e.body, message: e.message, nextStep: e.nextStep };
  return { status: 0, body: null, message: errorMessage(e), nextStep: null };
}

// ---- Before the workflow kit: status + raw body. Removed once every page is on the kit. ----

export interface HttpAnswer {
  status: number;
  body: unknown;
  message?: string;
}

/** @deprecated the kit's `settle` keeps the typed result. */
export async function settleRaw<T>(call: Promise<T>, toAnswer: (value: T) => HttpAnswer): Promise<HttpAnswer> {
  try {
    return toAnswer(await call);
  } catch (e) {
    return thrownAnswer(e);
  }
}

export function thrownAnswer(e: unknown): HttpAnswer {
  if (e instanceof ApiError) return { status: e.status ?? 0, body: e.body, message: e.message };
  return { status: 0, body: null, message: errorMessage(e) };
}

export const rawAnswer = (r: { status: number; raw: unknown }): HttpAnswer => ({ status: r.status, body: r.raw });
