// The 167 recordings of a real InvenTree 1.2 dev (API 425) server (contract/transcripts-425: the
// same requests as transcripts/, in the same order) and a replayer over a 425 simulation.
import type { Simulation } from '../../simulation';
import { basicAuth, request, tokenFor, type SimResponse } from '../../test/simClient';
import type { Transcript } from '../../test/transcripts';

const files = import.meta.glob<Transcript>('../../../../e2e/fixtures/contract/transcripts-425/*.json', {
  eager: true,
  import: 'default',
});

export const transcripts425: { name: string; transcript: Transcript }[] = Object.entries(files)
  .map(([path, transcript]) => ({ name: path.split('/').pop() as string, transcript }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Replays every 425 transcript in order; `visit` sees each expected/actual pair. */
export async function replayTranscripts425(
  sim: Simulation,
  visit: (name: string, transcript: Transcript, actual: SimResponse) => void,
): Promise<void> {
  let adminToken: string | null = null;
  for (const { name, transcript } of transcripts425) {
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
    if (req.auth === 'basic' && req.path === '/api/user/token/' && actual.status === 200) {
      adminToken = `Token ${(actual.body as { token: string }).token}`;
    }
    visit(name, transcript, actual);
  }
}
