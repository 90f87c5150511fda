// Turns simulation routes into MSW handlers. SIM-ORDERS' orderHandlers() can use this too, so
// every endpoint shares authentication, body parsing, 405s and the 500 body.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { ApiResponse } from './apiTypes';
import { compileRoutes, dispatch, type Route } from './router';
import type { Simulation } from './simulation';

/** Matches `/api` and everything below it, on any origin. */
export const API_URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/api(\/.*)?(\?.*)?$/i;

export function toHttpResponse(response: ApiResponse): Response {
  const headers = new Headers(response.headers);
  if (response.body === undefined) return new HttpResponse(null, { status: response.status, headers });
  headers.set('Content-Type', 'application/json');
  // Compact JSON, like DRF's renderer.
  return new HttpResponse(JSON.stringify(response.body), { status: response.status, headers });
}

export interface RouteHandlerOptions {
  /** Only answer requests to this origin (the browser worker must not capture real servers). */
  origin?: string;
  /**
   * Called after each answered request that may have changed state; the answer waits for it, so the
   * demo's save has landed before the client sees the change succeed.
   */
  onMutation?: () => void | Promise<void>;
}

const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** `POST /api/barcode/`: a lookup that writes nothing unless scan history is being stored. */
const PLAIN_SCAN_PATH = /^\/api\/barcode\/?$/;

/**
 * Whether a request may have changed state. The plain scan is the hot path of a scanning session,
 * so it counts only when it logged a history row (the answer waits for the demo's save).
 */
function changedState(request: Request, historyPkBefore: number, sim: Simulation): boolean {
  if (READ_METHODS.includes(request.method.toUpperCase())) return false;
  if (PLAIN_SCAN_PATH.test(new URL(request.url).pathname)) return sim.store.history.nextPk !== historyPkBefore;
  return true;
}

/** One MSW handler answering every path of `routes`; other paths fall through to later handlers. */
export function mswHandlerForRoutes(sim: Simulation, routes: Route[], options: RouteHandlerOptions = {}): HttpHandler {
  const compiled = compileRoutes(routes);
  return http.all(API_URL_PATTERN, async ({ request }) => {
    if (options.origin && new URL(request.url).origin !== options.origin) return undefined;
    const historyPkBefore = sim.store.history.nextPk;
    const response = await dispatch(sim, compiled, request);
    if (!response) return undefined;
    if (changedState(request, historyPkBefore, sim)) await options.onMutation?.();
    return toHttpResponse(response);
  });
}
