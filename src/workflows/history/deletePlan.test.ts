import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/apiError.ts';
import type { HistoryBulkDelete } from '../../api/barcode.ts';
import { mapErrorBody } from '../../api/errorMapping.ts';
import {
  DeleteFailure,
  isNothingToDelete,
  planDeleteMatching,
  planDeleteSelected,
  runDeletePlan,
} from './deletePlan.ts';

/** The ApiError the http client makes of a 400 with this body (http.ts maps the body the same way). */
function http400(body: unknown): ApiError {
  const mapped = mapErrorBody(400, body, { method: 'DELETE', path: '/api/barcode/history/' });
  return new ApiError({ kind: 'http', status: 400, body, method: 'DELETE', path: '/api/barcode/history/', ...mapped });
}

// v291's answers to DELETE /api/barcode/history/ (BEHAVIOUR.md 2.8).
const NOTHING = { non_field_errors: 'No items found to delete' };
const NO_ARGS = { non_field_errors: ['List of items or filters must be provided for bulk deletion'] };

describe('delete planning', () => {
  it('deletes the rows found in the app, else by the server filters, else everything', () => {
    expect(planDeleteMatching({ total: 0, hitPks: null, filters: {} })).toBeNull();
    expect(planDeleteMatching({ total: 40, hitPks: [3, 9], filters: { result: false } })).toEqual({
      kind: 'items',
      items: [3, 9],
      count: 2,
    });
    expect(planDeleteMatching({ total: 40, hitPks: null, filters: { result: false } })).toEqual({
      kind: 'filters',
      filters: { result: false },
      count: 40,
    });
    expect(planDeleteMatching({ total: 40, hitPks: null, filters: {} })).toEqual({ kind: 'everything', count: 40 });
    expect(planDeleteSelected([5, 6])).toEqual({ kind: 'items', items: [5, 6], count: 2 });
  });

  it('recognises "nothing to delete" by its mapped field error only', () => {
    expect(isNothingToDelete(http400(NOTHING))).toBe(true);
    expect(isNothingToDelete(http400(NO_ARGS))).toBe(false);
    expect(isNothingToDelete(new Error('No items found to delete'))).toBe(false);
  });

  it('"everything" deletes both halves and accepts an empty half; other failures stop it', async () => {
    const sent: HistoryBulkDelete[] = [];
    const send = (failFirst: ApiError | null) => ({
      one: async () => undefined,
      bulk: async (body: HistoryBulkDelete) => {
        sent.push(body);
        if (failFirst && sent.length === 1) throw failFirst;
      },
    });
    await runDeletePlan({ kind: 'everything', count: 3 }, send(http400(NOTHING)));
    expect(sent).toEqual([{ filters: { result: true } }, { filters: { result: false } }]);
    sent.length = 0;
    const refused = http400(NO_ARGS);
    // The server answered no to the first request: nothing was deleted.
    await expect(runDeletePlan({ kind: 'everything', count: 3 }, send(refused))).rejects.toMatchObject({
      outcome: 'nothing',
      error: refused,
    });
    await expect(
      runDeletePlan({ kind: 'one', pk: 1, count: 1 }, { ...send(null), one: () => Promise.reject(refused) }),
    ).rejects.toBeInstanceOf(DeleteFailure);
    expect(sent).toHaveLength(1);
  });

  it('a delete the app gave up waiting for may have been done: the outcome is unknown', async () => {
    const timeout = new ApiError({ kind: 'timeout', message: 'The server did not answer within 15 seconds.' });
    const reset = new ApiError({ kind: 'network', message: 'Cannot reach the server.' });
    const gateway = new ApiError({ kind: 'http', status: 504, message: 'Gateway timeout' });
    for (const e of [timeout, reset, gateway]) {
      const fail = { one: () => Promise.reject(e), bulk: () => Promise.reject(e) };
      await expect(runDeletePlan({ kind: 'one', pk: 7, count: 1 }, fail)).rejects.toMatchObject({ outcome: 'unknown' });
    }
  });

  it('"everything" failing in its second half has deleted the first', async () => {
    let n = 0;
    const secondFails = {
      one: async () => undefined,
      bulk: async () => {
        n += 1;
        if (n === 2) throw http400(NO_ARGS);
      },
    };
    await expect(runDeletePlan({ kind: 'everything', count: 9 }, secondFails)).rejects.toMatchObject({
      outcome: 'some',
    });
  });

  it('one row, a selection and filters each make one request', async () => {
    const calls: unknown[] = [];
    const send = {
      one: async (pk: number) => void calls.push(['one', pk]),
      bulk: async (b: HistoryBulkDelete) => void calls.push(['bulk', b]),
    };
    await runDeletePlan({ kind: 'one', pk: 7, count: 1 }, send);
    await runDeletePlan({ kind: 'items', items: [1, 2], count: 2 }, send);
    await runDeletePlan({ kind: 'filters', filters: { user: 2 }, count: 9 }, send);
    expect(calls).toEqual([
      ['one', 7],
      ['bulk', { items: [1, 2] }],
      ['bulk', { filters: { user: 2 } }],
    ]);
  });
});
