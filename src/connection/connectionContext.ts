/** The React context the ConnectionProvider fills and useConnection() reads. */
import { createContext } from 'react';
import type { ServerInfo } from '../api/serverInfo.ts';
import type { MeUser } from '../api/users.ts';
import type { Diagnosis } from './connectDiagnosis.ts';
import type { ConnectCredentials } from './connectFlow.ts';
import type { Connection, ConnectionMode } from './connectionTypes.ts';
import type { DemoUserName } from './demoUsers.ts';

/**
 * - connecting: checking the server / signing in
 * - signed-in: token verified, user known
 * - signed-out: no token (never signed in, or logged out)
 * - expired: the server rejected the token (401) mid-session; sign in again, the page is kept
 * - error: connecting failed; `diagnosis` says why
 */
export type ConnectionStatus = 'connecting' | 'signed-in' | 'signed-out' | 'expired' | 'error';

export interface ConnectionContextValue {
  /** What the API functions take. Demo mode: baseUrl ''. */
  connection: Connection;
  mode: ConnectionMode;
  /** The server URL typed for server mode (kept while in demo mode). */
  serverUrl: string;
  demoUser: DemoUserName;
  status: ConnectionStatus;
  /** Why the last connect or request failed, in plain words; null when all is well. */
  diagnosis: Diagnosis | null;
  serverInfo: ServerInfo | null;
  apiVersion: number | null;
  user: MeUser | null;
  /**
   * Changes whenever the signed-in identity changes (mode, server, user, new sign-in). Query keys
   * start with it, so one user's cached answers are never shown to another. Contains no token.
   */
  connectionKey: string;
  /** Username + password → token via GET /api/user/token/ (HTTP Basic). Resolves true on success. */
  login: (username: string, password: string) => Promise<boolean>;
  /** Use a pasted API token. */
  loginWithToken: (token: string) => Promise<boolean>;
  /** Forget the token (storage and memory). */
  logout: () => void;
  /** Demo mode as one of InvenTree's demo users (signs in through the same token path). */
  switchDemoUser: (name: DemoUserName) => Promise<boolean>;
  /** GET /api/ at this address, beside the current session (which it leaves alone). */
  probe: (url: string) => Promise<ProbeOutcome>;
  /**
   * Sign in to the server at this address. The current session (demo or another server) keeps
   * working until this succeeds, and only then is replaced; a failure changes nothing.
   */
  signInTo: (url: string, creds: ConnectCredentials) => Promise<SignInOutcome>;
  /** Check the server and the token again (e.g. after the network came back). */
  refresh: () => Promise<void>;
}

export type ProbeOutcome = { ok: true; url: string; serverInfo: ServerInfo } | { ok: false; diagnosis: Diagnosis };

export type SignInOutcome = { ok: true } | { ok: false; diagnosis: Diagnosis; serverInfo: ServerInfo | null };

export const ConnectionContext = createContext<ConnectionContextValue | null>(null);
