// Django-style routing for the simulation: exact path patterns (trailing slash included),
// authentication before permissions before the method check, DRF's body parsing and InvenTree's
// 500 body for crashes. Independent of MSW: takes a fetch Request, returns an ApiResponse.
import { authenticate, NOT_AUTHENTICATED, unauthorized } from './auth';
import type { ApiRequest, ApiResponse } from './apiTypes';
import { jsonResponse } from './apiTypes';
import { pyJsonLoads } from './pyJson';
import { SimulatedServerError, serverErrorBody } from './serverError';
import type { Simulation } from './simulation';

export type EndpointHandler = (req: ApiRequest, sim: Simulation) => ApiResponse;

export interface Route {
  /**
   * Path pattern: `:name` matches one segment, `#name` digits only (Django's `<int:pk>`, so a
   * non-numeric id falls through to the 404 catch-all), e.g. `/api/barcode/history/#id/`.
   */
  pattern: string;
  /**
   * DRF permission: `authenticated` (IsAuthenticated), `any` (AllowAny) or `staffOrReadOnly`
   * (IsAuthenticated + IsStaffOrReadOnly: writes by non-staff get 403 before the method check).
   */
  permission: 'authenticated' | 'any' | 'staffOrReadOnly';
  methods: Partial<Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', EndpointHandler>>;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

/** Routes with the same pattern (e.g. a list GET and a create POST) become one, like one DRF view. */
export function mergeRoutes(routes: Route[]): Route[] {
  const merged = new Map<string, Route>();
  for (const route of routes) {
    const existing = merged.get(route.pattern);
    if (existing) merged.set(route.pattern, { ...existing, methods: { ...existing.methods, ...route.methods } });
    else merged.set(route.pattern, route);
  }
  return [...merged.values()];
}

export function compileRoutes(routes: Route[]): CompiledRoute[] {
  return mergeRoutes(routes).map((route) => {
    const names: string[] = [];
    const source = route.pattern
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        if (segment.startsWith('#')) {
          names.push(segment.slice(1));
          return '(\\d+)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    return { ...route, regex: new RegExp(`^${source}$`), names };
  });
}

export function matchRoute(
  routes: CompiledRoute[],
  path: string,
): { route: CompiledRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    const match = route.regex.exec(path);
    if (match) {
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(match[i + 1]!);
      });
      return { route, params };
    }
  }
  return null;
}

type ParsedBody = { ok: true; body: unknown } | { ok: false; response: ApiResponse };

/** DRF's parsers: JSON, form and multipart; an empty body is "no data". */
export async function parseBody(request: Request): Promise<ParsedBody> {
  if (request.method === 'GET' || request.method === 'HEAD') return { ok: true, body: undefined };
  const text = await request.text();
  if (text === '') return { ok: true, body: undefined };
  const contentType = request.headers.get('Content-Type') ?? '';
  const mediaType = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) {
    const parsed = pyJsonLoads(text);
    if (parsed.ok) return { ok: true, body: parsed.value };
    return { ok: false, response: jsonResponse(400, { detail: `JSON parse error - ${parsed.message}` }) };
  }
  if (mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(text);
    const body: Record<string, string> = {};
    form.forEach((value, key) => {
      body[key] = value;
    });
    return { ok: true, body };
  }
  return {
    ok: false,
    response: jsonResponse(415, { detail: `Unsupported media type "${contentType}" in request.` }),
  };
}

/**
 * Answers one request if a route matches its path, else returns null (so other handlers, e.g.
 * SIM-ORDERS' ones or the 404 catch-all, can answer).
 */
export async function dispatch(
  sim: Simulation,
  routes: CompiledRoute[],
  request: Request,
): Promise<ApiResponse | null> {
  const url = new URL(request.url);
  const matched = matchRoute(routes, url.pathname);
  if (!matched) return null;
  const { route, params } = matched;

  const auth = authenticate(sim.store, request.headers, sim.now());
  if ('error' in auth) return auth.error;
  if (route.permission !== 'any' && auth.user === null) return unauthorized(NOT_AUTHENTICATED);
  const safeMethod = ['GET', 'HEAD', 'OPTIONS'].includes(request.method.toUpperCase());
  if (route.permission === 'staffOrReadOnly' && !safeMethod && !auth.user?.is_staff) {
    return jsonResponse(403, { detail: 'You do not have permission to perform this action.' });
  }

  const method = request.method.toUpperCase() as keyof Route['methods'];
  const handler = route.methods[method];
  if (!handler) return jsonResponse(405, { detail: `Method "${request.method.toUpperCase()}" not allowed.` });

  const parsed = await parseBody(request);
  if (!parsed.ok) return parsed.response;

  const req: ApiRequest = {
    method,
    url,
    path: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    body: parsed.body,
    user: auth.user,
    params,
  };
  return runHandler(handler, req, sim);
}

/** Runs a handler; a simulated v291 crash becomes InvenTree's 500 body. */
export function runHandler(handler: EndpointHandler, req: ApiRequest, sim: Simulation): ApiResponse {
  try {
    return handler(req, sim);
  } catch (error) {
    if (error instanceof SimulatedServerError) return jsonResponse(500, serverErrorBody(error, req.path));
    throw error;
  }
}
