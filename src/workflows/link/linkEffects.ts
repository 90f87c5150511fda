/**
 * Turns what the API functions return or throw into the plain `{status, body}` answers the link
 * machine reads, so the machine sees exactly what the server said.
 */
import { ApiError, errorMessage } from '../../api/apiError.ts';
import type { HttpAnswer } from './linkAnswers.ts';

/** Barcode results carry the status and raw body; thrown ApiErrors carry them too (status null = no answer). */
export async function settle(call: Promise<{ status: number; raw: unknown }>): Promise<HttpAnswer> {
  try {
    const r = await call;
    return { status: r.status, body: r.raw };
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status ?? 0, body: e.body, message: e.message };
    return { status: 0, body: null, message: errorMessage(e) };
  }
}
