/**
 * History's stored `context` and `response` made readable for the drawer: v291 stores every
 * top-level value with Python's `str()`, so nested answers arrive as reprs (api/pythonRepr.ts).
 */
import { parsePythonRepr } from '../../api/pythonRepr.ts';

/**
 * One stored value made readable: a repr of a dict or list becomes that structure; "None" becomes
 * null; other strings (barcode data, numbers as text, messages) stay exactly as stored.
 */
export function readableValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value === 'None') return null;
  const t = value.trim();
  // Python reprs quote with ' (JSON barcode data such as {"part": 69} has none, and stays text).
  if ((/^[[{(]/.test(t) && t.includes("'")) || t.startsWith('ErrorDetail(')) {
    const parsed = parsePythonRepr(t);
    if (parsed !== undefined && typeof parsed === 'object') return parsed;
    if (typeof parsed === 'string' && t.startsWith('ErrorDetail(')) return parsed;
  }
  return value;
}

/** Keys holding the scanned data itself: shown exactly as stored, never reinterpreted. */
const RAW_KEYS = new Set(['barcode', 'barcode_data', 'barcode_hash', 'data']);

/** A stored `context` / `response` dict with each value made readable (see readableValue). */
export function readableRecord(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const value = RAW_KEYS.has(k) ? v : readableValue(v);
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Pretty text for the drawer: JSON layout, with control characters escaped so they stay visible. */
export function prettyReadable(record: unknown): string {
  if (record === null || record === undefined) return '—';
  return JSON.stringify(readableRecord(record), null, 2) ?? '—';
}
