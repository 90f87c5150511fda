/**
 * What a workflow's state machine reads from a request: the HTTP status and the parsed body, exactly
 * as the server sent them, or status 0 with a reason when no answer came. The machines stay pure
 * (they never see fetch or exceptions); pages turn API calls into answers with `settle`.
 */
import { ApiError, errorMessage } from './apiError.ts';

export interface HttpAnswer {
  status: number;
  body: unknown;
  /** Why there was no answer (status 0: network, timeout), or the API layer's message for an error. */
  message?: string;
}

/** Run an API call and turn its result, or the ApiError it throws, into an answer. */
export async function settle<T>(call: Promise<T>, toAnswer: (value: T) => HttpAnswer): Promise<HttpAnswer> {
  try {
    return toAnswer(await call);
  } catch (e) {
    return thrownAnswer(e);
  }
}

/** The answer a thrown error stands for: an ApiError keeps its status and body; anything else is "no answer". */
export function thrownAnswer(e: unknown): HttpAnswer {
  if (e instanceof ApiError) return { status: e.status ?? 0, body: e.body, message: e.message };
  return { status: 0, body: null, message: errorMessage(e) };
}

/** Barcode endpoint results carry their status and raw body. */
export const rawAnswer = (r: { status: number; raw: unknown }): HttpAnswer => ({ status: r.status, body: r.raw });
