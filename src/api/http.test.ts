import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { apiRequest, buildUrl, setUnauthorizedHandler } from './http.ts';
import { hangingResponse, installFakeFetch, jsonResponse } from './testing/fakeFetch.ts';

const server: Connection = { mode: 'server', baseUrl: 'https://inventree.example.com/', token: 'secret-token-123' };
const demo: Connection = { mode: 'demo', baseUrl: '', token: 'demo-token' };

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
});

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('request building', () => {
  it('joins the base URL, path and query; the token goes in the header only', async () => {
    const calls = installFakeFetch(() => jsonResponse(200, { ok: 1 }));
    const out = await apiRequest(server, {
      path: '/api/order/po-line/',
      query: { order: 7, search: 'a b', skip: undefined, multi: [1, 2] },
    });
    expect(out).toEqual({ ok: 1 });
    expect(calls[0]!.url).toBe('https://inventree.example.com/api/order/po-line/?order=7&search=a+b&multi=1&multi=2');
    expect(calls[0]!.url).not.toContain('secret-token-123');
    expect(calls[0]!.headers.authorization).toBe('Token secret-token-123');
    expect(calls[0]!.headers.accept).toBe('application/json');
    expect(calls[0]!.credentials).toBe('omit');
  });

  it('demo mode requests go to the same origin', () => {
    expect(buildUrl(demo, '/api/barcode/')).toBe('/api/barcode/');
  });

  it('refuses to put a token in a URL', () => {
    expect(() => buildUrl(server, '/api/', { token: 'x' })).toThrow(/Refusing/);
  });

  it('sends a JSON body with its content type', async () => {
    const calls = installFakeFetch(() => jsonResponse(200, { barcode: '{"part": 69}' }));
    await apiRequest(server, { method: 'POST', path: '/api/barcode/generate/', body: { model: 'part', pk: 69 } });
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(calls[0]!.body).toEqual({ model: 'part', pk: 69 });
  });

  it('HTTP Basic replaces the token and encodes UTF-8 credentials', async () => {
    const calls = installFakeFetch(() => jsonResponse(200, { token: 't' }));
    await apiRequest(server, { path: '/api/user/token/', basicAuth: { username: 'jürgen', password: 'pä:ss' } });
    const encoded = calls[0]!.headers.authorization!.replace(/^Basic /, '');
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe('jürgen:pä:ss');
  });

  it('an empty 204 answer is null', async () => {
    installFakeFetch(() => jsonResponse(204, ''));
    await expect(apiRequest(server, { method: 'DELETE', path: '/api/barcode/history/1/' })).resolves.toBeNull();
  });
});

