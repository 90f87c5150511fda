// MSW handlers of the API 425 simulation: its own routes first, then every 291 handler (which
// already answer with 425 plugins and match objects through the simulation's flavour).
import type { HttpHandler } from 'msw';
import { createHandlers, type CreateHandlersOptions } from '../handlers';
import { mswHandlerForRoutes } from '../mswGlue';
import type { Simulation } from '../simulation';
import { routes425 } from './routes425';

export function createHandlers425(sim: Simulation, options: CreateHandlersOptions = {}): HttpHandler[] {
  return [mswHandlerForRoutes(sim, routes425, options), ...createHandlers(sim, options)];
}
