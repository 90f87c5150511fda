// The golden transcripts (recorded from a real v291 server), in recording order, and a replayer
// that sends each request to the node simulation with the same credentials.
import type { Simulation } from '../simulation';
import { basicAuth, request, tokenFor, type SimResponse } from './simClient';

export interface Transcript {
  title: string;
  request: {
    method: string;
    path: string;
    query: Record<string, string | number>;
    body: unknown;
    auth: 'token' | 'basic' | 'other-user' | 'none';
  };
  response: { status: number; body: unknown };
}

const files = import.meta.glob<Transcript>('../../../e2e/fixtures/contract/transcripts/*.json', {
  eager: true,
  import: 'default',
});

export const transcripts: { name: string; transcript: Transcript }[] = Object.entries(files)
  .map(([path, transcript]) => ({ name: path.split('/').pop() as string, transcript }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Replays recordings in order (the v291 ones by default); `visit` sees each expected/actual pair. */
export async function replayTranscripts(
  sim: Simulation,
  visit: (name: string, transcript: Transcript, actual: SimResponse) => void,
  recordings: readonly { name: string; transcript: Transcript }[] = transcripts,
): Promise<void> {
  let adminToken: string | null = null;
  for (const { name, transcript } of recordings) {
    const req = transcript.request;
    let authorization: string | undefined;
    if (req.auth === 'basic') authorization = basicAuth('admin', 'inventree');
    if (req.auth === 'token') authorization = adminToken ?? tokenFor(sim, 'admin');
    if (req.auth === 'other-user') authorization = tokenFor(sim, 'reader');
    const actual = await request(req.path, {
      method: req.method,
      body: req.body ?? undefined,
      query: req.query,
      authorization,
    });
    // Transcript 003 fetched the admin token that the later `token` requests use.
    if (req.auth === 'basic' && req.path === '/api/user/token/' && actual.status === 200) {
      adminToken = `Token ${(actual.body as { token: string }).token}`;
    }
    visit(name, transcript, actual);
  }
}
