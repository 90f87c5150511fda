/**
 * Where the e2e web servers listen (started by playwright.config.ts). The defaults are the fixed
 * ports of the README; E2E_APP_PORT / E2E_SIM_PORT move them, so two runs on one machine do not
 * share (and stop) each other's servers.
 */
const appPort = Number(process.env.E2E_APP_PORT ?? 4173);
export const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 8765);

export const APP_PORT = appPort;
export const APP_URL = `http://127.0.0.1:${appPort}`;
/** The simulation as a real HTTP server: another origin than the app, so requests are cross-origin. */
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
