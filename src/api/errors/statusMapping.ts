/**
 * HTTP status → what the user reads: 401 (which sign-in problem), 403 (which right is missing),
 * 404, 405, 5xx (crash or unavailable), HTML or empty bodies, and 400s through the known errors.
 */
import { formatList } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { AuthProblem } from '../apiError.ts';
import { isRecord } from '../answerFields.ts';
import { BARCODE_MODEL_INFO, modelForApiUrl, modelForTable } from '../models.ts';
import { extractFieldErrors, fieldErrorSentence } from './fieldErrors.ts';
import { roleName } from './fieldNames.ts';
import { describeBarcodeError } from './knownErrors.ts';
import { cleanServerText, ensurePeriod, looksLikeHtml, messagesFromValue, truncate } from './serverText.ts';

export interface ErrorContext {
  method?: string;
  /** Request path (no host, no query). */
  path?: string;
  /** Response Content-Type, when known. */
  contentType?: string | null;
  /** The request carried HTTP Basic credentials (the login call). */
  usedBasicAuth?: boolean;
}

export interface MappedError {
  message: string;
  nextStep: string | null;
  fieldErrors: Record<string, string[]>;
  authProblem: AuthProblem | null;
  missingRole: string | null;
}

/** The object a path names, for 404s: "stock item 231", or the path itself. */
function describeTarget(path: string | undefined): string {
  if (!path) return i18n.t('api:status.target.unknown');
  const hit = modelForApiUrl(path);
  if (hit) return i18n.t('api:status.target.object', { model: BARCODE_MODEL_INFO[hit.model].name, pk: hit.pk });
  if (/^\/api\/barcode\/history\/\d+\/?$/.test(path)) return i18n.t('api:status.target.historyEntry');
  return path;
}

/** HTTP's own reason phrase ("404 Not Found"): a protocol value, the same in every language. */
function statusPhrase(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    408: 'Request Timeout',
    409: 'Conflict',
    413: 'Payload Too Large',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return names[status] ? `${status} ${names[status]}` : `HTTP ${status}`;
}

function describe401(detail: string, ctx: ErrorContext): Omit<MappedError, 'fieldErrors' | 'missingRole'> {
  const d = detail.toLowerCase();
  if (
    d.includes('invalid username/password') ||
    (ctx.usedBasicAuth && !d.includes('expired') && !d.includes('revoked'))
  ) {
    return {
      message: i18n.t('api:auth.wrongPassword'),
      nextStep: i18n.t('api:auth.wrongPasswordNext'),
      authProblem: 'wrong-password',
    };
  }
  if (d.includes('expired')) {
    return { message: i18n.t('api:auth.expired'), nextStep: i18n.t('api:auth.signInAgain'), authProblem: 'expired' };
  }
  if (d.includes('revoked')) {
    return { message: i18n.t('api:auth.revoked'), nextStep: i18n.t('api:auth.signInAgain'), authProblem: 'revoked' };
  }
  if (d.includes('inactive') || d.includes('deleted')) {
    return { message: i18n.t('api:auth.inactive'), nextStep: i18n.t('api:auth.inactiveNext'), authProblem: 'invalid' };
  }
  if (d.includes('not provided') || !d) {
    return {
      message: i18n.t('api:auth.notSignedIn'),
      nextStep: i18n.t('api:auth.notSignedInNext'),
      authProblem: 'missing',
    };
  }
  return {
    message: i18n.t('api:auth.tokenRefused'),
    nextStep: i18n.t('api:auth.signInAgain'),
    authProblem: 'invalid',
  };
}

