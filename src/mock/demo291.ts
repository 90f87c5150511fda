// The 291 demo's simulation and handlers, one dynamic import for browser.ts (v425/demo425.ts is
// the 425 one, with the same exports).
export { createSimulation } from './simulation';
export { createHandlers } from './handlers';
