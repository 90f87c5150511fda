import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeFetch, jsonResponse } from '../api/testing/fakeFetch.ts';
import { transcript } from '../api/testing/transcripts.ts';
import { connect, probeServer } from './connectFlow.ts';
import type { Connection } from './connectionTypes.ts';

const conn: Connection = { mode: 'server', baseUrl: 'https://inv.test', token: null };
const info = transcript('001-').response.body;
const me = transcript('004-').response.body;

afterEach(() => vi.unstubAllGlobals());

describe('connect', () => {
  it('username + password: /api/ → token with Basic → /api/user/me/ with the token', async () => {
    const calls = installFakeFetch((req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/') return jsonResponse(200, info);
      if (p === '/api/user/token/') return jsonResponse(200, { token: 'inv-abc', name: '', expiry: '2027-11-27' });
      if (p === '/api/user/me/') return jsonResponse(200, me);
      return jsonResponse(404, { detail: 'Not found.' });
    });
    const r = await connect(conn, { username: 'admin', password: 'inventree' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.token).toBe('inv-abc');
    expect(r.user.username).toBe('admin');
    expect(r.serverInfo.apiVersion).toBe(291);
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/', '/api/user/token/', '/api/user/me/']);
    expect(calls[0]!.headers.authorization).toBeUndefined();
    expect(calls[1]!.headers.authorization).toMatch(/^Basic /);
    expect(calls[2]!.headers.authorization).toBe('Token inv-abc');
    expect(calls.every((c) => !c.url.includes('inv-abc'))).toBe(true);
  });

  it('wrong password', async () => {
    installFakeFetch((req) => {
      const p = new URL(req.url).pathname;
      if (p === '/api/') return jsonResponse(200, info);
      return jsonResponse(401, { detail: 'Invalid username/password.' });
    });
    const r = await connect(conn, { username: 'admin', password: 'nope' });
    expect(r.ok === false && r.diagnosis.code).toBe('wrong-password');
  });

  it('a pasted token that the server rejects', async () => {
    installFakeFetch((req) =>
      new URL(req.url).pathname === '/api/' ? jsonResponse(200, info) : jsonResponse(401, { detail: 'Invalid token.' }),
    );
    const r = await connect(conn, { token: 'Token old-token ' });
    expect(r.ok === false && r.diagnosis.code).toBe('token-invalid');
  });

  it('a pasted "Token xyz" is cleaned to the bare token', async () => {
    const calls = installFakeFetch((req) =>
      new URL(req.url).pathname === '/api/' ? jsonResponse(200, info) : jsonResponse(200, me),
    );
    const r = await connect(conn, { token: ' Token xyz ' });
    expect(r.ok && r.token).toBe('xyz');
    expect(calls[1]!.headers.authorization).toBe('Token xyz');
  });

  it('a server that is not InvenTree stops before sending credentials', async () => {
    const calls = installFakeFetch(() => jsonResponse(200, '<html><body>Welcome to nginx!</body></html>', 'text/html'));
    const r = await connect(conn, { username: 'admin', password: 'inventree' });
    expect(r.ok === false && r.diagnosis.code).toBe('not-inventree');
    expect(calls).toHaveLength(1);
  });

  it('a too old server', async () => {
    installFakeFetch(() =>
      jsonResponse(200, { server: 'InvenTree', version: '0.10.0', instance: 'old', apiVersion: 100 }),
    );
    const r = await probeServer(conn);
    expect(r.ok === false && r.diagnosis.code).toBe('incompatible-version');
  });
});
