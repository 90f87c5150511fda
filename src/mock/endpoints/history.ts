// Scan history: `GET/DELETE /api/barcode/history/` and `GET/DELETE /api/barcode/history/{id}/`
// (BEHAVIOUR.md 2.8), including v291's 500s for `search` and `ordering=plugin`.
import { emptyResponse, jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { minuteTimestamp } from './link';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { SimulatedServerError } from '../serverError';
import type { Simulation } from '../simulation';
import type { HistoryRow } from '../store';

const NOT_FOUND = { detail: 'Not found.' };
const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };
const FIELD_ERROR_DETAIL =
  "Cannot resolve keyword 'plugin' into field. Choices are: context, data, endpoint, id, response, result, timestamp, user, user_id";

function fieldError(): SimulatedServerError {
  return new SimulatedServerError('FieldError', FIELD_ERROR_DETAIL, 'django.core.exceptions.FieldError');
}

export function serializeHistoryRow(sim: Simulation, row: HistoryRow): Record<string, unknown> {
  const user = row.user === null ? undefined : sim.store.users.get(row.user);
  return {
    pk: row.pk,
    data: row.data,
    timestamp: minuteTimestamp(new Date(row.timestamp)),
    endpoint: row.endpoint,
    context: row.context,
    response: row.response,
    result: row.result,
    user: row.user,
    user_detail: user
      ? {
          pk: user.pk,
          username: user.username,
          first_name: user.first_name,
          last_name: user.last_name,
          email: user.email,
        }
      : null,
  };
}

/** django-filter BooleanFilter: true/false/1/0 (any case); anything else disables the filter. */
function booleanParam(raw: string | null): boolean | null {
  const value = raw?.toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return null;
}

const ORDERING_FIELDS = ['user', 'timestamp', 'endpoint', 'result', 'plugin'];

type Comparator = (a: HistoryRow, b: HistoryRow) => number;

function fieldComparator(field: string): Comparator {
  switch (field) {
    case 'user':
      return (a, b) => (a.user ?? -1) - (b.user ?? -1);
    case 'endpoint':
      // SQLite's BINARY collation: plain code-unit order.
      return (a, b) => ((a.endpoint ?? '') < (b.endpoint ?? '') ? -1 : (a.endpoint ?? '') > (b.endpoint ?? '') ? 1 : 0);
    case 'result':
      return (a, b) => Number(a.result) - Number(b.result);
    default:
      // Stored timestamps have full precision; rows written in the same millisecond keep pk order.
      return (a, b) => a.timestamp - b.timestamp || a.pk - b.pk;
  }
}

/**
 * Ties after every ordering term, as v291's SQLite returns them: ordered by the indexed `user`
 * foreign key first, SQLite walks that index (backwards for `-user`), so ties come out in that
 * direction of pk (`-user`: 64, 63, …); by an unindexed column (endpoint, result; timestamp ties
 * never happen) its sorter keeps the table scan's ascending pk (transcript 151, `-endpoint`).
 */
const INDEXED_ORDERING_FIELDS = new Set(['user']);

function historyTieBreak(firstTerm: string): Comparator {
  const descending = firstTerm.startsWith('-') && INDEXED_ORDERING_FIELDS.has(firstTerm.slice(1));
  return descending ? (a, b) => b.pk - a.pk : (a, b) => a.pk - b.pk;
}

/** DRF OrderingFilter: valid terms only, default `-timestamp`; ties as historyTieBreak says. */
function ordering(raw: string | null): Comparator {
  const terms = (raw ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => ORDERING_FIELDS.includes(t.replace(/^-/, '')));
  if (terms.some((t) => t.replace(/^-/, '') === 'plugin')) throw fieldError();
  const chosen = terms.length > 0 ? terms : ['-timestamp'];
  const comparators = chosen.map((term) => {
    const compare = fieldComparator(term.replace(/^-/, ''));
    return term.startsWith('-') ? (a: HistoryRow, b: HistoryRow) => -compare(a, b) : compare;
  });
  const tieBreak = historyTieBreak(chosen[0] ?? '-timestamp');
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return tieBreak(a, b);
  };
}

function list(req: ApiRequest, sim: Simulation): ApiResponse {
  let rows = sim.store.history.all();
  const userParam = req.query.get('user');
  if (userParam !== null && userParam !== '') {
    const pk = /^\s*\d+\s*$/.test(userParam) ? Number(userParam) : NaN;
    if (!sim.store.users.has(pk)) {
      return jsonResponse(400, { user: ['Select a valid choice. That choice is not one of the available choices.'] });
    }
    rows = rows.filter((row) => row.user === pk);
  }
  const result = booleanParam(req.query.get('result'));
  if (result !== null) rows = rows.filter((row) => row.result === result);
  // The only search field is the nonexistent `plugin`: any search term crashes v291.
  const searchTerms = (req.query.get('search') ?? '')
    .replace(/\u0000/g, '')
    .replace(/,/g, ' ')
    .trim();
  if (searchTerms !== '') throw fieldError();
  rows.sort(ordering(req.query.get('ordering')));
  // Serialize only the rows of the page: a 10,000-row history would otherwise format every row.
  const page = paginate(req.url, rows);
  const serialize = (row: HistoryRow) => serializeHistoryRow(sim, row);
  return jsonResponse(
    200,
    Array.isArray(page) ? page.map(serialize) : { ...page, results: page.results.map(serialize) },
  );
}

