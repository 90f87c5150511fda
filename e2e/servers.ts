/**
 * Where the e2e web servers listen (started by playwright.config.ts). The defaults are the fixed
 * ports of the README; E2E_APP_PORT / E2E_SIM_PORT move them, so two runs on one machine do not
 * share (and stop) each other's servers.
 *
 * The simulation server listens on SIM_SERVERS ports from E2E_SIM_PORT, one simulation each, and
 * each parallel test worker uses its own (Playwright numbers them in TEST_PARALLEL_INDEX): a test
 * resetting its server or reading its request log never sees another worker's test.
 */
const appPort = Number(process.env.E2E_APP_PORT ?? 4173);
const simBasePort = Number(process.env.E2E_SIM_PORT ?? 8765);

/** Enough for any worker count this two-core machine would use (and then some). */
export const SIM_SERVERS = 4;

function simPortForThisWorker(): number {
  const index = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
  if (index >= SIM_SERVERS)
    throw new Error(`e2e: ${index + 1} parallel workers, but only ${SIM_SERVERS} simulation servers (e2e/servers.ts)`);
  return simBasePort + index;
}

export const APP_PORT = appPort;
export const APP_URL = `http://127.0.0.1:${appPort}`;
/** The first simulation server (what playwright.config.ts waits for). */
export const SIM_BASE_PORT = simBasePort;
export const SIM_PORT = simPortForThisWorker();
/** This worker's simulation as a real HTTP server: another origin than the app, so requests are cross-origin. */
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
