/**
 * Reading the answers of the link, unlink and scan endpoints (InvenTree v291, BEHAVIOUR.md 1.5, 2.3, 2.4).
 * Error bodies there are stringified dicts (`"pk": "231"`), field-error dicts or `{"error": "..."}`.
 * Model names and match parsing come from the API layer; this file adds what the link page says.
 */
import {
  BARCODE_MODEL_INFO,
  BARCODE_MODELS_V291,
  type BarcodeMatch,
  type BarcodeModel,
  extractMatch,
  modelForTable,
  modelName,
} from '../../api/models.ts';
import { cleanServerText, extractFieldErrors, roleName } from '../../api/errorMapping.ts';
import { formatList } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';

export type { BarcodeModel };

import { isRecord } from '../../api/answerFields.ts';

/** The object a barcode belongs to, as named in a scan or link answer. */
export type MatchedObject = Pick<BarcodeMatch, 'model' | 'pk' | 'apiUrl' | 'webUrl'>;

/**
 * The matched object of a scan answer (200, native ints) or of a "Barcode matches existing item"
 * answer (400, every leaf stringified: `"pk": "231"`).
 */
export function findMatch(body: unknown): MatchedObject | null {
  const hit = extractMatch(body);
  return hit ? { model: hit.model, pk: hit.pk, apiUrl: hit.apiUrl, webUrl: hit.webUrl } : null;
}

/** `{"field": ["msg", ...]}` entries of a DRF validation error; `error`/`detail` answers have none. */
export function fieldErrors(body: unknown): Record<string, string[]> {
  return extractFieldErrors(body);
}

/** The server's own message, cleaned (no Python reprs): `error`, `detail`, or the field errors. */
export function errorText(body: unknown): string | null {
  if (Array.isArray(body)) return cleanServerText(body.map((m) => String(m)).join(' ')) || null;
  if (!isRecord(body)) return typeof body === 'string' ? cleanServerText(body) || null : null;
  for (const key of ['error', 'detail']) {
    if (typeof body[key] === 'string') return cleanServerText(body[key]) || null;
  }
  const first = Object.entries(extractFieldErrors(body))[0];
  return first ? `${first[0]}: ${first[1].join(' ')}` : null;
}

/** Explain a link/unlink 403 in words: which right is missing and what to do. */
export function forbiddenText(body: unknown): string {
  const text = errorText(body) ?? '';
  const table = /permissions for (\w+)/.exec(text)?.[1];
  const model = table ? modelForTable(table) : null;
  if (model) {
    const roles = formatList(BARCODE_MODEL_INFO[model].linkRoles.map(roleName), 'disjunction');
    return i18n.t('wf-link:error.forbiddenModel', { models: modelName(model, 2), table, roles });
  }
  return text ? i18n.t('wf-link:error.forbiddenServer', { server: text }) : i18n.t('wf-link:error.forbidden');
}

/**
 * Whether a barcode is one of InvenTree's own formats (JSON `{"stockitem": 12}` or short `INV-SI12`),
 * as opposed to a custom (third-party) barcode. The short prefix is configurable on the server;
 * the default `INV-` is assumed.
 */
export function isInternalBarcode(barcode: string): boolean {
  const text = barcode.trim();
  const short = /^INV-([A-Z]{2})\d+$/.exec(text);
  if (short) return BARCODE_MODELS_V291.some((m) => BARCODE_MODEL_INFO[m].shortCode === short[1]);
  if (!text.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) && BARCODE_MODELS_V291.some((m) => m in parsed);
  } catch {
    return false;
  }
}
