// All simulation handlers, in the order MSW tries them: SIM-CORE routes, SIM-ORDERS' order
// handlers, then InvenTree's catch-all 404 for any other /api path.
import { http, type HttpHandler } from 'msw';
import { authenticate } from './auth';
import { jsonResponse } from './apiTypes';
import { createRoutes } from './endpoints/createEndpoints';
import { generateRoutes } from './endpoints/generate';
import { historyRoutes } from './endpoints/history';
import { linkRoutes } from './endpoints/link';
import { pluginRoutes } from './endpoints/plugins';
import { readRoutes } from './endpoints/readEndpoints';
import { scanRoutes } from './endpoints/scan';
import { serverInfoRoutes } from './endpoints/serverInfo';
import { settingsRoutes } from './endpoints/settings';
import { userRoutes } from './endpoints/users';
import { API_URL_PATTERN, mswHandlerForRoutes, toHttpResponse, type RouteHandlerOptions } from './mswGlue';
import { orderHandlers } from './orders/orderHandlers';
import { stockRoutes } from './stock/stockRoutes';
import type { Route } from './router';
import type { Simulation } from './simulation';

export type CreateHandlersOptions = RouteHandlerOptions;

/** SIM-CORE's routes (server info, users, settings, barcode endpoints, read endpoints). */
export function coreRoutes(): Route[] {
  return [
    ...serverInfoRoutes,
    ...userRoutes,
    ...settingsRoutes,
    ...pluginRoutes,
    ...scanRoutes,
    ...generateRoutes,
    ...linkRoutes,
    ...historyRoutes,
    ...readRoutes,
    ...createRoutes,
    ...stockRoutes,
  ];
}

/**
 * InvenTree's NotFoundView: any other /api path answers 404 with the absolute URL, after
 * authentication (a bad token still gets 401).
 */
function notFoundHandler(sim: Simulation, options: CreateHandlersOptions): HttpHandler {
  return http.all(API_URL_PATTERN, ({ request }) => {
    if (options.origin && new URL(request.url).origin !== options.origin) return undefined;
    const auth = authenticate(sim.store, request.headers, sim.now());
    if ('error' in auth) return toHttpResponse(auth.error);
    return toHttpResponse(jsonResponse(404, { detail: 'API endpoint not found', url: request.url }));
  });
}

export function createHandlers(sim: Simulation, options: CreateHandlersOptions = {}): HttpHandler[] {
  return [
    mswHandlerForRoutes(sim, coreRoutes(), options),
    ...orderHandlers(sim, options),
    notFoundHandler(sim, options),
  ];
}