/** Message for an HTML or empty body: the request did not reach InvenTree's API, or InvenTree crashed. */
export function describeUnexpectedBody(status: number, text: string, ctx: ErrorContext = {}): MappedError {
  const html = looksLikeHtml(text);
  const base = { fieldErrors: {}, authProblem: null, missingRole: null };
  const body = html ? 'html' : text.trim() ? 'text' : 'empty';
  // One sentence per kind of body: German and Chinese decline or place the noun differently.
  const what = i18n.t(`api:unexpected.body.${body}`);
  if (status >= 200 && status < 300) {
    return {
      ...base,
      message: i18n.t(`api:unexpected.okWith.${body}`),
      nextStep: html ? i18n.t('api:unexpected.checkUrlHtml') : i18n.t('api:unexpected.checkUrl'),
    };
  }
  if (status >= 500) return { ...base, ...describe5xx(status, null) };
  if (status === 404) {
    return {
      ...base,
      message: ctx.path
        ? i18n.t('api:unexpected.noPath', { path: ctx.path, status: statusPhrase(status), what })
        : i18n.t('api:unexpected.noAddress', { status: statusPhrase(status), what }),
      nextStep: i18n.t('api:unexpected.noPathNext'),
    };
  }
  if (status === 401) return { ...base, ...describe401('', ctx) };
  if (status === 403) {
    return {
      ...base,
      message: i18n.t('api:unexpected.refused', { status: statusPhrase(status), what }),
      nextStep: i18n.t('api:unexpected.refusedNext'),
    };
  }
  return {
    ...base,
    message: i18n.t(`api:unexpected.statusWith.${body}`, { status: statusPhrase(status) }),
    nextStep: null,
  };
}

function describe5xx(
  status: number,
  body: Record<string, unknown> | null,
): { message: string; nextStep: string | null } {
  if (status === 502 || status === 503 || status === 504) {
    return {
      message: i18n.t('api:status.unavailable', { status: statusPhrase(status) }),
      nextStep: i18n.t('api:status.unavailableNext'),
    };
  }
  // v291 crash body: {"error": "TypeError", "error_class": "<class 'TypeError'>", "detail": "...", "path": ..., "status_code": 500}
  const cls = body && typeof body.error === 'string' ? cleanServerText(body.error) : '';
  const detailRaw = body && typeof body.detail === 'string' ? body.detail : '';
  const hidden = /admin panel/i.test(detailRaw);
  const detail = hidden ? '' : cleanServerText(detailRaw);
  const what = cls && detail ? `${cls}: ${detail}` : cls || detail;
  return {
    // InvenTree's class and detail go in as sent ({{server}}); only the sentence around them is ours.
    message: truncate(i18n.t('api:status.crashed', { server: what || statusPhrase(status) })),
    nextStep: hidden ? i18n.t('api:status.crashedAdminPanel') : i18n.t('api:status.crashedNext'),
  };
}

/**
 * Map an HTTP error answer (status ≥ 400, or a 2xx that must be treated as failure) with an already
 * parsed body (JSON value, or the raw text when it was not JSON) to a clear message.
 */
export function mapErrorBody(status: number, body: unknown, ctx: ErrorContext = {}): MappedError {
  const mapped = mapErrorBodyUnbounded(status, body, ctx);
  const message = mapped.message.trim()
    ? truncate(mapped.message.trim())
    : i18n.t('api:status.answered', { status: statusPhrase(status) });
  return { ...mapped, message, nextStep: mapped.nextStep ? truncate(mapped.nextStep) : null };
}

