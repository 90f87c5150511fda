/**
 * The one request path to InvenTree: base URL, token header, JSON in and out, a timeout, and every
 * failure turned into an ApiError with a clear message. Never puts the token in a URL or a log.
 */
import { i18n } from '../i18n/i18n.ts';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { describeUnexpectedBody, looksLikeHtml, mapErrorBody } from './errorMapping.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions {
  method?: HttpMethod;
  /** "/api/..." (trailing slash as InvenTree wants it) or an absolute URL on the same server. */
  path: string;
  query?: Record<string, QueryValue | QueryValue[]>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** HTTP Basic instead of the token (the login call only). */
  basicAuth?: { username: string; password: string };
  /** Default true: a 2xx answer must be JSON (or empty); HTML there is an error. */
  expectJson?: boolean;
  /** Default true: a 401 calls the handler set with setUnauthorizedHandler(). The login flow turns it off. */
  notifyUnauthorized?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const PROBE_TIMEOUT_MS = 5_000;

type UnauthorizedHandler = (error: ApiError, conn: Connection) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;

/**
 * Register what happens when the server says 401 (e.g. mark the session expired and ask the user
 * to sign in again, keeping the page and any queue). Returns an unregister function.
 */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

/** Base URL without trailing slash; '' means same origin (demo mode). */
export function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '');
}

