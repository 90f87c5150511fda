// DRF's LimitOffsetPagination as InvenTree v291 configures it: no default page size, so a list
// without `limit` is a plain JSON array; with `limit` it is {count, next, previous, results}.

/** DRF `_positive_int`: a base-10 int (surrounding whitespace allowed), >0 when strict. */
function positiveInt(raw: string | null, strict: boolean): number | null {
  if (raw === null) return null;
  const text = raw.trim();
  if (!/^[+-]?\d+$/.test(text)) return null;
  const value = Number.parseInt(text, 10);
  if (value < 0 || (strict && value === 0)) return null;
  return value;
}

/** Python's `quote_plus` (urlencode): only `A-Za-z0-9_.-~` stay, space becomes `+`. */
function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** DRF `replace_query_param`/`remove_query_param`: the query is re-encoded sorted by key. */
function withQueryParam(url: URL, key: string, value: string | null): string {
  const params = new Map<string, string[]>();
  url.searchParams.forEach((v, k) => {
    params.set(k, [...(params.get(k) ?? []), v]);
  });
  if (value === null) params.delete(key);
  else params.set(key, [value]);
  const keys = [...params.keys()].sort();
  const query = keys.flatMap((k) => (params.get(k) ?? []).map((v) => `${quotePlus(k)}=${quotePlus(v)}`)).join('&');
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
}

export function paginate<T>(
  url: URL,
  rows: T[],
): T[] | { count: number; next: string | null; previous: string | null; results: T[] } {
  const limit = positiveInt(url.searchParams.get('limit'), true);
  if (limit === null) return rows;
  const offset = positiveInt(url.searchParams.get('offset'), false) ?? 0;
  const count = rows.length;
  const next =
    offset + limit < count
      ? withQueryParam(new URL(withQueryParam(url, 'limit', String(limit))), 'offset', String(offset + limit))
      : null;
  let previous: string | null = null;
  if (offset > 0) {
    const withLimit = new URL(withQueryParam(url, 'limit', String(limit)));
    previous =
      offset - limit <= 0
        ? withQueryParam(withLimit, 'offset', null)
        : withQueryParam(withLimit, 'offset', String(offset - limit));
  }
  return { count, next, previous, results: rows.slice(offset, offset + limit) };
}
