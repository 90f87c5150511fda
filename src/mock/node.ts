// The simulation in Node (Vitest): msw/node intercepting fetch, with a fresh simulation.
import { setupServer, type SetupServer } from 'msw/node';
import { createHandlers } from './handlers';
import { createSimulation, type Simulation, type SimulationOptions } from './simulation';

export interface NodeSimulation {
  sim: Simulation;
  server: SetupServer;
}

/**
 * A fresh simulation and an msw/node server answering it. Call `server.listen()` before the
 * requests (e.g. in beforeAll) and `server.close()` after.
 */
export function createNodeSimulation(options: SimulationOptions = {}): NodeSimulation {
  const sim = createSimulation(options);
  const server = setupServer(...createHandlers(sim));
  return { sim, server };
}
