// The simulation as a real HTTP server (server-mode e2e): the same MSW handlers behind express
// via @mswjs/http-middleware, with InvenTree's CORS behaviour for a cross-origin app.
//   npx tsx e2e/simServer.ts --port 8765 [--count N] [--api 425]     (or PORT=8765, SIM_API=425)
// --api 425: answer as InvenTree 1.2 dev (API 425, src/mock/v425) instead of 0.17 (API 291).
// --count N: N servers on ports port..port+N-1, each its own simulation, so parallel test workers
// (one each, see e2e/servers.ts) never reset or read each other's server.
// POST /__sim/reset reseeds the simulation, keeping issued tokens valid (test-only; not part of the
// app's handlers).
import express, { type NextFunction, type Request, type Response } from 'express';
import { createMiddleware } from '@mswjs/http-middleware';
import { http } from 'msw';
import { createHandlers } from '../src/mock/handlers.ts';
import { createSimulation } from '../src/mock/simulation.ts';
import { createHandlers425 } from '../src/mock/v425/handlers425.ts';
import { createSimulation425 } from '../src/mock/v425/simulation425.ts';

function argument(name: string, fallback: string | undefined): number | null {
  const index = process.argv.indexOf(name);
  const n = Number(index >= 0 ? process.argv[index + 1] : fallback);
  return Number.isInteger(n) && n > 0 ? n : null;
}

// django-cors-headers as InvenTree configures it in debug mode: every origin allowed, with
// credentials, so the origin is echoed; preflights answered before the view, for /api/ paths.
const CORS_PATHS = /^\/(api|auth|media|static)\//;
const ALLOW_HEADERS = 'accept, authorization, content-type, user-agent, x-csrftoken, x-requested-with';
const ALLOW_METHODS = 'DELETE, GET, OPTIONS, PATCH, POST, PUT';

function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.get('Origin');
  if (!origin || !CORS_PATHS.test(req.path)) {
    next();
    return;
  }
  res.append('Vary', 'origin');
  res.set('Access-Control-Allow-Origin', origin);
  res.set('Access-Control-Allow-Credentials', 'true');
  if (req.method === 'OPTIONS' && req.get('Access-Control-Request-Method')) {
    res.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
    res.set('Access-Control-Allow-Methods', ALLOW_METHODS);
    res.set('Access-Control-Max-Age', '86400');
    res.set('Content-Length', '0');
    res.status(200).end();
    return;
  }
  next();
}

/** One simulation behind one port. */
function serve(port: number): void {
  const sim = api === 425 ? createSimulation425() : createSimulation();
  const app = express();
  app.disable('x-powered-by');

  // Every barcode POST that reached the server since the last reset, in arrival order, so the
  // offline-queue specs can check that each queued scan arrived exactly once and in order. An MSW
  // handler that answers nothing, placed first: MSW then falls through to the simulation's handler.
  // `accepted`: the token was valid, so the server acted on it (a 401 is refused before anything).
  const barcodeRequests: { path: string; body: string; accepted: boolean }[] = [];
  const recordBarcodePosts = http.post(/\/api\/barcode\/.*$/, async ({ request }) => {
    const key = /^Token (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    const token = key ? sim.store.tokens.find((t) => t.key === key) : undefined;
    barcodeRequests.push({
      path: new URL(request.url).pathname,
      body: await request.clone().text(),
      accepted: !!token && !token.revoked,
    });
    return undefined;
  });
  app.post('/__sim/reset', (_req, res) => {
    sim.reset({ keepTokens: true });
    barcodeRequests.length = 0;
    res.status(204).end();
  });
  app.get('/__sim/requests', (_req, res) => {
    res.json(barcodeRequests);
  });
  // A token that stops working mid-session (InvenTree: revoked in the admin or expired).
  app.post('/__sim/revoke-tokens', (_req, res) => {
    for (const t of sim.store.tokens.all()) sim.store.tokens.put({ ...t, revoked: true });
    res.status(204).end();
  });
  app.use(cors);
  app.use(createMiddleware(recordBarcodePosts, ...(api === 425 ? createHandlers425(sim) : createHandlers(sim))));
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not Found');
  });
  app.listen(port, '127.0.0.1', () => {
    console.log(`InvenTree v${api} simulation listening on http://127.0.0.1:${port}`);
  });
}

const api = argument('--api', process.env.SIM_API ?? '291') === 425 ? 425 : 291;
const first = argument('--port', process.env.PORT) ?? 8765;
const count = argument('--count', '1') ?? 1;
for (let i = 0; i < count; i++) serve(first + i);
