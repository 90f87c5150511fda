// Test helpers: a tiny client for the node simulation (fetch through msw/node).
import type { Simulation } from '../simulation';
import { obtainToken } from '../endpoints/users';
import type { UserRow } from '../store';

export const TEST_ORIGIN = 'http://127.0.0.1:8000';

export interface SimResponse {
  status: number;
  /** Parsed JSON body, or '' for an empty body. */
  body: unknown;
  headers: Headers;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Record<string, string | number>;
  /** `Token <key>` or `Basic ...`; omitted for an anonymous request. */
  authorization?: string;
}

export async function request(path: string, options: RequestOptions = {}): Promise<SimResponse> {
  const url = new URL(path, TEST_ORIGIN);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = {};
  if (options.authorization) headers.Authorization = options.authorization;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? '' : JSON.parse(text), headers: response.headers };
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${btoa(`${username}:${password}`)}`;
}

/** `Token <key>` for a user, created directly in the store. */
export function tokenFor(sim: Simulation, username: string): string {
  const user = sim.store.users.find((u) => u.username === username) as UserRow;
  return `Token ${obtainToken(sim, user, 'tests').key}`;
}
