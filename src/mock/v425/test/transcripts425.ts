// The 167 recordings of a real InvenTree 1.2 dev (API 425) server (contract/transcripts-425: the
// same requests as transcripts/, in the same order) and a replayer over a 425 simulation.
import type { Simulation } from '../../simulation';
import type { SimResponse } from '../../test/simClient';
import { replayTranscripts, type Transcript } from '../../test/transcripts';

const files = import.meta.glob<Transcript>('../../../../e2e/fixtures/contract/transcripts-425/*.json', {
  eager: true,
  import: 'default',
});

export const transcripts425: { name: string; transcript: Transcript }[] = Object.entries(files)
  .map(([path, transcript]) => ({ name: path.split('/').pop() as string, transcript }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Replays every 425 transcript in order over a 425 simulation (the same replayer as v291's). */
export function replayTranscripts425(
  sim: Simulation,
  visit: (name: string, transcript: Transcript, actual: SimResponse) => void,
): Promise<void> {
  return replayTranscripts(sim, visit, transcripts425);
}