function pyAttributeError(body: unknown): SimulatedServerError {
  const typeName = Array.isArray(body)
    ? 'list'
    : body === null
      ? 'NoneType'
      : typeof body === 'string'
        ? 'str'
        : typeof body === 'boolean'
          ? 'bool'
          : Number.isInteger(body)
            ? 'int'
            : 'float';
  if (typeName === 'list') return new SimulatedServerError('TypeError', 'pop expected at most 1 argument, got 2');
  return new SimulatedServerError('AttributeError', `'${typeName}' object has no attribute 'pop'`);
}

function pyTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Django's int() of an `id__in` element; null when the lookup raises. */
function idValue(value: unknown): number | null | 'skip' {
  if (value === null) return 'skip';
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

const DJANGO_BOOLEAN: Record<string, boolean> = {
  true: true,
  false: false,
  t: true,
  f: false,
  '1': true,
  '0': false,
  True: true,
  False: false,
};

/** A small ORM filter: exact matches on the model's columns, `__in` on pk. Null = invalid filters. */
function filterPredicate(filters: Record<string, unknown>): ((row: HistoryRow) => boolean) | null {
  const tests: ((row: HistoryRow) => boolean)[] = [];
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'result') {
      const bool = typeof value === 'boolean' ? value : DJANGO_BOOLEAN[String(value)];
      if (bool === undefined) return null;
      tests.push((row) => row.result === bool);
    } else if (key === 'user' || key === 'user_id' || key === 'pk' || key === 'id') {
      const id = idValue(value);
      if (id === null || id === 'skip') return null;
      tests.push((row) => (key.startsWith('user') ? row.user : row.pk) === id);
    } else if (key === 'pk__in' || key === 'id__in') {
      if (!Array.isArray(value)) return null;
      const ids = value.map(idValue);
      if (ids.includes(null)) return null;
      tests.push((row) => ids.includes(row.pk));
    } else if (key === 'endpoint' || key === 'data') {
      if (typeof value !== 'string') return null;
      tests.push((row) => row[key] === value);
    } else {
      return null;
    }
  }
  return (row) => tests.every((test) => test(row));
}

/** InvenTree's BulkDeleteMixin (v291), staff only; answers 204 with an empty body. */
function bulkDelete(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!req.user?.is_staff) return jsonResponse(403, FORBIDDEN);
  const body = req.body === undefined ? {} : req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw pyAttributeError(body);
  const { items, filters } = body as Record<string, unknown>;
  if (!pyTruthy(items) && !pyTruthy(filters)) {
    return jsonResponse(400, { non_field_errors: ['List of items or filters must be provided for bulk deletion'] });
  }
  if (pyTruthy(items) && !Array.isArray(items))
    return jsonResponse(400, { items: ["'items' must be supplied as a list object"] });
  if (pyTruthy(filters) && (typeof filters !== 'object' || Array.isArray(filters))) {
    return jsonResponse(400, { filters: ["'filters' must be supplied as a dict object"] });
  }
  let rows = sim.store.history.all();
  if (Array.isArray(items) && items.length > 0) {
    const ids = items.map(idValue);
    if (ids.includes(null)) return jsonResponse(400, { non_field_errors: 'Invalid items list provided' });
    rows = rows.filter((row) => ids.includes(row.pk));
  }
  if (pyTruthy(filters)) {
    const predicate = filterPredicate(filters as Record<string, unknown>);
    if (!predicate) return jsonResponse(400, { non_field_errors: 'Invalid filters provided' });
    rows = rows.filter(predicate);
  }
  if (rows.length === 0) return jsonResponse(400, { non_field_errors: 'No items found to delete' });
  for (const row of rows) sim.store.history.delete(row.pk);
  return emptyResponse(204);
}

export const historyRoutes: Route[] = [
  {
    pattern: '/api/barcode/history/',
    permission: 'staffOrReadOnly',
    methods: { GET: list, DELETE: bulkDelete },
  },
  {
    pattern: '/api/barcode/history/#id/',
    permission: 'staffOrReadOnly',
    methods: {
      GET: (req, sim) => {
        const row = sim.store.history.get(Number(req.params.id));
        return row ? jsonResponse(200, serializeHistoryRow(sim, row)) : jsonResponse(404, NOT_FOUND);
      },
      DELETE: (req, sim) => {
        if (!req.user?.is_staff) return jsonResponse(403, FORBIDDEN);
        return sim.store.history.delete(Number(req.params.id)) ? emptyResponse(204) : jsonResponse(404, NOT_FOUND);
      },
    },
  },
];
