/**
 * How the app reaches InvenTree.
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
