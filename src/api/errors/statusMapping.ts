/**
 * HTTP status → what the user reads: 401 (which sign-in problem), 403 (which right is missing),
 * 404, 405, 5xx (crash or unavailable), HTML or empty bodies, and 400s through the known errors.
 */
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
  if (!path) return 'the requested item';
  const hit = modelForApiUrl(path);
  if (hit) return `${BARCODE_MODEL_INFO[hit.model].name} ${hit.pk}`;
  if (/^\/api\/barcode\/history\/\d+\/?$/.test(path)) return 'that scan history entry';
  return path;
}

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
      message: 'Wrong username or password.',
      nextStep: 'Check the username and password (they are case-sensitive) and try again.',
      authProblem: 'wrong-password',
    };
  }
  if (d.includes('expired')) {
    return {
      message: 'Your sign-in has expired.',
      nextStep: 'Sign in again; your work on this page is kept.',
      authProblem: 'expired',
    };
  }
  if (d.includes('revoked')) {
    return {
      message: 'Your sign-in token has been revoked on the server.',
      nextStep: 'Sign in again; your work on this page is kept.',
      authProblem: 'revoked',
    };
  }
  if (d.includes('inactive') || d.includes('deleted')) {
    return {
      message: 'This user account is inactive or has been deleted.',
      nextStep: 'Ask an InvenTree administrator, or sign in as another user.',
      authProblem: 'invalid',
    };
  }
  if (d.includes('not provided') || !d) {
    return { message: 'You are not signed in.', nextStep: 'Sign in on the Settings page.', authProblem: 'missing' };
  }
  return {
    message: 'The server did not accept your sign-in token (it may have been deleted, or belong to another server).',
    nextStep: 'Sign in again; your work on this page is kept.',
    authProblem: 'invalid',
  };
}

/** Message for an HTML or empty body: the request did not reach InvenTree's API, or InvenTree crashed. */
export function describeUnexpectedBody(status: number, text: string, ctx: ErrorContext = {}): MappedError {
  const html = looksLikeHtml(text);
  const base = { fieldErrors: {}, authProblem: null, missingRole: null };
  const what = html ? 'a web page' : text.trim() ? 'something that is not InvenTree data' : 'an empty answer';
  if (status >= 200 && status < 300) {
    return {
      ...base,
      message: `The server answered with ${what} where InvenTree data was expected.`,
      nextStep: html
        ? 'Check the server URL: it must be the InvenTree address itself (e.g. https://inventree.example.com), not a login portal or proxy page.'
        : 'Check the server URL and that it runs InvenTree.',
    };
  }
  if (status >= 500) return { ...base, ...describe5xx(status, null) };
  if (status === 404) {
    return {
      ...base,
      message: `The server has no ${ctx.path ? `“${ctx.path}”` : 'such address'} (${statusPhrase(status)}, ${what}).`,
      nextStep: 'Check that the server URL points at InvenTree and that its version supports this feature.',
    };
  }
  if (status === 401) return { ...base, ...describe401('', ctx) };
  if (status === 403) {
    return {
      ...base,
      message: `The server refused the request (${statusPhrase(status)}, ${what}).`,
      nextStep: 'A proxy or firewall in front of InvenTree may be blocking it; check the server URL.',
    };
  }
  return { ...base, message: `The server answered ${statusPhrase(status)} with ${what}.`, nextStep: null };
}

