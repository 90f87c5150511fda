// DRF list mechanics shared by the order list endpoints: SearchFilter (every term must match some
// field, case-insensitive like SQLite LIKE), boolean filter values, integer filter values.
import { sqliteLower } from '../supplier/pyRegex';

/** SearchFilter: terms split on whitespace and commas; each must be contained in some field. */
export function matchesSearch(search: string | null, fields: readonly unknown[]): boolean {
  const terms = (search ?? '')
    .replace(/\0/g, '')
    .split(/[\s,]+/)
    .filter((t) => t !== '');
  if (terms.length === 0) return true;
  const texts = fields.filter((f) => f !== null && f !== undefined).map((f) => sqliteLower(String(f)));
  return terms.every((term) => texts.some((text) => text.includes(sqliteLower(term))));
}

/** django-filter BooleanFilter: true/false (also 1/0, yes/no...); anything else means "no filter". */
export function boolParam(query: URLSearchParams, key: string): boolean | null {
  const raw = query.get(key);
  if (raw === null) return null;
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on', 't', 'y'].includes(value)) return true;
  if (['false', '0', 'no', 'off', 'f', 'n'].includes(value)) return false;
  return null;
}

/** An integer filter value; `undefined` when absent or empty, NaN when not an integer. */
export function intParam(query: URLSearchParams, key: string): number | undefined {
  const raw = query.get(key);
  if (raw === null || raw.trim() === '') return undefined;
  return /^\s*[+-]?\d+\s*$/.test(raw) ? Number.parseInt(raw, 10) : Number.NaN;
}

/** The `*_detail=true` flags honoured by the order serializers. */
export function detailFlag(query: URLSearchParams, key: string): boolean {
  return boolParam(query, key) === true;
}

/** The integer InvenTree extracts from a reference for ordering (`PO0013` → 13). */
export function referenceInt(reference: string): number {
  const match = /(\d+)/.exec(reference);
  return match ? Number.parseInt(match[1]!, 10) : 0;
}

/** `-reference` ordering (reference_int, then the text), the default of the order lists. */
export function byReferenceDescending<T extends { reference: string }>(a: T, b: T): number {
  return (
    referenceInt(b.reference) - referenceInt(a.reference) ||
    (a.reference < b.reference ? 1 : a.reference > b.reference ? -1 : 0)
  );
}
