/** DRF field-error dicts: extracted per field, and told as one sentence. */
import { isRecord } from '../answerFields.ts';
import { ALL_BARCODE_MODELS } from '../models.ts';
import { humanFieldName } from './fieldNames.ts';
import { cleanServerText, labelled } from './serverText.ts';

/** Keys of InvenTree's stringified response dicts that carry data, not a message. */
const DATA_KEYS = new Set([
  'plugin',
  'barcode_data',
  'barcode_hash',
  'success',
  'action_required',
  'lineitem',
  'stock_item',
  'part',
  'sales_order',
  'line_item',
  'shipment',
  'quantity',
  'pk',
  'api_url',
  'web_url',
  'instance',
  'error_class',
  'path',
  'status_code',
  'company',
  ...ALL_BARCODE_MODELS,
]);

/** DRF field errors: `{"field": ["msg", ...]}` (also a bare string value), nested dicts flattened to "a.b". */
export function extractFieldErrors(body: unknown): Record<string, string[]> {
  // A Map, so keys like "__proto__" or "valueOf" from a hostile body stay plain keys.
  const found = new Map<string, string[]>();
  if (!isRecord(body)) return {};
  // A stringified response dict (has "error") is not a field-error dict.
  if (Object.hasOwn(body, 'error') || Object.hasOwn(body, 'detail')) return {};
  const walk = (v: unknown, key: string, depth: number) => {
    if (depth > 5) return;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      const t = cleanServerText(v);
      if (t) found.set(key, [...(found.get(key) ?? []), t]);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (isRecord(x)) walk(x, `${key}.${i}`, depth + 1);
        else walk(x, key, depth + 1);
      });
    } else if (isRecord(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, key ? `${key}.${k}` : k, depth + 1);
    }
  };
  for (const [k, v] of Object.entries(body)) {
    if (DATA_KEYS.has(k) && !Array.isArray(v)) continue;
    walk(v, k === '__all__' ? 'non_field_errors' : k, 0);
  }
  return Object.fromEntries(found);
}

export function fieldErrorSentence(fields: Record<string, string[]>): string {
  const parts: string[] = [];
  for (const [key, msgs] of Object.entries(fields)) {
    const label = key
      .split('.')
      .map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : humanFieldName(p)))
      .filter(Boolean)
      .join(' › ');
    const text = msgs.join(' ');
    parts.push(labelled(label, text));
  }
  return parts.join(' ');
}