function describe5xx(
  status: number,
  body: Record<string, unknown> | null,
): { message: string; nextStep: string | null } {
  if (status === 502 || status === 503 || status === 504) {
    return {
      message: `The server is not available right now (${statusPhrase(status)}).`,
      nextStep: 'Wait a moment and try again; if it persists, InvenTree or the proxy in front of it is down.',
    };
  }
  // v291 crash body: {"error": "TypeError", "error_class": "<class 'TypeError'>", "detail": "...", "path": ..., "status_code": 500}
  const cls = body && typeof body.error === 'string' ? cleanServerText(body.error) : '';
  const detailRaw = body && typeof body.detail === 'string' ? body.detail : '';
  const hidden = /admin panel/i.test(detailRaw);
  const detail = hidden ? '' : cleanServerText(detailRaw);
  const what = cls && detail ? `${cls}: ${detail}` : cls || detail;
  return {
    message: truncate(
      what
        ? `The InvenTree server failed with an internal error (${what}).`
        : `The InvenTree server failed with an internal error (${statusPhrase(status)}).`,
    ),
    nextStep: hidden
      ? 'This is a server-side bug; nothing was changed. The details are in the server’s admin panel (error reports).'
      : 'This is a server-side bug; nothing was changed. Try a different input, or ask your administrator to check the server’s error log.',
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
    : `The server answered ${statusPhrase(status)}.`;
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
      const model = modelForTable(perm[1]);
      const roles = model ? BARCODE_MODEL_INFO[model].linkRoles : [];
      const role = roles[0] ?? null;
      const roleText = roles.map((r) => `“${roleName(r)}”`).join(' or ');
      return {
        ...base,
        message: model
          ? `You do not have permission to change ${BARCODE_MODEL_INFO[model].plural}.`
          : 'You do not have permission to do this.',
        nextStep: roleText
          ? `Ask an InvenTree administrator for the “change” right on ${roleText}, or sign in as a user who has it.`
          : 'Ask an InvenTree administrator for the right, or sign in as a user who has it.',
        missingRole: role,
      };
    }
    if (/csrf/i.test(detail)) {
      return {
        ...base,
        message: 'The server refused the request because the browser session lacks a CSRF token.',
        nextStep: 'Sign out of InvenTree in this browser, or sign in to StockScan with a token.',
      };
    }
    if (/^\/api\/barcode\/history\//.test(ctx.path ?? '') && (ctx.method ?? 'GET').toUpperCase() === 'DELETE') {
      return {
        ...base,
        message: 'Only staff users may delete scan history.',
        nextStep: 'Ask an InvenTree administrator, or sign in as a staff user.',
      };
    }
    return {
      ...base,
      message: detail
        ? ensurePeriod(detail)
        : errText
          ? ensurePeriod(errText)
          : 'You do not have permission to do this.',
      nextStep: 'Ask an InvenTree administrator for the right, or sign in as a user who has it.',
    };
  }

  if (status === 404) {
    if (/^API endpoint not found/i.test(detail)) {
      return {
        ...base,
        message: `This InvenTree server has no ${ctx.path ? `“${ctx.path}”` : 'such'} endpoint.`,
        nextStep: 'Its InvenTree version may not support this feature; check the version on the Settings page.',
      };
    }
    return {
      ...base,
      message: `Not found: ${describeTarget(ctx.path)} does not exist on the server.`,
      nextStep: 'It may have been deleted; refresh and try again.',
    };
  }

  if (status === 405) {
    const method = (ctx.method ?? 'this method').toUpperCase();
    return {
      ...base,
      message: `The server does not allow ${method} on ${ctx.path ?? 'this address'}.`,
      nextStep:
        'The server’s InvenTree version may differ from what StockScan expects (API 291); check it on the Settings page.',
    };
  }

  if (status >= 500) {
    return { ...base, ...describe5xx(status, rec) };
  }

  if (status === 429) {
    return {
      ...base,
      message: 'The server is receiving too many requests right now (429 Too Many Requests).',
      nextStep: 'Wait a moment and try again.',
    };
  }
  if (status === 413) {
    return { ...base, message: 'The request was too large for the server (413 Payload Too Large).', nextStep: null };
  }
  if (status === 408) {
    return {
      ...base,
      message: 'The server gave up waiting for the request (408 Request Timeout).',
      nextStep: 'Try again.',
    };
  }

  // 400 and other client errors.
  if (Array.isArray(body)) {
    const msgs = messagesFromValue(body);
    const invalidInput = msgs.length === 1 && /^Invalid input\.?$/i.test(msgs[0]);
    if (invalidInput && /\/api\/barcode\/po-allocate\/?$/.test(ctx.path ?? '')) {
      // po-allocate hides its reason behind ["Invalid input."] (BEHAVIOUR 2.5).
      return {
        ...base,
        message: 'This barcode does not identify a supplier part of this purchase order’s supplier.',
        nextStep: 'Scan a part, supplier part or manufacturer part barcode that this supplier sells.',
      };
    }
    return {
      ...base,
      message: msgs.length
        ? ensurePeriod(msgs.join(' '))
        : `The server rejected the request (${statusPhrase(status)}).`,
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
      message: fieldErrorSentence(fieldErrors) || `The server rejected the request (${statusPhrase(status)}).`,
    };
  }
  const msgs = messagesFromValue(body);
  return {
    ...base,
    message: msgs.length ? truncate(msgs.join(' ')) : `The server rejected the request (${statusPhrase(status)}).`,
  };
}
