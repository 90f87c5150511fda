// @vitest-environment jsdom
/**
 * The provider against the bundled InvenTree simulation (msw/node): demo auto-login, user switch,
 * server-mode login, wrong password, logout, and a token expiring mid-session.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scanBarcode } from '../api/barcode.ts';
import { createNodeSimulation } from '../mock/node.ts';
import { ConnectionProvider } from './ConnectionProvider.tsx';
import { CONNECTION_STORAGE_KEY, type KeyValueStorage, type StoredConnection } from './connectionStore.ts';
import { useConnection } from './useConnection.ts';

const { sim, server } = createNodeSimulation();

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  // Demo mode uses same-origin paths ("/api/..."); Node's fetch needs absolute URLs.
  const patched = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    patched(
      typeof input === 'string' && input.startsWith('/') ? new URL(input, 'http://localhost:3000').href : input,
      init,
    ),
  );
});
afterEach(() => {
  sim.setClock(() => new Date());
  server.resetHandlers();
});
afterAll(() => {
  vi.unstubAllGlobals();
  server.close();
});

function memoryStorage(initial?: StoredConnection) {
  const data = new Map<string, string>();
  if (initial) data.set(CONNECTION_STORAGE_KEY, JSON.stringify(initial));
  const storage: KeyValueStorage = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
  return {
    data,
    storage,
    saved: () => JSON.parse(data.get(CONNECTION_STORAGE_KEY) ?? 'null') as StoredConnection | null,
  };
}

function renderConnection(storage: KeyValueStorage) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ConnectionProvider storage={storage}>{children}</ConnectionProvider>
  );
  return renderHook(() => useConnection(), { wrapper });
}

describe('ConnectionProvider', () => {
  it('demo mode signs in as admin automatically, through the token path', async () => {
    const mem = memoryStorage();
    const { result } = renderConnection(mem.storage);
    await waitFor(() => expect(result.current.status).toBe('signed-in'));
    expect(result.current.mode).toBe('demo');
    expect(result.current.user?.username).toBe('admin');
    expect(result.current.apiVersion).toBe(291);
    expect(result.current.connection.token).toBeTruthy();
    expect(mem.saved()?.token).toBe(result.current.connection.token);
    expect(result.current.connectionKey).not.toContain(result.current.connection.token as string);
    const scan = await scanBarcode(result.current.connection, '{"stockitem": 231}');
    expect(scan.ok && scan.match.pk).toBe(231);
  });

  it('a stale demo token (demo data reset) signs in to the demo again as the remembered user', async () => {
    const mem = memoryStorage({
      mode: 'demo',
      baseUrl: '',
      token: 'token-from-before-the-reset',
      demoUser: 'engineer',
    });
    const { result } = renderConnection(mem.storage);
    await waitFor(() => expect(result.current.status).toBe('signed-in'));
    expect(result.current.user?.username).toBe('engineer');
    expect(result.current.connection.token).not.toBe('token-from-before-the-reset');
  });

  it('switches the demo user, and logout forgets the token', async () => {
    const mem = memoryStorage();
    const { result } = renderConnection(mem.storage);
    await waitFor(() => expect(result.current.status).toBe('signed-in'));
    const before = result.current.connectionKey;
    await act(() => result.current.switchDemoUser('reader'));
    expect(result.current.user?.username).toBe('reader');
    expect(result.current.demoUser).toBe('reader');
    expect(result.current.connectionKey).not.toBe(before);
    act(() => result.current.logout());
    expect(result.current.status).toBe('signed-out');
    expect(result.current.connection.token).toBeNull();
    expect(mem.saved()).toMatchObject({ token: null, demoUser: 'reader', mode: 'demo' });
  });

  it('server mode: the demo session works until the server sign-in succeeds', async () => {
    const mem = memoryStorage();
    const { result } = renderConnection(mem.storage);
    await waitFor(() => expect(result.current.status).toBe('signed-in'));
    const demoKey = result.current.connectionKey;
    let probed: unknown;
    await act(async () => {
      probed = await result.current.probe('http://inventree.test:8000/api/');
    });
    expect(probed).toMatchObject({
      ok: true,
      url: 'http://inventree.test:8000',
      serverInfo: { instance: 'InvenTree Demo Server' },
    });
    // Checking the address signs nobody out: still the demo, same session.
    expect(result.current).toMatchObject({ mode: 'demo', status: 'signed-in', connectionKey: demoKey });

    let outcome: unknown;
    await act(async () => {
      outcome = await result.current.signInTo('http://inventree.test:8000', { username: 'admin', password: 'wrong' });
    });
    expect(outcome).toMatchObject({ ok: false, diagnosis: { code: 'wrong-password' } });
    expect(result.current).toMatchObject({ mode: 'demo', status: 'signed-in', connectionKey: demoKey });
    expect(result.current.user?.username).toBe('admin');
    expect(mem.saved()).toMatchObject({ mode: 'demo' });
    expect(mem.saved()?.token).toBeTruthy();

    await act(async () => {
      outcome = await result.current.signInTo('http://inventree.test:8000', {
        username: 'allaccess',
        password: 'nolimits',
      });
    });
    expect(outcome).toEqual({ ok: true });
    expect(result.current.status).toBe('signed-in');
    expect(result.current.mode).toBe('server');
    expect(result.current.user?.username).toBe('allaccess');
    expect(result.current.connection.baseUrl).toBe('http://inventree.test:8000');
    expect(result.current.connectionKey).not.toBe(demoKey);
    expect(mem.saved()).toMatchObject({ mode: 'server', baseUrl: 'http://inventree.test:8000' });
  });

  it('a remembered token that has expired on the server asks to sign in again', async () => {
    const mem = memoryStorage();
    const first = renderConnection(mem.storage);
    await waitFor(() => expect(first.result.current.status).toBe('signed-in'));
    await act(() =>
      first.result.current.signInTo('http://inventree.test', { username: 'admin', password: 'inventree' }),
    );
    expect(first.result.current.status).toBe('signed-in');
    const conn = first.result.current.connection;

    // A year and more later the token has expired: the next request's 401 flips the state.
    sim.setClock(() => new Date('2099-01-01T00:00:00Z'));
    await expect(scanBarcode(conn, '{"part": 69}')).rejects.toMatchObject({ status: 401, authProblem: 'expired' });
    await waitFor(() => expect(first.result.current.status).toBe('expired'));
    expect(first.result.current.diagnosis?.code).toBe('token-expired');
    expect(first.result.current.connection.token).toBeNull();
    expect(mem.saved()?.token).toBeNull();
    expect(first.result.current.serverUrl).toBe('http://inventree.test');
  });

  it('a pasted token works; a bad pasted token is diagnosed', async () => {
    const mem = memoryStorage({ mode: 'server', baseUrl: 'http://inventree.test', token: null, demoUser: 'admin' });
    const { result } = renderConnection(mem.storage);
    await waitFor(() => expect(result.current.status).toBe('signed-out'));
    await act(() => result.current.loginWithToken('not-a-real-token'));
    expect(result.current.diagnosis?.code).toBe('token-invalid');
    await act(() => result.current.login('engineer', 'partsonly'));
    const good = result.current.connection.token as string;
    act(() => result.current.logout());
    await act(() => result.current.loginWithToken(good));
    expect(result.current.status).toBe('signed-in');
    expect(result.current.user?.username).toBe('engineer');
  });

  it('an unreachable server and a non-InvenTree server are diagnosed in plain words', async () => {
    server.use(
      http.all(/^http:\/\/dead\.test\//, () => HttpResponse.error()),
      http.get(
        'http://nginx.test/api/',
        () =>
          new HttpResponse('<html><body>Welcome to nginx!</body></html>', { headers: { 'content-type': 'text/html' } }),
      ),
    );
    const mem = memoryStorage({ mode: 'server', baseUrl: 'http://dead.test', token: null, demoUser: 'admin' });
    const { result } = renderConnection(mem.storage);
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.diagnosis).toMatchObject({
      code: 'unreachable',
      message: 'http://dead.test does not answer.',
    });

    let problem: unknown;
    await act(async () => {
      problem = await result.current.probe('http://nginx.test');
    });
    expect(problem).toMatchObject({ ok: false, diagnosis: { code: 'not-inventree' } });
    await act(async () => {
      problem = await result.current.probe('ftp://nowhere');
    });
    expect(problem).toMatchObject({ ok: false, diagnosis: { code: 'bad-url' } });
    // Neither check changed the session: still the unreachable server, said so.
    expect(result.current).toMatchObject({ status: 'error', serverUrl: 'http://dead.test' });
  });
});