function mapErrorBodyUnbounded(status: number, body: unknown, ctx: ErrorContext): MappedError {
  if (typeof body === 'string') {
    const t = body.trim();
    if (!t || looksLikeHtml(t) || ctx.contentType?.includes('html')) return describeUnexpectedBody(status, body, ctx);
  }
  if (body === null || body === undefined) return describeUnexpectedBody(status, '', ctx);

  const rec = isRecord(body) ? body : null;
  const fieldErrors = extractFieldErrors(body);
  const base: MappedError = { message: '', nextStep: null, fieldErrors, authProblem: null, missingRole: null };
  const detail = rec && 'detail' in rec ? cleanServerText(rec.detail) : '';

  if (status === 401) {
    return { ...base, ...describe401(detail, ctx) };
  }

  if (status === 403) {
    const errText = rec && 'error' in rec ? cleanServerText(rec.error) : '';
    const perm = /You do not have the required permissions for (\w+|<class '[\w.]+'>)/i.exec(errText);
    if (perm) {
      const model = modelForTable(perm[1]!);
      const roles = model ? BARCODE_MODEL_INFO[model].linkRoles : [];
      const role = roles[0] ?? null;
      const roleText = formatList(
        roles.map((r) => i18n.t('api:quoted', { text: roleName(r) })),
        'disjunction',
      );
      return {
        ...base,
        message: model
          ? i18n.t('api:forbidden.change', { models: BARCODE_MODEL_INFO[model].plural })
          : i18n.t('api:forbidden.general'),
        nextStep: roleText
          ? i18n.t('api:forbidden.askChangeRight', { roles: roleText })
          : i18n.t('api:forbidden.askRight'),
        missingRole: role,
      };
    }
    if (/csrf/i.test(detail)) {
      return {
        ...base,
        message: i18n.t('api:forbidden.csrf'),
        nextStep: i18n.t('api:forbidden.csrfNext'),
      };
    }
    if (/^\/api\/barcode\/history\//.test(ctx.path ?? '') && (ctx.method ?? 'GET').toUpperCase() === 'DELETE') {
      return {
        ...base,
        message: i18n.t('api:forbidden.historyDelete'),
        nextStep: i18n.t('api:forbidden.historyDeleteNext'),
      };
    }
    return {
      ...base,
      message: detail ? ensurePeriod(detail) : errText ? ensurePeriod(errText) : i18n.t('api:forbidden.general'),
      nextStep: i18n.t('api:forbidden.askRight'),
    };
  }

  if (status === 404) {
    if (/^API endpoint not found/i.test(detail)) {
      return {
        ...base,
        message: ctx.path
          ? i18n.t('api:notFound.noEndpoint', { path: ctx.path })
          : i18n.t('api:notFound.noSuchEndpoint'),
        nextStep: i18n.t('api:notFound.noEndpointNext'),
      };
    }
    return {
      ...base,
      message: i18n.t('api:notFound.object', { target: describeTarget(ctx.path) }),
      nextStep: i18n.t('api:notFound.objectNext'),
    };
  }

  if (status === 405) {
    const method = ctx.method?.toUpperCase();
    const message = method
      ? ctx.path
        ? i18n.t('api:status.methodNotAllowed', { method, path: ctx.path })
        : i18n.t('api:status.methodNotAllowedHere', { method })
      : ctx.path
        ? i18n.t('api:status.anyMethodNotAllowed', { path: ctx.path })
        : i18n.t('api:status.anyMethodNotAllowedHere');
    return { ...base, message, nextStep: i18n.t('api:status.methodNotAllowedNext') };
  }

  if (status >= 500) {
    return { ...base, ...describe5xx(status, rec) };
  }

  if (status === 429) {
    return {
      ...base,
      message: i18n.t('api:status.tooMany'),
      nextStep: i18n.t('api:status.tooManyNext'),
    };
  }
  if (status === 413) {
    return { ...base, message: i18n.t('api:status.tooLarge'), nextStep: null };
  }
  if (status === 408) {
    return {
      ...base,
      message: i18n.t('api:status.requestTimeout'),
      nextStep: i18n.t('api:status.tryAgain'),
    };
  }

  // 400 and other client errors.
  if (Array.isArray(body)) {
    const msgs = messagesFromValue(body);
    const invalidInput = msgs.length === 1 && /^Invalid input\.?$/i.test(msgs[0]!);
    if (invalidInput && /\/api\/barcode\/po-allocate\/?$/.test(ctx.path ?? '')) {
      // po-allocate hides its reason behind ["Invalid input."] (BEHAVIOUR 2.5).
      return {
        ...base,
        message: i18n.t('api:known.poAllocateInvalid'),
        nextStep: i18n.t('api:known.poAllocateInvalidNext'),
      };
    }
    return {
      ...base,
      message: msgs.length
        ? ensurePeriod(msgs.join(' '))
        : i18n.t('api:status.rejected', { status: statusPhrase(status) }),
    };
  }

  if (rec && 'error' in rec) {
    const d = describeBarcodeError(rec.error, rec);
    return { ...base, ...d };
  }
  if (detail) {
    return { ...base, message: ensurePeriod(detail) };
  }
  if (Object.keys(fieldErrors).length) {
    return {
      ...base,
      message: fieldErrorSentence(fieldErrors) || i18n.t('api:status.rejected', { status: statusPhrase(status) }),
    };
  }
  const msgs = messagesFromValue(body);
  return {
    ...base,
    message: msgs.length ? truncate(msgs.join(' ')) : i18n.t('api:status.rejected', { status: statusPhrase(status) }),
  };
}
