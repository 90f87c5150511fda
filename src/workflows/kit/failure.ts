/**
 * The one mapping from a failed request (no answer, 401, 403, 404, 5xx) to a workflow outcome,
 * used by every machine. A workflow gives only its own words (what was not done, which right it
 * needs); the rest — and anything the workflow says nothing about — comes from api/errorMapping.
 * Other statuses (400 field errors, barcode-level failures) are the workflow's rules: null here.
 */
import { isRecord } from '../../api/answerFields.ts';
import { cleanServerText, mapErrorBody } from '../../api/errorMapping.ts';
import type { RequestFailure } from '../../api/httpAnswer.ts';
import { stockWriteRight } from '../../api/stockBarcode.ts';
import { i18n } from '../../i18n/i18n.ts';

export type FailureReason = 'network' | 'signedOut' | 'forbidden' | 'notFound' | 'server';

export interface FailureOutcome {
  reason: FailureReason;
  message: string;
  /** 0 when no answer came. */
  status: number;
}

/**
 * A workflow's words for the failures it explains itself, already in the user's language (made with
 * i18n.t when the failure is read); the kit's own sentences around them come from the `kit` area.
 */
export interface FailureWords {
  /** Said after "You are signed out. Sign in again in Settings", before the full stop: e.g. ", then scan the label again". */
  afterSignIn?: string;
  /** A 403 in words ("Your InvenTree account may not receive purchase orders (…)"); default: the server's reason mapped. */
  forbidden?: string | ((failure: RequestFailure) => string);
  /** A 404 in words; default: left to the workflow (null). */
  notFound?: string | ((failure: RequestFailure) => string);
  /** Said after "The server failed (HTTP 500).": e.g. "Nothing was received." */
  afterServerError?: string | ((failure: RequestFailure) => string);
  /** A 5xx in words of the workflow's own, replacing "The server failed (HTTP 500)." (Scan keeps errorMapping's sentence). */
  serverError?: (failure: RequestFailure) => string;
}

function say(words: string | ((f: RequestFailure) => string), failure: RequestFailure): string {
  return typeof words === 'string' ? words : words(failure);
}

/** The outcome of a failed request, or null when the status is the workflow's to read (400, 409, …). */
export function failureOutcome(failure: RequestFailure, words: FailureWords = {}): FailureOutcome | null {
  const { status } = failure;
  if (status === 0) return { reason: 'network', status, message: failure.message || i18n.t('kit:failure.network') };
  if (status === 401)
    return {
      reason: 'signedOut',
      status,
      message: i18n.t('kit:failure.signedOut', { after: words.afterSignIn ?? '' }),
    };
  if (status === 403) {
    const message = words.forbidden ? say(words.forbidden, failure) : mappedText(failure);
    return { reason: 'forbidden', status, message };
  }
  if (status === 404 && words.notFound) return { reason: 'notFound', status, message: say(words.notFound, failure) };
  if (status >= 500) {
    if (words.serverError) return { reason: 'server', status, message: words.serverError(failure) };
    const after = words.afterServerError ? say(words.afterServerError, failure) : '';
    const message = after
      ? i18n.t('kit:failure.serverThen', { status, after })
      : i18n.t('kit:failure.server', { status });
    return { reason: 'server', status, message };
  }
  return null;
}

/**
 * A refused stock write (move, count, add, remove) in words: on a 403 the right the user lacks,
 * otherwise the common failures, else the server's own message (a 400's reason).
 */
export function stockWriteFailure(
  failure: RequestFailure,
  words: Omit<FailureWords, 'forbidden'>,
): { message: string; forbidden: boolean } {
  const common = failureOutcome(failure, {
    ...words,
    forbidden: i18n.t('kit:failure.stockRight', { right: stockWriteRight() }),
  });
  return { message: common?.message ?? failure.message, forbidden: common?.reason === 'forbidden' };
}

/** errorMapping's sentence for the failure, with its next step. */
function mappedText(failure: RequestFailure): string {
  const mapped = mapErrorBody(failure.status, failure.body);
  return [mapped.message, mapped.nextStep].filter(Boolean).join(' ');
}

/** The server's own reason in a failed answer (`error`, `detail`, or the text), cleaned of Python reprs. */
export function serverReason(body: unknown): string {
  if (isRecord(body)) return cleanServerText(body.error ?? body.detail ?? '');
  return cleanServerText(body ?? '');
}
