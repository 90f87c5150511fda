/**
 * Reading fields out of InvenTree's JSON answers, which are loose: v291 sends numbers as strings in
 * 400 answers ("32") and as numbers in 200 answers, and "None" for a missing value.
 */

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number whether it came as a number or a numeric string; null for anything else ("None", ""). */
export function answerNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** A positive whole number from a URL parameter (`?order=5`), else null. */
export function positiveInt(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
