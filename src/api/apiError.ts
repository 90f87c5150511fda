/**
 * The one error type every API call throws. The UI shows `message` (a plain sentence, never raw
 * JSON or a Python repr) and, where it helps, `nextStep`; workflows branch on `kind`/`status`.
 */
import { i18n } from '../i18n/i18n.ts';
export type ApiErrorKind = 'network' | 'timeout' | 'cors' | 'http' | 'parse' | 'aborted';

/** Why a 401 happened, so the app can say "sign in" vs "sign in again". */
export type AuthProblem = 'missing' | 'invalid' | 'expired' | 'revoked' | 'wrong-password';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  status?: number | null;
  fieldErrors?: Record<string, string[]>;
  body?: unknown;
  nextStep?: string | null;
  method?: string;
  path?: string;
  authProblem?: AuthProblem | null;
  /** InvenTree role name (e.g. "stock") whose right was missing, when the server said which. */
  missingRole?: string | null;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** HTTP status, or null when no answer arrived (network, timeout, CORS, aborted). */
  readonly status: number | null;
  /** Field name → clean messages (DRF field errors; `non_field_errors` kept under that key). */
  readonly fieldErrors: Record<string, string[]>;
  /** The parsed answer body (JSON value, or the text when it was not JSON), for details views. */
  readonly body: unknown;
  /** What the user can do about it, in plain words; null when there is nothing useful to add. */
  readonly nextStep: string | null;
  readonly method: string;
  /** Request path without query string or host (never contains the token). */
  readonly path: string;
  readonly authProblem: AuthProblem | null;
  readonly missingRole: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.body = init.body;
    this.nextStep = init.nextStep ?? null;
    this.method = init.method ?? 'GET';
    this.path = init.path ?? '';
    this.authProblem = init.authProblem ?? null;
    this.missingRole = init.missingRole ?? null;
  }

  /** True when the request may simply be sent again later (nothing reached or nothing was decided). */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.kind === 'http' && this.status !== null && [502, 503, 504].includes(this.status);
  }

  /**
   * A safe summary for logs and error reports: no body (it may hold barcode data), no cause, and
   * never the token (requests carry it only in a header, which ApiError does not keep).
   */
  toJSON(): {
    name: string;
    kind: ApiErrorKind;
    status: number | null;
    method: string;
    path: string;
    message: string;
    nextStep: string | null;
  } {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      method: this.method,
      path: this.path,
      message: this.message,
      nextStep: this.nextStep,
    };
  }

  /** True when the user must sign in (again) before this can work. */
  get needsLogin(): boolean {
    return this.status === 401;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A message for anything caught: ApiError's message, an Error's message, or a generic sentence. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === 'string' && e.trim()) return e;
  return i18n.t('api:somethingWrong');
}
