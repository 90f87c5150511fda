// Python's `\s` for str patterns (str.isspace()), for regexes that must behave like InvenTree's.
// Unlike JS `\s` it includes FS/GS/RS/US (U+001C-U+001F) and U+0085, and excludes U+FEFF.
export const PY_SPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Django `iexact`/`icontains` on SQLite: LIKE folds ASCII letters only. */
export function sqliteLower(text: string): string {
  return text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}