describe('failures', () => {
  it('a 400 field error becomes an http ApiError with field errors and a clear message', async () => {
    installFakeFetch(() => jsonResponse(400, { barcode: ['This field may not be blank.'] }));
    const e = await caught(apiRequest(server, { method: 'POST', path: '/api/barcode/', body: { barcode: '' } }));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(400);
    expect(e.message).toBe('Barcode: This field may not be blank.');
    expect(e.fieldErrors).toEqual({ barcode: ['This field may not be blank.'] });
    expect(e.body).toEqual({ barcode: ['This field may not be blank.'] });
    expect(e.path).toBe('/api/barcode/');
  });

  it('HTML where JSON was expected is a parse error that says so', async () => {
    installFakeFetch(() =>
      jsonResponse(200, '<!doctype html><html><body>Sign in to the portal</body></html>', 'text/html'),
    );
    const e = await caught(apiRequest(server, { path: '/api/' }));
    expect(e.kind).toBe('parse');
    expect(e.message).toBe('The server answered with a web page where InvenTree data was expected.');
  });

  it('in demo mode an HTML answer means the simulation is not running', async () => {
    installFakeFetch(() =>
      jsonResponse(200, '<!doctype html><html><body><div id="root"></div></body></html>', 'text/html'),
    );
    const e = await caught(
      apiRequest(
        { ...demo, baseUrl: 'http://127.0.0.1:4173' },
        { path: '/api/barcode/', method: 'POST', body: { barcode: 'x' } },
      ),
    );
    expect(e.kind).toBe('parse');
    expect(e.message).toBe('The demo server is not running, so the app’s own web server answered instead.');
  });

  it('broken JSON is a parse error', async () => {
    installFakeFetch(() => jsonResponse(200, '{"server": "Inv'));
    expect((await caught(apiRequest(server, { path: '/api/' }))).kind).toBe('parse');
  });

  it('an HTML 502 from a proxy is reported as the server being unavailable', async () => {
    installFakeFetch(() => jsonResponse(502, '<html><body>Bad Gateway</body></html>', 'text/html'));
    const e = await caught(apiRequest(server, { path: '/api/' }));
    expect(e.status).toBe(502);
    expect(e.message).toBe('The server is not available right now (502 Bad Gateway).');
    expect(e.retryable).toBe(true);
  });

  it('times out after timeoutMs', async () => {
    installFakeFetch((_req, init) => hangingResponse(init));
    const e = await caught(apiRequest(server, { path: '/api/', timeoutMs: 30 }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('https://inventree.example.com did not answer within 1 second.');
    expect(e.retryable).toBe(true);
  });

  it('a caller abort is "aborted", not a timeout', async () => {
    installFakeFetch((_req, init) => hangingResponse(init));
    const ctl = new AbortController();
    const p = caught(apiRequest(server, { path: '/api/', signal: ctl.signal }));
    ctl.abort();
    expect((await p).kind).toBe('aborted');
  });

  it('a failed fetch whose no-cors probe gets through is CORS', async () => {
    const calls = installFakeFetch((req) => {
      if (req.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    });
    const e = await caught(apiRequest(server, { path: '/api/user/me/' }));
    expect(e.kind).toBe('cors');
    expect(e.message).toBe('https://inventree.example.com is reachable, but the browser blocked its answer (CORS).');
    expect(calls[1]!.url).toBe('https://inventree.example.com/api/');
    expect(calls[1]!.headers.authorization).toBeUndefined();
  });

  it('a failed fetch whose probe fails too is unreachable', async () => {
    installFakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const e = await caught(apiRequest(server, { path: '/api/' }));
    expect(e.kind).toBe('network');
    expect(e.message).toBe('Cannot reach https://inventree.example.com.');
    expect(e.message).not.toContain('secret');
    // What may go into a log or error report.
    expect(JSON.stringify(e)).not.toContain('secret-token-123');
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'ApiError',
      kind: 'network',
      status: null,
      method: 'GET',
      path: '/api/',
      message: 'Cannot reach https://inventree.example.com.',
      nextStep: 'Check the server address, that the server is running, and your network connection.',
    });
  });

  it('demo mode network failures are not probed for CORS', async () => {
    const calls = installFakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const e = await caught(apiRequest({ ...demo, baseUrl: 'http://127.0.0.1:4173' }, { path: '/api/' }));
    expect(e.kind).toBe('network');
    expect(calls).toHaveLength(1);
  });
});

describe('401 hook', () => {
  it('calls the unauthorized handler with the error, and not for the login call', async () => {
    installFakeFetch(() => jsonResponse(401, { detail: 'Token has expired' }));
    const seen: ApiError[] = [];
    setUnauthorizedHandler((e) => seen.push(e));
    const e = await caught(apiRequest(server, { path: '/api/user/me/' }));
    expect(e.authProblem).toBe('expired');
    expect(e.needsLogin).toBe(true);
    expect(seen).toHaveLength(1);
    await caught(apiRequest(server, { path: '/api/user/token/', basicAuth: { username: 'a', password: 'b' } }));
    await caught(apiRequest(server, { path: '/api/user/me/', notifyUnauthorized: false }));
    expect(seen).toHaveLength(1);
  });

  it('unregistering leaves a newer handler in place', () => {
    const first = setUnauthorizedHandler(() => {});
    const seen: number[] = [];
    setUnauthorizedHandler(() => seen.push(1));
    first();
    installFakeFetch(() => jsonResponse(401, { detail: 'Invalid token.' }));
    return caught(apiRequest(server, { path: '/api/' })).then(() => expect(seen).toEqual([1]));
  });
});
