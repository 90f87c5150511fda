/**
 * The connect sequence without React: GET /api/ (is it InvenTree, which version) → token (from
 * username + password, or the given one) → GET /api/user/me/. Each failure becomes a Diagnosis.
 */
import { ApiError } from '../api/apiError.ts';
import { getServerInfo, type ServerInfo } from '../api/serverInfo.ts';
import { fetchToken, getMe, type MeUser } from '../api/users.ts';
import { diagnoseApiVersion, diagnoseConnect, type Diagnosis } from './connectDiagnosis.ts';
import type { Connection } from './connectionTypes.ts';

export type ConnectCredentials = { username: string; password: string } | { token: string };

export type ConnectResult =
  | { ok: true; token: string; serverInfo: ServerInfo; user: MeUser }
  | { ok: false; diagnosis: Diagnosis; serverInfo: ServerInfo | null; error: unknown };

export type ProbeResult = { ok: true; serverInfo: ServerInfo } | { ok: false; diagnosis: Diagnosis; error: unknown };

/** GET /api/ without credentials: reachable, InvenTree, compatible? */
export async function probeServer(conn: Connection, signal?: AbortSignal): Promise<ProbeResult> {
  const anon: Connection = { ...conn, token: null };
  try {
    const serverInfo = await getServerInfo(anon, signal);
    const versionProblem = diagnoseApiVersion(serverInfo.apiVersion);
    if (versionProblem) return { ok: false, diagnosis: versionProblem, error: null };
    return { ok: true, serverInfo };
  } catch (error) {
    const body = error instanceof ApiError && error.kind === 'parse' ? error.body : undefined;
    return {
      ok: false,
      diagnosis: diagnoseConnect({
        baseUrl: conn.baseUrl,
        mode: conn.mode,
        step: 'server-info',
        error,
        serverInfoBody: body,
      }),
      error,
    };
  }
}

export async function connect(
  conn: Connection,
  creds: ConnectCredentials,
  signal?: AbortSignal,
): Promise<ConnectResult> {
  const probe = await probeServer(conn, signal);
  if (!probe.ok) return { ok: false, diagnosis: probe.diagnosis, serverInfo: null, error: probe.error };
  const { serverInfo } = probe;

  let token: string;
  if ('token' in creds) {
    token = creds.token.trim().replace(/^Token\s+/i, '');
  } else {
    try {
      token = (await fetchToken(conn, creds.username, creds.password, signal)).token;
    } catch (error) {
      return {
        ok: false,
        diagnosis: diagnoseConnect({ baseUrl: conn.baseUrl, mode: conn.mode, step: 'token', error }),
        serverInfo,
        error,
      };
    }
  }

  try {
    const user = await getMe({ ...conn, token }, signal, false);
    return { ok: true, token, serverInfo, user };
  } catch (error) {
    return {
      ok: false,
      diagnosis: diagnoseConnect({ baseUrl: conn.baseUrl, mode: conn.mode, step: 'me', error }),
      serverInfo,
      error,
    };
  }
}
