/** Where the e2e web servers listen (started by playwright.config.ts). */
export const APP_URL = 'http://127.0.0.1:4173';
export const SIM_PORT = 8765;
/** The simulation as a real HTTP server: another origin than the app, so requests are cross-origin. */
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
