// Shared query helpers of the order list endpoints: DRF filters, ordering, list answers, lookups.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { paginate } from '../pagination';
import type { Row, Store } from '../store';
import { boolParam, intParam } from './listQuery';

export const NOT_FOUND = { detail: 'Not found.' };
const INVALID_CHOICE = 'Select a valid choice. That choice is not one of the available choices.';

type Filter<T> = (row: T) => boolean;

/** A ModelChoiceFilter on a pk: unknown or malformed values are a 400 field error. */
export function pkFilter<T>(
  query: URLSearchParams,
  key: string,
  exists: (pk: number) => boolean,
  test: (row: T, pk: number) => boolean,
  errors: Record<string, string[]>,
): Filter<T> | null {
  const value = intParam(query, key);
  if (value === undefined) return null;
  if (Number.isNaN(value) || !exists(value)) {
    errors[key] = [INVALID_CHOICE];
    return null;
  }
  return (row) => test(row, value);
}

/** A ChoiceFilter on an integer status: an unknown choice is a 400 field error. */
export function statusFilter<T extends Row>(
  query: URLSearchParams,
  valid: readonly number[],
  errors: Record<string, string[]>,
): Filter<T> | null {
  const value = intParam(query, 'status');
  if (value === undefined) return null;
  if (Number.isNaN(value) || !valid.includes(value)) {
    errors.status = [`Select a valid choice. ${query.get('status')} is not one of the available choices.`];
    return null;
  }
  return (row) => row.status === value;
}

export function boolFilter<T>(query: URLSearchParams, key: string, test: (row: T) => boolean): Filter<T> | null {
  const value = boolParam(query, key);
  if (value === null) return null;
  return (row) => test(row) === value;
}

export function applyFilters<T>(rows: T[], filters: (Filter<T> | null)[]): T[] {
  return filters.reduce<T[]>((acc, f) => (f ? acc.filter(f) : acc), rows);
}

export type Compare<T> = (a: T, b: T) => number;

function compareValues(a: unknown, b: unknown): number {
  // Django puts NULL first in ascending order on SQLite.
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** DRF OrderingFilter: `ordering=a,-b` over the allowed fields; unknown fields are ignored. */
export function orderingFrom<T>(
  query: URLSearchParams,
  fields: Record<string, (row: T) => unknown>,
  fallback: Compare<T>,
): Compare<T> {
  const requested = (query.get('ordering') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && Object.hasOwn(fields, s.replace(/^-/, '')));
  if (requested.length === 0) return fallback;
  return (a, b) => {
    for (const term of requested) {
      // Only terms naming a field survive the filter above.
      const get = fields[term.replace(/^-/, '')]!;
      const result = compareValues(get(a), get(b));
      if (result !== 0) return term.startsWith('-') ? -result : result;
    }
    return 0;
  };
}

export function listResponse(req: ApiRequest, errors: Record<string, string[]>, build: () => unknown[]): ApiResponse {
  if (Object.keys(errors).length > 0) return jsonResponse(400, errors);
  return jsonResponse(200, paginate(req.url, build()));
}

export const byPk = <T extends Row>(a: T, b: T) => a.pk - b.pk;

export function companyName(store: Store, pk: unknown): string | null {
  return typeof pk === 'number' ? (store.companies.get(pk)?.name ?? null) : null;
}

export function projectCode(row: Row): unknown {
  const detail = row.project_code_detail as { code?: unknown } | null | undefined;
  return detail?.code ?? null;
}
