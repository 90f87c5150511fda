// One msw/node server per test file, re-pointed at a fresh simulation for every test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { setupServer } from 'msw/node';
import { createHandlers } from '../handlers';
import { createSimulation, type Simulation } from '../simulation';
import { request, type SimResponse } from './simClient';

export interface Harness {
  readonly sim: Simulation;
  post(path: string, body: unknown, authorization?: string): Promise<SimResponse>;
  get(path: string, authorization?: string, query?: Record<string, string | number>): Promise<SimResponse>;
  del(path: string, body: unknown, authorization?: string): Promise<SimResponse>;
}

export function useSimulation(): Harness {
  const server = setupServer();
  let sim: Simulation = createSimulation();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    sim = createSimulation();
    server.resetHandlers(...createHandlers(sim));
  });
  return {
    get sim() {
      return sim;
    },
    post: (path, body, authorization) => request(path, { method: 'POST', body, authorization }),
    get: (path, authorization, query) => request(path, { method: 'GET', authorization, query }),
    del: (path, body, authorization) => request(path, { method: 'DELETE', body, authorization }),
  };
}
