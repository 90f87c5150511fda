import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/apiError.ts';
import { mapErrorBody } from '../api/errorMapping.ts';
import { checkServerUrl, diagnoseApiVersion, diagnoseConnect, type ConnectStep } from './connectDiagnosis.ts';

const base = { baseUrl: 'https://inv.example.com', mode: 'server' as const };

function httpError(status: number, body: unknown, path: string, basic = false): ApiError {
  const m = mapErrorBody(status, body, { path, usedBasicAuth: basic });
  return new ApiError({ kind: 'http', status, body, path, message: m.message, authProblem: m.authProblem });
}

function diag(step: ConnectStep, error: unknown, serverInfoBody?: unknown) {
  return diagnoseConnect({ ...base, step, error, serverInfoBody });
}

describe('diagnoseConnect', () => {
  it('unreachable', () => {
    const d = diag('server-info', new ApiError({ kind: 'network', message: 'Cannot reach https://inv.example.com.' }));
    expect(d.code).toBe('unreachable');
    expect(d.message).toBe('https://inv.example.com does not answer.');
  });
  it('offline', () => {
    expect(diag('server-info', new ApiError({ kind: 'network', message: 'You are offline.' })).code).toBe('offline');
  });
  it('CORS blocked', () => {
    const d = diag('server-info', new ApiError({ kind: 'cors', message: 'x' }));
    expect(d.code).toBe('cors');
    expect(d.nextStep).toMatch(/CORS/);
  });
  it('timeout', () => {
    expect(diag('me', new ApiError({ kind: 'timeout', message: 'x' })).code).toBe('timeout');
  });
  it('wrong password on the token step', () => {
    const d = diag('token', httpError(401, { detail: 'Invalid username/password.' }, '/api/user/token/', true));
    expect(d.code).toBe('wrong-password');
    expect(d.title).toBe('Wrong username or password');
  });
  it('expired and invalid tokens on the me step', () => {
    expect(diag('me', httpError(401, { detail: 'Token has expired' }, '/api/user/me/')).code).toBe('token-expired');
    expect(diag('me', httpError(401, { detail: 'Invalid token.' }, '/api/user/me/')).code).toBe('token-invalid');
    expect(
      diag('me', httpError(401, { detail: 'Authentication credentials were not provided.' }, '/api/user/me/')).code,
    ).toBe('not-signed-in');
  });
  it('not InvenTree: HTML, JSON without apiVersion, a 404 on /api/', () => {
    const html = new ApiError({
      kind: 'parse',
      status: 200,
      message: 'The server answered with a web page where InvenTree data was expected.',
      body: '<html></html>',
    });
    expect(diag('server-info', html).code).toBe('not-inventree');
    const d = diag('server-info', new ApiError({ kind: 'parse', message: 'x' }), {
      name: 'some other app',
      version: '1.0',
    });
    expect(d.code).toBe('not-inventree');
    expect(d.message).toContain('no InvenTree API version');
    expect(diag('server-info', httpError(404, '<html>nope</html>', '/api/')).code).toBe('not-inventree');
    expect(diag('server-info', null, { server: 'Nextcloud', apiVersion: 3 }).code).toBe('not-inventree');
  });
  it('demo mode with the simulation not running', () => {
    const e = new ApiError({
      kind: 'parse',
      status: 200,
      message: 'The demo server is not running, so the app’s own web server answered instead.',
      nextStep: 'Reload the page.',
    });
    const d = diagnoseConnect({
      baseUrl: '',
      mode: 'demo',
      step: 'server-info',
      error: e,
      serverInfoBody: '<!doctype html><html></html>',
    });
    expect(d).toMatchObject({ code: 'unreachable', title: 'Demo server not running' });
  });
  it('incompatible (too old) API version', () => {
    const d = diag('server-info', null, { server: 'InvenTree', apiVersion: 150, version: '0.12.0' });
    expect(d.code).toBe('incompatible-version');
    expect(d.message).toBe(
      'This server speaks InvenTree API version 150. StockScan needs API 291 (InvenTree 0.17) or newer; it is tested with API 291 (InvenTree 0.17) and 425 (InvenTree 1.x).',
    );
    // The oldest tested recording is the floor: one below is refused too.
    expect(diagnoseApiVersion(290)?.code).toBe('incompatible-version');
  });
  it('newer versions are accepted', () => {
    expect(diagnoseApiVersion(291)).toBeNull();
    expect(diagnoseApiVersion(460)).toBeNull();
  });
  it('server error during connect', () => {
    const d = diag(
      'me',
      httpError(
        500,
        {
          error: 'TypeError',
          error_class: "<class 'TypeError'>",
          detail: 'boom',
          path: '/api/user/me/',
          status_code: 500,
        },
        '/api/user/me/',
      ),
    );
    expect(d.code).toBe('server-error');
    expect(d.message).toContain('TypeError: boom');
  });
});

describe('checkServerUrl', () => {
  it('adds https:// and strips /api, /platform and trailing slashes', () => {
    expect(checkServerUrl('inv.example.com')).toEqual({ ok: true, url: 'https://inv.example.com' });
    expect(checkServerUrl('https://inv.example.com/api/')).toEqual({ ok: true, url: 'https://inv.example.com' });
    expect(checkServerUrl('http://10.0.0.5:8000/platform/part/3')).toEqual({ ok: true, url: 'http://10.0.0.5:8000' });
    expect(checkServerUrl('https://example.com/inventree/')).toEqual({
      ok: true,
      url: 'https://example.com/inventree',
    });
  });
  it('refuses empty, non-http and credential-carrying addresses', () => {
    expect(checkServerUrl('  ').ok).toBe(false);
    expect(checkServerUrl('ftp://x').ok).toBe(false);
    const r = checkServerUrl('https://admin:inventree@inv.example.com');
    expect(r.ok === false && r.diagnosis.title).toBe('Credentials in the address');
  });
  it('an https page cannot reach an http server (mixed content)', () => {
    const r = checkServerUrl('http://inv.local:8000', 'https:');
    expect(r.ok === false && r.diagnosis.code).toBe('mixed-content');
    expect(checkServerUrl('http://inv.local:8000', 'http:').ok).toBe(true);
  });
});
