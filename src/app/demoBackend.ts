/**
 * What the app may ask of the bundled simulation without importing it: main.tsx provides the
 * implementation (a dynamic import of src/mock/browser.ts), so MSW and the dataset stay out of the
 * app's first chunk and app code never depends on mock code.
 */
import { createContext, useContext } from 'react';

export interface DemoBackend {
  /** Whether the simulation's service worker is answering `/api/...` now. */
  isRunning(): boolean;
  /** Why the last start failed (plain words), or null. */
  problem(): string | null;
  /** Start the simulation (idempotent). */
  start(): Promise<void>;
  /** Stop answering, so same-origin `/api/...` reaches a real server (dev proxy). */
  stop(): Promise<void>;
  /** Throw away every change and go back to the demo dataset as shipped. */
  reset(): Promise<void>;
}

export const DemoBackendContext = createContext<DemoBackend | null>(null);

export function useDemoBackend(): DemoBackend {
  const value = useContext(DemoBackendContext);
  if (!value) throw new Error('useDemoBackend() must be used inside <DemoBackendContext.Provider>');
  return value;
}
