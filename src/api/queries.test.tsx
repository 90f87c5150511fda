// @vitest-environment jsdom
/** The query hooks against the bundled simulation (msw/node), signed in as the demo admin. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectionProvider } from '../connection/ConnectionProvider.tsx';
import type { KeyValueStorage } from '../connection/connectionStore.ts';
import { useConnection } from '../connection/useConnection.ts';
import { createNodeSimulation } from '../mock/node.ts';
import supplierParts from '../mock/data/supplier-parts.json';
import { useApiSession } from './apiConnection.ts';
import { LIST_PATHS, listSupplierParts } from './lists.ts';
import { useLinkMutation, useList, useObject, useScanMutation, shouldRetry } from './queries.ts';
import { ApiError } from './apiError.ts';

const { server } = createNodeSimulation();

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  const patched = globalThis.fetch;
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
    patched(
      typeof input === 'string' && input.startsWith('/') ? new URL(input, 'http://localhost:3000').href : input,
      init,
    ),
  );
});
afterAll(() => {
  vi.unstubAllGlobals();
  server.close();
});

function wrapper() {
  const data = new Map<string, string>();
  const storage: KeyValueStorage = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>
      <ConnectionProvider storage={storage}>{children}</ConnectionProvider>
    </QueryClientProvider>
  );
}

describe('query hooks', () => {
  it('the session the hooks read is ready once signed in, keyed by the user and never by the token', async () => {
    const { result } = renderHook(() => ({ session: useApiSession(), conn: useConnection() }), { wrapper: wrapper() });
    expect(result.current.session.ready).toBe(false);
    await waitFor(() => expect(result.current.session.ready).toBe(true));
    expect(result.current.conn.user?.username).toBe('admin');
    expect(result.current.session.connection.token).toBeTruthy();
    expect(result.current.session.connectionKey).toContain('admin');
    expect(result.current.session.connectionKey).not.toContain(result.current.session.connection.token as string);
  });

  it('useObject loads a scanned stock item with its part name, quantity and location', async () => {
    const { result } = renderHook(() => useObject('/api/stock/231/'), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.summary).toMatchObject({ title: 'Blue Chair', quantity: 14, location: { pk: 5 } });
  });

  it('a list hook pages one part’s supplier parts', async () => {
    const expected = (supplierParts as { results: { pk: number; part: number }[] }).results
      .filter((r) => r.part === 69)
      .map((r) => r.pk);
    const { result } = renderHook(
      () => useList(listSupplierParts, LIST_PATHS.supplierParts, { filters: { part: 69 }, limit: 10 }),
      {
        wrapper: wrapper(),
      },
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.count).toBe(expected.length);
    expect(result.current.data?.results.map((l) => l.pk)).toEqual(expected.slice(0, 10));
    expect(result.current.data?.results).toContainEqual(expect.objectContaining({ pk: 203 }));
  });

  it('scan and link mutations return the typed results; a link refreshes the object', async () => {
    const { result } = renderHook(() => ({ scan: useScanMutation(), link: useLinkMutation(), conn: useConnection() }), {
      wrapper: wrapper(),
    });
    await waitFor(() => expect(result.current.conn.status).toBe('signed-in'));
    const scanned = await act(() => result.current.scan.mutateAsync('{"stocklocation": 7}'));
    expect(scanned.ok && scanned.match).toMatchObject({ model: 'stocklocation', pk: 7, webUrl: '/stock/location/7/' });
    const linked = await act(() =>
      result.current.link.mutateAsync({ barcode: 'QUERY-TEST-0001', model: 'stockitem', pk: 325 }),
    );
    expect(linked).toMatchObject({ ok: true, model: 'stockitem', pk: 325 });
    const again = await act(() => result.current.scan.mutateAsync('QUERY-TEST-0001'));
    expect(again.ok && again.match.pk).toBe(325);
  });
});

describe('shouldRetry', () => {
  it('retries network trouble, never 4xx answers', () => {
    expect(shouldRetry(0, new ApiError({ kind: 'network', message: 'x' }))).toBe(true);
    expect(shouldRetry(2, new ApiError({ kind: 'network', message: 'x' }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: 'http', status: 400, message: 'x' }))).toBe(false);
    expect(shouldRetry(0, new ApiError({ kind: 'http', status: 503, message: 'x' }))).toBe(true);
  });
});
