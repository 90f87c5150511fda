// Replays transcripts-stock/ (60 exchanges recorded in order from a real v291 server, starting at
// the pristine demo dataset) against one fresh simulation: status and body exactly, key order
// included, after masking only `updated`/`stocktake_date`. The clock is pinned to the recording's
// minute, because tracking `date`s are compared as recorded (STOCK-OPERATIONS.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSimulation } from '../node';
import { request, tokenFor } from '../test/simClient';
import type { Transcript } from '../test/transcripts';

const files = import.meta.glob<Transcript>('../../../e2e/fixtures/contract/transcripts-stock/*.json', {
  eager: true,
  import: 'default',
});
const transcripts = Object.entries(files)
  .map(([path, transcript]) => ({ name: path.split('/').pop() as string, transcript }))
  .sort((a, b) => a.name.localeCompare(b.name));

const TIME_KEYS = new Set(['updated', 'stocktake_date']);
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

function normalise(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v, k)]));
  }
  if (key && TIME_KEYS.has(key) && typeof value === 'string' && DATE_LIKE.test(value)) return '<TIME>';
  return value;
}

describe('stock transcript replay (real v291 server recordings)', () => {
  const { sim, server } = createNodeSimulation({ now: () => new Date('2026-12-04T17:07:30Z') });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('matches every stock transcript in order', async () => {
    expect(transcripts.length).toBe(60);
    const admin = tokenFor(sim, 'admin');
    const reader = tokenFor(sim, 'reader');
    const mismatches: string[] = [];
    let matched = 0;
    for (const { name, transcript } of transcripts) {
      const req = transcript.request;
      const authorization = req.auth === 'token' ? admin : req.auth === 'other-user' ? reader : undefined;
      const actual = await request(req.path, {
        method: req.method,
        body: req.body ?? undefined,
        query: req.query,
        authorization,
      });
      const expectedText = JSON.stringify(normalise(transcript.response.body));
      const actualText = JSON.stringify(normalise(actual.body));
      if (actual.status === transcript.response.status && actualText === expectedText) matched += 1;
      else
        mismatches.push(
          `${name}: expected ${transcript.response.status} ${expectedText}\n    actual ${actual.status} ${actualText}`,
        );
    }
    console.log(`stock transcript replay: ${matched}/${transcripts.length} match`);
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    expect(mismatches).toEqual([]);
  });
});
