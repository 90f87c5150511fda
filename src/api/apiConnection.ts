/**
 * How the API functions reach InvenTree, and the signed-in session the query hooks read. This lives
 * in api/ so api/ never imports connection/ (ARCHITECTURE.md "Layers"): connection/ fills it.
 */
import { createContext, useContext } from 'react';

/**
 * - demo: the bundled simulation answers same-origin `/api/...` requests (MSW service worker).
 * - server: a real InvenTree at `baseUrl` (no trailing slash).
 * Both use the same token auth path: the token comes from `GET /api/user/token/`.
 */
export type ConnectionMode = 'demo' | 'server';

export interface Connection {
  mode: ConnectionMode;
  /** '' for demo (same origin), otherwise e.g. "https://inventree.example.com". */
  baseUrl: string;
  /** API token; null when not signed in. Never put in a URL or a log line. */
  token: string | null;
}

/** What the query hooks need of the session; connection/ConnectionProvider provides it. */
export interface ApiSession {
  connection: Connection;
  /** Starts every query key: changes whenever the signed-in identity changes. Contains no token. */
  connectionKey: string;
  /** Signed in with a token: reads may run. */
  ready: boolean;
}

export const ApiSessionContext = createContext<ApiSession | null>(null);

export function useApiSession(): ApiSession {
  const value = useContext(ApiSessionContext);
  if (!value) throw new Error('useApiSession() must be used inside <ConnectionProvider>');
  return value;
}