/** Full request URL: base + path + query. Refuses to build a URL that would carry a token. */
export function buildUrl(
  conn: Pick<Connection, 'baseUrl' | 'mode'>,
  path: string,
  query?: ApiRequestOptions['query'],
): string {
  // Demo mode normally has baseUrl '' (same origin, answered by the service worker).
  const base = normaliseBaseUrl(conn.baseUrl);
  let url: string;
  if (/^https?:\/\//i.test(path)) url = path;
  else url = base + (path.startsWith('/') ? path : `/${path}`);
  if (query) {
    const params = new URLSearchParams();
    for (const [key, raw] of Object.entries(query)) {
      if (/^(token|key|auth|authorization|password)$/i.test(key)) throw new Error(`Refusing to put "${key}" in a URL`);
      const values = Array.isArray(raw) ? raw : [raw];
      for (const v of values) if (v !== undefined && v !== null && v !== '') params.append(key, String(v));
    }
    const qs = params.toString();
    if (qs) url += (url.includes('?') ? '&' : '?') + qs;
  }
  return url;
}

/**
 * A server that echoes the request (some proxies and debug pages do) could put the token into an
 * error text; messages are shown and may be reported, so the token is blanked out of them.
 */
export function redactToken(text: string, token: string | null): string {
  return token && token.length >= 8 ? text.split(token).join('[token removed]') : text;
}

/** Path for messages: no host, no query string. */
function displayPath(path: string): string {
  try {
    if (/^https?:\/\//i.test(path)) return new URL(path).pathname;
  } catch {
    /* fall through */
  }
  return path.split('?')[0] ?? path;
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Which server a transport error names: the demo, the address, or none known (a sentence each). */
function serverPlace(conn: Connection): { place: 'demo' | 'url' | 'none'; server: string } {
  if (conn.mode === 'demo') return { place: 'demo', server: '' };
  const server = normaliseBaseUrl(conn.baseUrl);
  return server ? { place: 'url', server } : { place: 'none', server: '' };
}

/**
 * After fetch() rejected: was it the network, or did CORS hide a real answer? A `no-cors` request
 * resolves (opaquely) when the server is reachable, and rejects when nothing answers.
 */
async function diagnoseFetchFailure(
  conn: Connection,
  signal: AbortSignal | undefined,
): Promise<'cors' | 'network' | 'offline'> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  if (conn.mode === 'demo') return 'network';
  const base = normaliseBaseUrl(conn.baseUrl);
  if (!base) return 'network';
  try {
    const pageOrigin = typeof location !== 'undefined' ? location.origin : null;
    if (pageOrigin && new URL(base).origin === pageOrigin) return 'network';
  } catch {
    return 'network';
  }
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), PROBE_TIMEOUT_MS);
  const onAbort = () => ctl.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    await fetch(`${base}/api/`, { mode: 'no-cors', credentials: 'omit', signal: ctl.signal, cache: 'no-store' });
    return 'cors';
  } catch {
    return 'network';
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function transportError(
  kind: 'cors' | 'network' | 'offline' | 'timeout' | 'aborted',
  conn: Connection,
  method: string,
  path: string,
  timeoutMs: number,
  cause: unknown,
): ApiError {
  const { place, server } = serverPlace(conn);
  const common = { method, path, cause };
  switch (kind) {
    case 'offline':
      return new ApiError({
        ...common,
        kind: 'network',
        message: i18n.t('api:http.offline'),
        nextStep: i18n.t('api:http.offlineNext'),
      });
    case 'network':
      return new ApiError({
        ...common,
        kind: 'network',
        message: i18n.t(`api:http.unreachable.${place}`, { server }),
        nextStep: conn.mode === 'demo' ? i18n.t('api:http.unreachableDemoNext') : i18n.t('api:http.unreachableNext'),
      });
    case 'cors':
      return new ApiError({
        ...common,
        kind: 'cors',
        message: i18n.t(`api:http.cors.${place}`, { server }),
        nextStep: i18n.t('api:http.corsNext'),
      });
    case 'timeout':
      return new ApiError({
        ...common,
        kind: 'timeout',
        message: i18n.t(`api:http.timeout.${place}`, {
          server,
          count: Math.max(1, Math.round(timeoutMs / 1000)),
        }),
        nextStep: i18n.t('api:http.timeoutNext'),
      });
    case 'aborted':
      return new ApiError({ ...common, kind: 'aborted', message: i18n.t('api:http.aborted') });
  }
}

/** In demo mode an HTML answer means the page's own server answered: the simulation is not running. */
function demoNotRunning(status: number, body: string, method: string, path: string): ApiError {
  return new ApiError({
    kind: 'parse',
    status,
    body,
    method,
    path,
    message: i18n.t('api:http.demoNotRunning'),
    nextStep: i18n.t('api:http.demoNotRunningNext'),
  });
}

/**
 * Send one request and return the parsed JSON (null for an empty answer, e.g. 204).
 * Throws ApiError for anything else.
 */
export async function apiRequest<T = unknown>(conn: Connection, opts: ApiRequestOptions): Promise<T> {
  const method = opts.method ?? 'GET';
  const path = displayPath(opts.path);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = buildUrl(conn, opts.path, opts.query);

  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.basicAuth)
    headers.Authorization = `Basic ${base64Utf8(`${opts.basicAuth.username}:${opts.basicAuth.password}`)}`;
  else if (conn.token) headers.Authorization = `Token ${conn.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }

  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, timeoutMs);
  const onAbort = () => ctl.abort();
  if (opts.signal?.aborted) ctl.abort();
  opts.signal?.addEventListener('abort', onAbort);

  let res: Response;
  let text: string;
  try {
    try {
      // credentials 'omit': token auth only, so a stray InvenTree session cookie never triggers CSRF checks.
      res = await fetch(url, { method, headers, body, signal: ctl.signal, credentials: 'omit', cache: 'no-store' });
      text = await res.text();
    } catch (e) {
      if (timedOut) throw transportError('timeout', conn, method, path, timeoutMs, e);
      if (opts.signal?.aborted) throw transportError('aborted', conn, method, path, timeoutMs, e);
      const why = await diagnoseFetchFailure(conn, opts.signal);
      throw transportError(why, conn, method, path, timeoutMs, e);
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }

  const contentType = res.headers.get('content-type');
  const ctx = { method, path, contentType, usedBasicAuth: !!opts.basicAuth };
  const trimmed = text.trim();
  let parsed: unknown = null;
  let isJson = false;
  if (trimmed) {
    const claimsJson = !contentType || /json/i.test(contentType);
    if (claimsJson && !looksLikeHtml(trimmed)) {
      try {
        parsed = JSON.parse(trimmed);
        isJson = true;
      } catch {
        parsed = text;
      }
    } else parsed = text;
  }

  if (!res.ok) {
    if (conn.mode === 'demo' && !isJson && looksLikeHtml(trimmed)) throw demoNotRunning(res.status, text, method, path);
    const mapped = mapErrorBody(res.status, isJson ? parsed : text, ctx);
    const err = new ApiError({
      kind: 'http',
      status: res.status,
      message: redactToken(mapped.message, conn.token),
      nextStep: mapped.nextStep === null ? null : redactToken(mapped.nextStep, conn.token),
      fieldErrors: mapped.fieldErrors,
      authProblem: mapped.authProblem,
      missingRole: mapped.missingRole,
      body: isJson ? parsed : text,
      method,
      path,
    });
    if (res.status === 401 && opts.notifyUnauthorized !== false && !opts.basicAuth) unauthorizedHandler?.(err, conn);
    throw err;
  }

  if (!trimmed) return null as T;
  if (!isJson && opts.expectJson !== false) {
    if (conn.mode === 'demo' && looksLikeHtml(trimmed)) throw demoNotRunning(res.status, text, method, path);
    const mapped = describeUnexpectedBody(res.status, text, ctx);
    throw new ApiError({
      kind: 'parse',
      status: res.status,
      message: mapped.message,
      nextStep: mapped.nextStep,
      body: text,
      method,
      path,
    });
  }
  return parsed as T;
}
