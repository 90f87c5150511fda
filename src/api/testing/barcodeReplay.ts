// Shared by the barcode endpoint tests: a fake fetch answering with a recorded v291 transcript.
import { expect } from 'vitest';
import type { Connection } from '../apiConnection.ts';
import { installFakeFetch, jsonResponse } from './fakeFetch.ts';
import { transcript, type Transcript } from './transcripts.ts';

export const conn: Connection = { mode: 'server', baseUrl: 'http://127.0.0.1:8000', token: 'tok' };

/** Answer with the recorded response and check the request matches the recorded one. */
export function replay(prefix: string): Transcript {
  const t = transcript(prefix);
  installFakeFetch((req) => {
    expect(req.method).toBe(t.request.method);
    expect(new URL(req.url).pathname).toBe(t.request.path);
    if (t.request.body !== null && t.request.method !== 'GET') expect(req.body).toEqual(t.request.body);
    return jsonResponse(t.response.status, t.response.body === '' ? '' : t.response.body);
  });
  return t;
}

export function bodyOf(t: Transcript): { barcode: string } & Record<string, unknown> {
  return t.request.body as { barcode: string } & Record<string, unknown>;
}
