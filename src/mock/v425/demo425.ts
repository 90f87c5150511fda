// The 425 demo's simulation and handlers, with the exports of ../demo291.ts (browser.ts imports
// one or the other).
import type { HttpHandler } from 'msw';
import type { CreateHandlersOptions } from '../handlers';
import type { Simulation, SimulationOptions } from '../simulation';
import { createHandlers425 } from './handlers425';
import { createSimulation425 } from './simulation425';

export function createSimulation(options: Omit<SimulationOptions, 'flavour'> = {}): Simulation {
  return createSimulation425(options);
}

export function createHandlers(sim: Simulation, options: CreateHandlersOptions = {}): HttpHandler[] {
  return createHandlers425(sim, options);
}
