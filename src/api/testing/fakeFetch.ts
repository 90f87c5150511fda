/** Test helper: a fetch stand-in that records requests and answers from a script. */
import { vi } from 'vitest';

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  mode: string | undefined;
  credentials: string | undefined;
}

export type Responder = (req: RecordedRequest, init: RequestInit) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  // A 204 (and the bodiless statuses) cannot carry a body in the Fetch API.
  const noBody = status === 204 || status === 205 || status === 304;
  const text = body === '' || body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(noBody ? null : text, { status, headers: { 'content-type': contentType } });
}

/** Install a fake global fetch; returns the recorded requests. Call vi.unstubAllGlobals() after. */
export function installFakeFetch(responder: Responder): RecordedRequest[] {
  const calls: RecordedRequest[] = [];
  const fake = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    let body: unknown = init.body ?? undefined;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        /* keep text */
      }
    }
    const req: RecordedRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers,
      body,
      mode: init.mode,
      credentials: init.credentials,
    };
    calls.push(req);
    return responder(req, init);
  });
  vi.stubGlobal('fetch', fake);
  return calls;
}

/** A fetch that never answers until aborted (then rejects like a browser). */
export function hangingResponse(init: RequestInit): Promise<Response> {
  return new Promise((_, reject) => {
    const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (init.signal?.aborted) fail();
    init.signal?.addEventListener('abort', fail);
  });
}
