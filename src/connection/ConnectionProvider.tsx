/**
 * Holds the connection (demo or server, token, user) for the whole app. Demo mode signs in as the
 * chosen demo user (admin by default) through the same token path as a real server. A 401 from any
 * request marks the session expired (server mode) without unmounting anything, so the page and any
 * queued work survive while the user signs in again.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiSessionContext, type ApiSession } from '../api/apiConnection.ts';
import { setUnauthorizedHandler } from '../api/http.ts';
import type { ServerInfo } from '../api/serverInfo.ts';
import type { MeUser } from '../api/users.ts';
import { checkServerUrl, diagnoseConnect, type Diagnosis } from './connectDiagnosis.ts';
import { connect, probeServer, type ConnectCredentials } from './connectFlow.ts';
import {
  ConnectionContext,
  type ConnectionContextValue,
  type ConnectionStatus,
  type ProbeOutcome,
  type SignInOutcome,
} from './connectionContext.ts';
import { loadConnection, saveConnection, type KeyValueStorage, type StoredConnection } from './connectionStore.ts';
import type { Connection } from './connectionTypes.ts';
import { DEMO_USERS, type DemoUserName } from './demoUsers.ts';

interface State {
  stored: StoredConnection;
  status: ConnectionStatus;
  diagnosis: Diagnosis | null;
  serverInfo: ServerInfo | null;
  user: MeUser | null;
  session: number;
}

export interface ConnectionProviderProps {
  children: ReactNode;
  /** Where to remember the connection (default localStorage); tests pass a fake. */
  storage?: KeyValueStorage | null;
  /** Start from this instead of what is stored (tests, e2e). */
  initial?: StoredConnection;
}

function pageProtocol(): string {
  return typeof location !== 'undefined' ? location.protocol : 'http:';
}

function toConnection(s: StoredConnection): Connection {
  return { mode: s.mode, baseUrl: s.mode === 'demo' ? '' : s.baseUrl, token: s.token };
}

