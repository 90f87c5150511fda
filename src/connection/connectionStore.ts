/**
 * Where the connection is remembered: localStorage, one JSON record. The token lives only here and
 * in memory — never in a URL, a query key or a log line.
 */
import type { ConnectionMode } from './connectionTypes.ts';
import { DEFAULT_DEMO_USER, isDemoUserName, type DemoUserName } from './demoUsers.ts';

export interface StoredConnection {
  mode: ConnectionMode;
  /** Server URL (kept when switching to demo, so switching back needs no retyping). */
  baseUrl: string;
  token: string | null;
  demoUser: DemoUserName;
}

export const CONNECTION_STORAGE_KEY = 'stockscan.connection.v1';

export const DEFAULT_CONNECTION: StoredConnection = {
  mode: 'demo',
  baseUrl: '',
  token: null,
  demoUser: DEFAULT_DEMO_USER,
};

/** The subset of Storage we use, so tests can pass a Map-backed fake. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null; // storage disabled (privacy mode): work in memory only
  }
}

/** Pure: whatever is stored, a valid record (bad or old data falls back to the defaults). */
export function parseStoredConnection(raw: string | null): StoredConnection {
  if (!raw) return { ...DEFAULT_CONNECTION };
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return { ...DEFAULT_CONNECTION };
    const r = v as Record<string, unknown>;
    return {
      mode: r.mode === 'server' ? 'server' : 'demo',
      baseUrl: typeof r.baseUrl === 'string' ? r.baseUrl : '',
      token: typeof r.token === 'string' && r.token ? r.token : null,
      demoUser: isDemoUserName(r.demoUser) ? r.demoUser : DEFAULT_DEMO_USER,
    };
  } catch {
    return { ...DEFAULT_CONNECTION };
  }
}

export function loadConnection(storage: KeyValueStorage | null = defaultStorage()): StoredConnection {
  try {
    return parseStoredConnection(storage?.getItem(CONNECTION_STORAGE_KEY) ?? null);
  } catch {
    return { ...DEFAULT_CONNECTION };
  }
}

export function saveConnection(value: StoredConnection, storage: KeyValueStorage | null = defaultStorage()): void {
  try {
    storage?.setItem(CONNECTION_STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Quota or disabled storage: the session still works, it just is not remembered.
  }
}

/** Forget the token but keep mode, URL and demo user. */
export function forgetToken(storage: KeyValueStorage | null = defaultStorage()): StoredConnection {
  const next = { ...loadConnection(storage), token: null };
  saveConnection(next, storage);
  return next;
}
