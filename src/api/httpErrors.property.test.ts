// Property tests of the whole request path's failures: whatever status, content type and body a
// server (or a proxy in front of it) sends, apiRequest throws one ApiError whose message and next
// step are readable sentences, and neither they nor the error report (toJSON) ever hold the token.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { apiRequest, setUnauthorizedHandler } from './http.ts';
import { installFakeFetch } from './testing/fakeFetch.ts';

const TOKEN = '0123456789abcdef0123456789abcdef01234567';
const server: Connection = { mode: 'server', baseUrl: 'https://inventree.example.com', token: TOKEN };

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(null);
});

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '<script>alert(document.cookie)</script>',
    "[ErrorDetail(string='No matching line item found', code='invalid')]",
    '\u202Egnp.exe',
    '\u0000\u001d\u001e\u0004',
    '📦'.repeat(300),
    'x'.repeat(5000),
    `Token ${TOKEN}`,
  ),
);
const body = fc.oneof(
  hostileText,
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .dictionary(fc.constantFrom('error', 'detail', 'non_field_errors', 'barcode', 'error_class', 'path'), hostileText, {
      maxKeys: 4,
    })
    .map((v) => JSON.stringify(v)),
  fc.constant(''),
  hostileText.map((t) => `<!DOCTYPE html><html><body><h1>Bad Gateway</h1>${t}</body></html>`),
);
const status = fc.constantFrom(400, 401, 403, 404, 405, 408, 409, 413, 429, 500, 502, 503, 504, 418, 599);
const contentType = fc.constantFrom('application/json', 'text/html; charset=utf-8', 'text/plain', '');

/**
 * Server text is shown as text (React never renders it as HTML), so a message may quote markup a
 * server put in its JSON error; what it must never do is pass a whole HTML page through.
 */
function checkReadable(e: ApiError, page = false): void {
  for (const text of [e.message, e.nextStep ?? 'ok.']) {
    if (page) expect(text).not.toMatch(/<\s*(script|img|html|!doctype|body|h1)/i);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(400);
    expect(text).not.toContain('[object Object]');
    expect(text).not.toContain('ErrorDetail(');
  }
  // Neither what the user reads nor what an error report would carry holds the token.
  expect(`${e.message} ${e.nextStep} ${JSON.stringify(e)} ${String(e)}`).not.toContain(TOKEN);
}

describe('property: every failed answer becomes one readable ApiError', () => {
  it('any status, content type and body', async () => {
    await fc.assert(
      fc.asyncProperty(status, contentType, body, async (st, ct, text) => {
        installFakeFetch(() => new Response(text || null, { status: st, headers: ct ? { 'content-type': ct } : {} }));
        const seen: ApiError[] = [];
        setUnauthorizedHandler((err) => seen.push(err));
        const e = await apiRequest(server, { method: 'POST', path: '/api/barcode/', body: { barcode: 'x' } }).then(
          () => null,
          (err: unknown) => err,
        );
        expect(e).toBeInstanceOf(ApiError);
        const err = e as ApiError;
        expect(err.status).toBe(st);
        checkReadable(err, text.startsWith('<!DOCTYPE'));
        // A 401 always reaches the sign-in-again hook (the app keeps the page and asks to sign in).
        expect(seen.length).toBe(st === 401 ? 1 : 0);
        if (st === 401) expect(err.needsLogin).toBe(true);
        vi.unstubAllGlobals();
      }),
      { numRuns: 300 },
    );
  });

  it('a 2xx whose body is not JSON (HTML, text, empty where data is expected) is a parse error that says so', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 201),
        fc.oneof(
          hostileText.filter((t) => t.trim() !== '' && !isJson(t)),
          hostileText.map((t) => `<html>${t}</html>`),
        ),
        async (st, text) => {
          installFakeFetch(() => new Response(text, { status: st, headers: { 'content-type': 'text/html' } }));
          const e = await apiRequest(server, { path: '/api/' }).then(
            () => null,
            (err: unknown) => err,
          );
          expect(e).toBeInstanceOf(ApiError);
          expect((e as ApiError).kind).toBe('parse');
          expect((e as ApiError).message).toMatch(/web page|not InvenTree data/);
          checkReadable(e as ApiError, true);
          vi.unstubAllGlobals();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('transport failures (refused, reset, timeout) never mention the token either', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('TypeError: Failed to fetch', `net::ERR_CONNECTION_RESET ${TOKEN}`),
        async (why) => {
          installFakeFetch(() => Promise.reject(new TypeError(why)));
          const e = (await apiRequest(server, { path: '/api/barcode/', method: 'POST', body: {} }).catch(
            (err: unknown) => err,
          )) as ApiError;
          expect(e).toBeInstanceOf(ApiError);
          expect(['network', 'cors']).toContain(e.kind);
          expect(e.retryable || e.kind === 'cors').toBe(true);
          checkReadable(e);
          vi.unstubAllGlobals();
        },
      ),
      { numRuns: 4 },
    );
  });
});

function isJson(t: string): boolean {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}
