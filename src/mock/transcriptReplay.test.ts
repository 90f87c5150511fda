// Replays the golden transcripts recorded from a real v291 server (e2e/fixtures/contract/
// transcripts) in order against one fresh simulation, comparing status and body exactly: key
// order included, after normalising only timestamps and token values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSimulation } from './node';
import { replayTranscripts, transcripts } from './test/transcripts';

// Values that legitimately differ between recordings: token keys and the clock.
const TIME_KEYS = new Set([
  'timestamp',
  'updated',
  'expiry',
  'creation_date',
  'issue_date',
  'complete_date',
  'shipment_date',
  'delivery_date',
  'stocktake_date',
  'availability_updated',
]);
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

function normalise(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v, k)]));
  }
  if (key === 'token' && typeof value === 'string') return '<TOKEN>';
  if (key && TIME_KEYS.has(key) && typeof value === 'string' && DATE_LIKE.test(value)) return '<TIME>';
  return value;
}

describe('transcript replay (real v291 server recordings)', () => {
  const { sim, server } = createNodeSimulation();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('matches every transcript in order', async () => {
    const mismatches: string[] = [];
    let matched = 0;
    await replayTranscripts(sim, (name, transcript, actual) => {
      const expected = transcript.response;
      const expectedText = JSON.stringify(normalise(expected.body));
      const actualText = JSON.stringify(normalise(actual.body));
      if (actual.status === expected.status && actualText === expectedText) {
        matched += 1;
        return;
      }
      mismatches.push(
        `${name}: expected ${expected.status} ${expectedText.slice(0, 300)}\n    actual ${actual.status} ${actualText.slice(0, 300)}`,
      );
    });
    console.log(`transcript replay: ${matched}/${transcripts.length} match`);
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    expect(mismatches).toEqual([]);
    expect(matched).toBe(transcripts.length);
  });
});
