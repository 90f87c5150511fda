import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transcript } from '../../api/testing/transcripts.ts';
import {
  applyClientFilter,
  canSearchOnServer,
  CLIENT_FILTER_WINDOW,
  DEFAULT_VIEW,
  matchesText,
  planHistoryRequest,
  serverFilters,
  type HistoryView,
} from './historyQuery.ts';

const v291 = { apiVersion: 291 };

describe('history query building', () => {
  it('first page, newest first, as transcript 148 asks', () => {
    const plan = planHistoryRequest({ ...DEFAULT_VIEW, pageSize: 3 }, v291);
    expect(plan.params).toEqual({ ordering: '-timestamp', limit: 3, offset: 0 });
    expect(transcript('148-history-list-page').request.query).toEqual({ limit: 3, offset: 0 });
    expect(plan.clientText).toBeNull();
  });

  it('page 2 is offset by the page size (149)', () => {
    const plan = planHistoryRequest({ ...DEFAULT_VIEW, pageSize: 3, page: 2 }, v291);
    expect(plan.params).toMatchObject(transcript('149-history-list-page-2').request.query);
  });

  it('ordering by each sortable column, ascending and descending (150, 151)', () => {
    const asc = planHistoryRequest({ ...DEFAULT_VIEW, sort: { column: 'timestamp', direction: 'asc' } }, v291);
    expect(asc.params.ordering).toBe(transcript('150-history-list-ordering-timestamp').request.query.ordering);
    const desc = planHistoryRequest({ ...DEFAULT_VIEW, sort: { column: 'endpoint', direction: 'desc' } }, v291);
    expect(desc.params.ordering).toBe(transcript('151-history-list-ordering-endpoint').request.query.ordering);
    expect(
      planHistoryRequest({ ...DEFAULT_VIEW, sort: { column: 'user', direction: 'asc' } }, v291).params.ordering,
    ).toBe('user');
    expect(
      planHistoryRequest({ ...DEFAULT_VIEW, sort: { column: 'result', direction: 'desc' } }, v291).params.ordering,
    ).toBe('-result');
  });

  it('result and user filters (152, 153, 155)', () => {
    expect(planHistoryRequest({ ...DEFAULT_VIEW, result: 'success' }, v291).params.result).toBe(true);
    expect(planHistoryRequest({ ...DEFAULT_VIEW, result: 'failure' }, v291).params.result).toBe(false);
    expect(planHistoryRequest({ ...DEFAULT_VIEW, user: 1 }, v291).params.user).toBe(1);
    expect('result' in planHistoryRequest(DEFAULT_VIEW, v291).params).toBe(false);
    expect(serverFilters({ result: 'failure', user: 2 })).toEqual({ result: false, user: 2 });
  });

  it('never sends search to v291 (154 is a 500): a text filter becomes a client-side filter over a window', () => {
    expect(transcript('154-history-list-search').response.status).toBe(500);
    const plan = planHistoryRequest({ ...DEFAULT_VIEW, text: 'ABC', page: 2, pageSize: 10 }, v291);
    expect('search' in plan.params).toBe(false);
    expect(plan.params).toMatchObject({ limit: CLIENT_FILTER_WINDOW, offset: 0 });
    expect(plan.clientText).toBe('ABC');
    expect(plan.clientSlice).toEqual({ start: 10, end: 20 });
  });

  it('never sends search or ordering=plugin to v291, whatever the view (property)', () => {
    const view = fc.record({
      page: fc.integer({ min: -5, max: 1000 }),
      pageSize: fc.integer({ min: 1, max: 500 }),
      sort: fc.record({
        column: fc.constantFrom('timestamp', 'user', 'endpoint', 'result', 'plugin' as never),
        direction: fc.constantFrom('asc' as const, 'desc' as const),
      }),
      result: fc.constantFrom('all' as const, 'success' as const, 'failure' as const),
      user: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
      text: fc.string(),
    }) as fc.Arbitrary<HistoryView>;
    fc.assert(
      fc.property(view, fc.constantFrom(null, 200, 291), (v, apiVersion) => {
        const { params } = planHistoryRequest(v, { apiVersion });
        expect('search' in params).toBe(false);
        expect(String(params.ordering).replace(/^-/, '')).not.toBe('plugin');
        expect(Number(params.offset)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('newer servers are asked to search, until a search fails once', () => {
    expect(canSearchOnServer({ apiVersion: 291 })).toBe(false);
    expect(canSearchOnServer({ apiVersion: null })).toBe(false);
    expect(canSearchOnServer({ apiVersion: 400 })).toBe(true);
    expect(canSearchOnServer({ apiVersion: 400, searchFailed: true })).toBe(false);
    const plan = planHistoryRequest({ ...DEFAULT_VIEW, text: ' SHELF ' }, { apiVersion: 400 });
    expect(plan.params).toMatchObject({ search: 'SHELF', limit: 25, offset: 0 });
    expect(plan.clientText).toBeNull();
  });
});

describe('client-side barcode text filter', () => {
  it('matches case-insensitively and ignores control characters', () => {
    expect(matchesText('[)>\u001e06\u001dP296-LM358', 'p296-lm')).toBe(true);
    expect(matchesText('[)>\u001e06\u001dP296', ')>06')).toBe(true);
    expect(matchesText('{"part": 69}', 'stockitem')).toBe(false);
    expect(matchesText('anything', '  ')).toBe(true);
  });

  it('filters the window and slices the requested page, counting all hits', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ pk: i, data: i % 3 === 0 ? `SHELF-${i}` : `{"part": ${i}}` }));
    const plan = planHistoryRequest({ ...DEFAULT_VIEW, text: 'shelf', pageSize: 4, page: 2 }, v291);
    const { rows: page, total } = applyClientFilter(rows, plan);
    expect(total).toBe(10);
    expect(page.map((r) => r.pk)).toEqual([12, 15, 18, 21]);
  });

  it('leaves server-filtered rows alone', () => {
    const rows = [{ data: 'a' }, { data: 'b' }];
    expect(applyClientFilter(rows, planHistoryRequest(DEFAULT_VIEW, v291))).toEqual({ rows, total: 2 });
  });
});