export function ConnectionProvider({ children, storage, initial }: ConnectionProviderProps) {
  const [state, setState] = useState<State>(() => {
    const stored = initial ?? loadConnection(storage === undefined ? undefined : storage);
    return { stored, status: 'connecting', diagnosis: null, serverInfo: null, user: null, session: 0 };
  });
  const stateRef = useRef(state);
  stateRef.current = state;
  // Only the newest connect attempt may write its result.
  const attempt = useRef(0);
  const store = useCallback(
    (next: StoredConnection) => saveConnection(next, storage === undefined ? undefined : storage),
    [storage],
  );

  const attemptConnect = useCallback(
    async (stored: StoredConnection, creds: ConnectCredentials): Promise<'ok' | 'failed' | 'superseded'> => {
      const id = ++attempt.current;
      setState((s) => ({ ...s, stored, status: 'connecting', diagnosis: null }));
      const result = await connect(toConnection({ ...stored, token: null }), creds);
      if (id !== attempt.current) return 'superseded';
      if (result.ok) {
        const next = { ...stored, token: result.token };
        store(next);
        setState((s) => ({
          stored: next,
          status: 'signed-in',
          diagnosis: null,
          serverInfo: result.serverInfo,
          user: result.user,
          session: s.session + 1,
        }));
        return 'ok';
      }
      // A token that no longer works is forgotten; URL, mode and demo user stay. The remembered token
      // survives a check that never reached the server (offline, unreachable): queued work needs it.
      const unanswered = ['offline', 'unreachable', 'timeout', 'cors', 'server-error'].includes(result.diagnosis.code);
      const keepToken =
        'token' in creds ? (creds.token === stored.token && unanswered ? stored.token : null) : stored.token;
      const next = { ...stored, token: result.diagnosis.code.startsWith('token') ? null : keepToken };
      store(next);
      setState((s) => ({
        ...s,
        stored: next,
        status: 'error',
        diagnosis: result.diagnosis,
        serverInfo: result.serverInfo ?? s.serverInfo,
        user: null,
      }));
      return 'failed';
    },
    [store],
  );

  const run = useCallback(
    async (stored: StoredConnection, creds: ConnectCredentials) => (await attemptConnect(stored, creds)) === 'ok',
    [attemptConnect],
  );

  const loginDemo = useCallback(
    (stored: StoredConnection, name: DemoUserName) =>
      run({ ...stored, mode: 'demo', demoUser: name }, { username: name, password: DEMO_USERS[name].password }),
    [run],
  );

  // First mount: verify a remembered token, or sign in to the demo, or just look at the server.
  useEffect(() => {
    const s = stateRef.current.stored;
    if (s.token) {
      // A demo token can vanish (demo data reset): then just sign in to the demo again.
      void attemptConnect(s, { token: s.token }).then((outcome) => {
        if (outcome === 'failed' && s.mode === 'demo') void loginDemo({ ...s, token: null }, s.demoUser);
      });
    } else if (s.mode === 'demo') {
      void loginDemo(s, s.demoUser);
    } else if (s.baseUrl) {
      const id = ++attempt.current;
      void probeServer(toConnection(s)).then((probe) => {
        if (id !== attempt.current) return;
        setState((st) => ({
          ...st,
          status: probe.ok ? 'signed-out' : 'error',
          serverInfo: probe.ok ? probe.serverInfo : null,
          diagnosis: probe.ok ? null : probe.diagnosis,
        }));
      });
    } else {
      setState((st) => ({ ...st, status: 'signed-out' }));
    }
    // Mount only: later changes go through the actions below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Any 401 from a request: demo mode signs in again quietly; server mode asks the user.
  const lastDemoRelogin = useRef(0);
  useEffect(
    () =>
      setUnauthorizedHandler((error, conn) => {
        const cur = stateRef.current;
        if (conn.token !== cur.stored.token || cur.status === 'connecting') return; // stale request
        if (cur.stored.mode === 'demo' && Date.now() - lastDemoRelogin.current > 10_000) {
          lastDemoRelogin.current = Date.now();
          void loginDemo({ ...cur.stored, token: null }, cur.stored.demoUser);
          return;
        }
        const next = { ...cur.stored, token: null };
        store(next);
        attempt.current++;
        setState((s) => ({
          ...s,
          stored: next,
          status: 'expired',
          diagnosis: diagnoseConnect({ baseUrl: next.baseUrl, mode: next.mode, step: 'me', error }),
        }));
      }),
    [loginDemo, store],
  );

  // The network is back after a failed check: check again (the token was kept for this).
  useEffect(() => {
    const online = () => {
      const s = stateRef.current;
      if (s.status === 'error' && s.stored.token) void attemptConnect(s.stored, { token: s.stored.token });
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [attemptConnect]);

  const login = useCallback(
    (username: string, password: string) => {
      const s = stateRef.current.stored;
      const demoUser = s.mode === 'demo' && username in DEMO_USERS ? (username as DemoUserName) : s.demoUser;
      return run({ ...s, demoUser }, { username, password });
    },
    [run],
  );

  const loginWithToken = useCallback((token: string) => run(stateRef.current.stored, { token }), [run]);

  const logout = useCallback(() => {
    attempt.current++;
    const next = { ...stateRef.current.stored, token: null };
    store(next);
    setState((s) => ({
      ...s,
      stored: next,
      status: 'signed-out',
      diagnosis: null,
      user: null,
      session: s.session + 1,
    }));
  }, [store]);

  const switchDemoUser = useCallback(
    (name: DemoUserName) => loginDemo({ ...stateRef.current.stored, token: null }, name),
    [loginDemo],
  );

  // Checking an address and signing in to a server leave the current session (demo, or another
  // server) working: it is replaced only once the new sign-in has succeeded (issue #20).
  const probe = useCallback(
    async (url: string): Promise<ProbeOutcome> => {
      const checked = checkServerUrl(url, pageProtocol());
      if (!checked.ok) return checked;
      const result = await probeServer({ mode: 'server', baseUrl: checked.url, token: null });
      if (!result.ok) return { ok: false, diagnosis: result.diagnosis };
      // The demo ignores baseUrl, so remembering the address there changes nothing for its session.
      const cur = stateRef.current.stored;
      if (cur.mode === 'demo' && cur.baseUrl !== checked.url) {
        const next = { ...cur, baseUrl: checked.url };
        store(next);
        setState((s) => ({ ...s, stored: next }));
      }
      return { ok: true, url: checked.url, serverInfo: result.serverInfo };
    },
    [store],
  );

  const signInTo = useCallback(
    async (url: string, creds: ConnectCredentials): Promise<SignInOutcome> => {
      const checked = checkServerUrl(url, pageProtocol());
      if (!checked.ok) return { ...checked, serverInfo: null };
      const candidate: StoredConnection = {
        ...stateRef.current.stored,
        mode: 'server',
        baseUrl: checked.url,
        token: null,
      };
      const result = await connect(toConnection(candidate), creds);
      if (!result.ok) return { ok: false, diagnosis: result.diagnosis, serverInfo: result.serverInfo };
      attempt.current++; // anything still in flight for the old session must not write over this one
      const next = { ...candidate, token: result.token };
      store(next);
      setState((s) => ({
        stored: next,
        status: 'signed-in',
        diagnosis: null,
        serverInfo: result.serverInfo,
        user: result.user,
        session: s.session + 1,
      }));
      return { ok: true };
    },
    [store],
  );

  const refresh = useCallback(async () => {
    const s = stateRef.current.stored;
    const outcome = s.token ? await attemptConnect(s, { token: s.token }) : 'failed';
    if (outcome === 'failed' && s.mode === 'demo') await loginDemo({ ...s, token: null }, s.demoUser);
  }, [attemptConnect, loginDemo]);

  const value = useMemo<ConnectionContextValue>(() => {
    const connection = toConnection(state.stored);
    const who = state.user?.username ?? '-';
    return {
      connection,
      mode: state.stored.mode,
      serverUrl: state.stored.baseUrl,
      demoUser: state.stored.demoUser,
      status: state.status,
      diagnosis: state.diagnosis,
      serverInfo: state.serverInfo,
      apiVersion: state.serverInfo?.apiVersion ?? null,
      user: state.user,
      connectionKey: `${connection.mode}|${connection.baseUrl}|${who}|${state.session}`,
      login,
      loginWithToken,
      logout,
      switchDemoUser,
      probe,
      signInTo,
      refresh,
    };
  }, [state, login, loginWithToken, logout, switchDemoUser, probe, signInTo, refresh]);

  const { connection, connectionKey, status } = value;
  const session = useMemo<ApiSession>(
    () => ({ connection, connectionKey, ready: status === 'signed-in' && !!connection.token }),
    [connection, connectionKey, status],
  );

  return (
    <ConnectionContext.Provider value={value}>
      <ApiSessionContext.Provider value={session}>{children}</ApiSessionContext.Provider>
    </ConnectionContext.Provider>
  );
}
