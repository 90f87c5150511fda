/**
 * Server text made presentable: Python reprs of DRF errors unwrapped (pythonRepr.ts parses them),
 * JSON documents flattened to their messages, whitespace collapsed, length bounded. The two jobs
 * call each other (a string may hold JSON, JSON holds strings), so they share this file.
 */
import { i18n } from '../../i18n/i18n.ts';
import { isRecord } from '../answerFields.ts';
import { parsePythonRepr, unescapePythonString } from '../pythonRepr.ts';
import { humanFieldName } from './fieldNames.ts';

export const MAX_MESSAGE = 400;

/** "Barcode: <server's text>" — our field name around InvenTree's message, kept as sent. */
export function labelled(label: string, server: string): string {
  return label ? i18n.t('api:labelled', { label, server }) : server;
}

const ERROR_DETAIL_RE =
  /ErrorDetail\(string=(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")(?:,\s*code=(?:'[^']*'|"[^"]*"|None))?\)/g;
const PY_KEY_RE = /['"]([A-Za-z_][\w]*)['"]\s*:\s*\[/g;

/**
 * The messages inside a Python repr of DRF errors, e.g.
 * "[ErrorDetail(string='No matching line item found', code='invalid')]" → ["No matching line item found"];
 * "{'barcode': [ErrorDetail(string='This field may not be blank.', code='blank')]}" → ["Barcode: This field may not be blank."].
 * Returns null when the text holds no ErrorDetail.
 */
export function extractErrorDetails(text: string): string[] | null {
  if (!text.includes('ErrorDetail(')) return null;
  // Remember the dict keys that precede each ErrorDetail so field names survive.
  const keys: { at: number; key: string }[] = [];
  for (const k of text.matchAll(PY_KEY_RE)) keys.push({ at: k.index ?? 0, key: k[1]! });
  const out: string[] = [];
  for (const m of text.matchAll(ERROR_DETAIL_RE)) {
    const raw = m[1] ?? m[2] ?? '';
    const msg = unescapePythonString(raw).trim();
    if (!msg) continue;
    const at = m.index ?? 0;
    let key = '';
    for (const k of keys) if (k.at < at) key = k.key;
    const label = key ? humanFieldName(key) : '';
    out.push(labelled(label, msg));
  }
  return out.length ? out : null;
}

/** "['Invalid input.']" (a Python list-of-strings repr) → ["Invalid input."]. */
function extractPythonStringList(text: string): string[] | null {
  const t = text.trim();
  if (!t.startsWith('[')) return null;
  const value = parsePythonRepr(t);
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
    ? (value as string[])
    : null;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype\s+html|<html|<head|<body|<\?xml|<!--|<[a-z][a-z0-9]*[\s>])/i.test(text);
}

export function truncate(s: string, max = MAX_MESSAGE): string {
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + '…';
}

/** Make one server string presentable: reprs unwrapped, whitespace collapsed, length bounded. */
export function cleanServerText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return messagesFromValue(value).join(' ');
  let s = value.replace(/\[object Object\]/g, '');
  const details = extractErrorDetails(s);
  if (details) s = details.join(' ');
  else {
    const list = extractPythonStringList(s);
    if (list) s = list.join(' ');
    else {
      const t = s.trim();
      if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
        // A JSON document inside a string: flatten it rather than show braces and quotes.
        try {
          const parsed: unknown = JSON.parse(t);
          if (typeof parsed === 'object' && parsed !== null) s = messagesFromValue(parsed).join(' ');
        } catch {
          // Not JSON; a Python dict repr of data ("{'pk': 5, ...}") says nothing to a user.
          if (/^\{\s*'[^']*'\s*:/.test(t)) s = '';
        }
      }
    }
  }
  s = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  if (s === 'None') return '';
  return truncate(s);
}

/** Every readable message in an arbitrary JSON value, field-labelled, in document order. */
export function messagesFromValue(value: unknown, label = '', depth = 0): string[] {
  if (depth > 6) return [];
  if (value === null || value === undefined) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = cleanServerText(value);
    if (!text) return [];
    return [labelled(label, text)];
  }
  if (Array.isArray(value)) {
    const allScalar = value.every((v) => v === null || typeof v !== 'object');
    if (allScalar) {
      const texts = value.map((v) => cleanServerText(v)).filter(Boolean);
      if (!texts.length) return [];
      const joined = texts.join(' ');
      return [labelled(label, joined)];
    }
    const out: string[] = [];
    value.forEach((v, i) => {
      if (isRecord(v) && Object.keys(v).length === 0) return; // DRF puts {} for list entries without errors
      const l = value.length > 1 ? i18n.t('api:entry', { label: label || i18n.t('api:entryLabel'), n: i + 1 }) : label;
      out.push(...messagesFromValue(v, l, depth + 1));
    });
    return out;
  }
  if (isRecord(value)) {
    const out: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const name = humanFieldName(k);
      const l = label && name ? `${label} › ${name}` : label || name;
      out.push(...messagesFromValue(v, l, depth + 1));
    }
    return out;
  }
  return [];
}

export function ensurePeriod(s: string): string {
  return /[.!?…)”"']$/.test(s) ? s : s + '.';
}
