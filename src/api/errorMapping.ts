/**
 * Pure translation of InvenTree (v291) error answers into plain sentences. InvenTree's error bodies
 * vary a lot (BEHAVIOUR.md 1.2): DRF field-error dicts, `{"detail": ...}`, whole response dicts with
 * every leaf stringified plus an `error` key, `["Invalid input."]`, Python reprs of ErrorDetail
 * lists, 500 crash dicts, and HTML pages from proxies. Whatever arrives, the result is a readable
 * sentence: never raw JSON, never a Python repr, never "[object Object]".
 */
import type { AuthProblem } from './apiError.ts';
import { BARCODE_MODEL_INFO, isBarcodeModel, modelForApiUrl, modelForTable, readMatchEntry, ALL_BARCODE_MODELS } from './models.ts';
import { isRecord } from './answerFields.ts';

export interface ErrorContext {
  method?: string;
  /** Request path (no host, no query). */
  path?: string;
  /** Response Content-Type, when known. */
  contentType?: string | null;
  /** The request carried HTTP Basic credentials (the login call). */
  usedBasicAuth?: boolean;
}

export interface MappedError {
  message: string;
  nextStep: string | null;
  fieldErrors: Record<string, string[]>;
  authProblem: AuthProblem | null;
  missingRole: string | null;
}

const MAX_MESSAGE = 400;

/** Keys of InvenTree's stringified response dicts that carry data, not a message. */
const DATA_KEYS = new Set([
  'plugin', 'barcode_data', 'barcode_hash', 'success', 'action_required', 'lineitem', 'stock_item', 'part',
  'sales_order', 'line_item', 'shipment', 'quantity', 'pk', 'api_url', 'web_url', 'instance', 'error_class',
  'path', 'status_code', 'company',
  ...ALL_BARCODE_MODELS,
]);

const FIELD_NAMES: Record<string, string> = {
  barcode: 'Barcode',
  purchase_order: 'Purchase order',
  sales_order: 'Sales order',
  line: 'Line item',
  line_item: 'Line item',
  shipment: 'Shipment',
  quantity: 'Quantity',
  location: 'Location',
  model: 'Model',
  pk: 'Object id',
  items: 'Items',
  filters: 'Filters',
  value: 'Value',
  user: 'User',
  order: 'Order',
  reference: 'Reference',
  supplier: 'Supplier',
  SKU: 'SKU',
  MPN: 'MPN',
  serial_numbers: 'Serial numbers',
  batch_code: 'Batch code',
};

const ROLE_NAMES: Record<string, string> = {
  admin: 'Admin',
  part_category: 'Part categories',
  part: 'Parts',
  stocktake: 'Stocktake',
  stock_location: 'Stock locations',
  stock: 'Stock items',
  build: 'Build orders',
  purchase_order: 'Purchase orders',
  sales_order: 'Sales orders',
  return_order: 'Return orders',
};

export function roleName(role: string): string {
  return Object.hasOwn(ROLE_NAMES, role) ? ROLE_NAMES[role] : humanise(role);
}

function humanise(key: string): string {
  const words = key.replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!words) return '';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "purchase_order" → "Purchase order"; "non_field_errors"/"__all__" → "" (a general message). */
export function humanFieldName(key: string): string {
  if (key === 'non_field_errors' || key === '__all__' || key === 'detail' || key === 'error') return '';
  if (Object.hasOwn(FIELD_NAMES, key)) return FIELD_NAMES[key];
  if (isBarcodeModel(key)) {
    const n = BARCODE_MODEL_INFO[key].name;
    return n.charAt(0).toUpperCase() + n.slice(1);
  }
  return humanise(key);
}

function unescapePython(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e === 'n') return '\n';
    if (e === 't') return '\t';
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    return e;
  });
}

const ERROR_DETAIL_RE = /ErrorDetail\(string=(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")(?:,\s*code=(?:'[^']*'|"[^"]*"|None))?\)/g;
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
  for (const k of text.matchAll(PY_KEY_RE)) keys.push({ at: k.index ?? 0, key: k[1] });
  const out: string[] = [];
  for (const m of text.matchAll(ERROR_DETAIL_RE)) {
    const raw = m[1] ?? m[2] ?? '';
    const msg = unescapePython(raw).trim();
    if (!msg) continue;
    const at = m.index ?? 0;
    let key = '';
    for (const k of keys) if (k.at < at) key = k.key;
    const label = key ? humanFieldName(key) : '';
    out.push(label ? `${label}: ${msg}` : msg);
  }
  return out.length ? out : null;
}

/** "['Invalid input.']" (a Python list-of-strings repr) → ["Invalid input."]. */
function extractPythonStringList(text: string): string[] | null {
  const t = text.trim();
  if (!/^\[\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")(?:\s*,\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"))*\s*\]$/.test(t)) return null;
  const out: string[] = [];
  for (const m of t.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) out.push(unescapePython(m[1] ?? m[2] ?? ''));
  return out;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype\s+html|<html|<head|<body|<\?xml|<!--|<[a-z][a-z0-9]*[\s>])/i.test(text);
}

function truncate(s: string, max = MAX_MESSAGE): string {
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
    return [label ? `${label}: ${text}` : text];
  }
  if (Array.isArray(value)) {
    const allScalar = value.every((v) => v === null || typeof v !== 'object');
    if (allScalar) {
      const texts = value.map((v) => cleanServerText(v)).filter(Boolean);
      if (!texts.length) return [];
      const joined = texts.join(' ');
      return [label ? `${label}: ${joined}` : joined];
    }
    const out: string[] = [];
    value.forEach((v, i) => {
      if (isRecord(v) && Object.keys(v).length === 0) return; // DRF puts {} for list entries without errors
      const l = value.length > 1 ? `${label || 'Entry'} ${i + 1}` : label;
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

function fieldErrorSentence(fields: Record<string, string[]>): string {
  const parts: string[] = [];
  for (const [key, msgs] of Object.entries(fields)) {
    const label = key.split('.').map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : humanFieldName(p))).filter(Boolean).join(' › ');
    const text = msgs.join(' ');
    parts.push(label ? `${label}: ${text}` : text);
  }
  return parts.join(' ');
}

/** Known InvenTree messages with a clearer sentence or a next step. */
interface Known {
  test: RegExp;
  message?: (m: RegExpExecArray, body: Record<string, unknown> | null) => string;
  nextStep?: string;
}

const KNOWN_ERRORS: Known[] = [
  {
    test: /^No match found for barcode data$/i,
    message: () => 'No match found for this barcode.',
    nextStep: 'Link the barcode to an item, or check that the label belongs to this InvenTree server.',
  },
  {
    test: /^Barcode matches existing item$/i,
    message: (_m, body) => {
      const match = body ? firstMatch(body) : null;
      return match
        ? `This barcode is already assigned to ${BARCODE_MODEL_INFO[match.model].name} ${match.pk}.`
        : 'This barcode is already assigned to another item.';
    },
    nextStep: 'Unlink it there first, or use a different barcode.',
  },
  // link says "provide" and lists a Python list repr; unlink says "Provide" (BEHAVIOUR 2.3/2.4).
  {
    test: /^Missing data: provide one of/,
    message: () => 'Choose what to link the barcode to (a part, stock item, location or order).',
  },
  {
    test: /^Missing data: Provide one of/,
    message: () => 'Choose the item to unlink the barcode from.',
  },
  {
    test: /^Multiple conflicting fields/i,
    message: () => 'Choose only one item at a time.',
  },
  { test: /^Could not unassign barcode$/i, message: () => 'Could not remove the barcode: no item was given.' },
  {
    test: /^Model instance not found$/i,
    message: () => 'That item does not exist on the server (it may have been deleted).',
  },
  {
    test: /^Item has already been received$/i,
    message: () => 'This label has already been received (it belongs to an existing stock item).',
    nextStep: 'Scan the next label.',
  },
  {
    test: /^No match for supplier barcode$|^No plugin match for supplier barcode$/i,
    message: () => 'This is not a supplier label StockScan can receive (no supplier plugin recognised it).',
    nextStep: 'Scan the supplier’s label (DigiKey, Mouser, LCSC or TME), or receive the line by hand.',
  },
  {
    test: /^No matching purchase order for '(.*)'$/i,
    message: (m) => (m[1] && m[1] !== 'None' ? `No placed purchase order matches order number “${m[1]}”.` : 'No placed purchase order matches this label.'),
    nextStep: 'Choose the purchase order before scanning.',
  },
  {
    test: /^Found multiple purchase orders matching '(.*)'$/i,
    message: (m) => `Several purchase orders match order number “${m[1]}”.`,
    nextStep: 'Choose the purchase order before scanning.',
  },
  { test: /^Purchase order does not match supplier$/i, message: () => 'This label is from a different supplier than the chosen purchase order.' },
  {
    test: /^Failed to find pending line item for supplier part$/i,
    message: () => 'The purchase order has no line still waiting for this part.',
  },
  {
    test: /^Found multiple matching supplier parts for barcode$/i,
    message: () => 'Several supplier parts match this label, so InvenTree cannot tell which one it is.',
  },
  {
    test: /^No matching plugin found for barcode data$/i,
    message: () => 'No match found for this barcode.',
  },
  {
    test: /^Barcode does not match an existing stock item$/i,
    message: () => 'This barcode is not a stock item. Scan the label of the stock item to allocate.',
  },
  { test: /^No matching line item found$/i, message: () => 'This stock item’s part is not on the sales order.' },
  {
    test: /^Multiple matching line items found$/i,
    message: () => 'Several lines of the sales order match this part.',
    nextStep: 'Choose the line before scanning.',
  },
  { test: /^Shipment does not match sales order$/i, message: () => 'The chosen shipment belongs to another sales order.' },
  { test: /^Stock item does not match line item$/i, message: () => 'This stock item is not the part of the chosen line.' },
  { test: /^Insufficient stock available$/i, message: () => 'Not enough unallocated stock in this item for that quantity.' },
  {
    test: /^You do not have the required permissions for (\w+|<class '[\w.]+'>)$/i,
    message: (m) => {
      const model = modelForTable(m[1]);
      return model
        ? `You do not have permission to change ${BARCODE_MODEL_INFO[model].plural}.`
        : 'You do not have permission to do this.';
    },
  },
];

function firstMatch(body: Record<string, unknown>) {
  for (const m of ALL_BARCODE_MODELS) {
    if (m in body) {
      const hit = readMatchEntry(m, body[m]);
      if (hit) return hit;
    }
  }
  return null;
}

/** Clean text for a barcode answer's `error` value, with InvenTree's wording made clearer. */
export function describeBarcodeError(error: unknown, body: Record<string, unknown> | null = null): { message: string; nextStep: string | null } {
  const text = cleanServerText(error);
  for (const k of KNOWN_ERRORS) {
    const m = k.test.exec(text);
    if (m) return { message: k.message ? k.message(m, body) : text, nextStep: k.nextStep ?? null };
  }
  return { message: text ? ensurePeriod(text) : 'The server reported an error without saying what went wrong.', nextStep: null };
}

function ensurePeriod(s: string): string {
  return /[.!?…)”"']$/.test(s) ? s : s + '.';
}

/** The object a path names, for 404s: "stock item 231", or the path itself. */
function describeTarget(path: string | undefined): string {
  if (!path) return 'the requested item';
  const hit = modelForApiUrl(path);
  if (hit) return `${BARCODE_MODEL_INFO[hit.model].name} ${hit.pk}`;
  if (/^\/api\/barcode\/history\/\d+\/?$/.test(path)) return 'that scan history entry';
  return path;
}

function statusPhrase(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    408: 'Request Timeout', 409: 'Conflict', 413: 'Payload Too Large', 429: 'Too Many Requests',
    500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  };
  return names[status] ? `${status} ${names[status]}` : `HTTP ${status}`;
}

function describe401(detail: string, ctx: ErrorContext): Omit<MappedError, 'fieldErrors' | 'missingRole'> {
  const d = detail.toLowerCase();
  if (d.includes('invalid username/password') || (ctx.usedBasicAuth && !d.includes('expired') && !d.includes('revoked'))) {
    return {
      message: 'Wrong username or password.',
      nextStep: 'Check the username and password (they are case-sensitive) and try again.',
      authProblem: 'wrong-password',
    };
  }
  if (d.includes('expired')) {
    return { message: 'Your sign-in has expired.', nextStep: 'Sign in again; your work on this page is kept.', authProblem: 'expired' };
  }
  if (d.includes('revoked')) {
    return { message: 'Your sign-in token has been revoked on the server.', nextStep: 'Sign in again; your work on this page is kept.', authProblem: 'revoked' };
  }
  if (d.includes('inactive') || d.includes('deleted')) {
    return { message: 'This user account is inactive or has been deleted.', nextStep: 'Ask an InvenTree administrator, or sign in as another user.', authProblem: 'invalid' };
  }
  if (d.includes('not provided') || !d) {
    return { message: 'You are not signed in.', nextStep: 'Sign in on the Settings page.', authProblem: 'missing' };
  }
  return {
    message: 'The server did not accept your sign-in token (it may have been deleted, or belong to another server).',
    nextStep: 'Sign in again; your work on this page is kept.',
    authProblem: 'invalid',
  };
}

/** Message for an HTML or empty body: the request did not reach InvenTree's API, or InvenTree crashed. */
export function describeUnexpectedBody(status: number, text: string, ctx: ErrorContext = {}): MappedError {
  const html = looksLikeHtml(text);
  const base = { fieldErrors: {}, authProblem: null, missingRole: null };
  const what = html ? 'a web page' : text.trim() ? 'something that is not InvenTree data' : 'an empty answer';
  if (status >= 200 && status < 300) {
    return {
      ...base,
      message: `The server answered with ${what} where InvenTree data was expected.`,
      nextStep: html
        ? 'Check the server URL: it must be the InvenTree address itself (e.g. https://inventree.example.com), not a login portal or proxy page.'
        : 'Check the server URL and that it runs InvenTree.',
    };
  }
  if (status >= 500) return { ...base, ...describe5xx(status, null) };
  if (status === 404) {
    return {
      ...base,
      message: `The server has no ${ctx.path ? `“${ctx.path}”` : 'such address'} (${statusPhrase(status)}, ${what}).`,
      nextStep: 'Check that the server URL points at InvenTree and that its version supports this feature.',
    };
  }
  if (status === 401) return { ...base, ...describe401('', ctx) };
  if (status === 403) {
    return { ...base, message: `The server refused the request (${statusPhrase(status)}, ${what}).`, nextStep: 'A proxy or firewall in front of InvenTree may be blocking it; check the server URL.' };
  }
  return { ...base, message: `The server answered ${statusPhrase(status)} with ${what}.`, nextStep: null };
}

function describe5xx(status: number, body: Record<string, unknown> | null): { message: string; nextStep: string | null } {
  if (status === 502 || status === 503 || status === 504) {
    return {
      message: `The server is not available right now (${statusPhrase(status)}).`,
      nextStep: 'Wait a moment and try again; if it persists, InvenTree or the proxy in front of it is down.',
    };
  }
  // v291 crash body: {"error": "TypeError", "error_class": "<class 'TypeError'>", "detail": "...", "path": ..., "status_code": 500}
  const cls = body && typeof body.error === 'string' ? cleanServerText(body.error) : '';
  const detailRaw = body && typeof body.detail === 'string' ? body.detail : '';
  const hidden = /admin panel/i.test(detailRaw);
  const detail = hidden ? '' : cleanServerText(detailRaw);
  const what = cls && detail ? `${cls}: ${detail}` : cls || detail;
  return {
    message: truncate(what ? `The InvenTree server failed with an internal error (${what}).` : `The InvenTree server failed with an internal error (${statusPhrase(status)}).`),
    nextStep: hidden
      ? 'This is a server-side bug; nothing was changed. The details are in the server’s admin panel (error reports).'
      : 'This is a server-side bug; nothing was changed. Try a different input, or ask your administrator to check the server’s error log.',
  };
}

/**
 * Map an HTTP error answer (status ≥ 400, or a 2xx that must be treated as failure) with an already
 * parsed body (JSON value, or the raw text when it was not JSON) to a clear message.
 */
export function mapErrorBody(status: number, body: unknown, ctx: ErrorContext = {}): MappedError {
  const mapped = mapErrorBodyUnbounded(status, body, ctx);
  const message = mapped.message.trim() ? truncate(mapped.message.trim()) : `The server answered ${statusPhrase(status)}.`;
  return { ...mapped, message, nextStep: mapped.nextStep ? truncate(mapped.nextStep) : null };
}

function mapErrorBodyUnbounded(status: number, body: unknown, ctx: ErrorContext): MappedError {
  if (typeof body === 'string') {
    const t = body.trim();
    if (!t || looksLikeHtml(t) || ctx.contentType?.includes('html')) return describeUnexpectedBody(status, body, ctx);
  }
  if (body === null || body === undefined) return describeUnexpectedBody(status, '', ctx);

  const rec = isRecord(body) ? body : null;
  const fieldErrors = extractFieldErrors(body);
  const base: MappedError = { message: '', nextStep: null, fieldErrors, authProblem: null, missingRole: null };
  const detail = rec && 'detail' in rec ? cleanServerText(rec.detail) : '';

  if (status === 401) {
    return { ...base, ...describe401(detail, ctx) };
  }

  if (status === 403) {
    const errText = rec && 'error' in rec ? cleanServerText(rec.error) : '';
    const perm = /You do not have the required permissions for (\w+|<class '[\w.]+'>)/i.exec(errText);
    if (perm) {
      const model = modelForTable(perm[1]);
      const roles = model ? BARCODE_MODEL_INFO[model].linkRoles : [];
      const role = roles[0] ?? null;
      const roleText = roles.map((r) => `“${roleName(r)}”`).join(' or ');
      return {
        ...base,
        message: model
          ? `You do not have permission to change ${BARCODE_MODEL_INFO[model].plural}.`
          : 'You do not have permission to do this.',
        nextStep: roleText
          ? `Ask an InvenTree administrator for the “change” right on ${roleText}, or sign in as a user who has it.`
          : 'Ask an InvenTree administrator for the right, or sign in as a user who has it.',
        missingRole: role,
      };
    }
    if (/csrf/i.test(detail)) {
      return {
        ...base,
        message: 'The server refused the request because the browser session lacks a CSRF token.',
        nextStep: 'Sign out of InvenTree in this browser, or sign in to StockScan with a token.',
      };
    }
    if (/^\/api\/barcode\/history\//.test(ctx.path ?? '') && (ctx.method ?? 'GET').toUpperCase() === 'DELETE') {
      return {
        ...base,
        message: 'Only staff users may delete scan history.',
        nextStep: 'Ask an InvenTree administrator, or sign in as a staff user.',
      };
    }
    return {
      ...base,
      message: detail ? ensurePeriod(detail) : errText ? ensurePeriod(errText) : 'You do not have permission to do this.',
      nextStep: 'Ask an InvenTree administrator for the right, or sign in as a user who has it.',
    };
  }

  if (status === 404) {
    if (/^API endpoint not found/i.test(detail)) {
      return {
        ...base,
        message: `This InvenTree server has no ${ctx.path ? `“${ctx.path}”` : 'such'} endpoint.`,
        nextStep: 'Its InvenTree version may not support this feature; check the version on the Settings page.',
      };
    }
    return {
      ...base,
      message: `Not found: ${describeTarget(ctx.path)} does not exist on the server.`,
      nextStep: 'It may have been deleted; refresh and try again.',
    };
  }

  if (status === 405) {
    const method = (ctx.method ?? 'this method').toUpperCase();
    return {
      ...base,
      message: `The server does not allow ${method} on ${ctx.path ?? 'this address'}.`,
      nextStep: 'The server’s InvenTree version may differ from what StockScan expects (API 291); check it on the Settings page.',
    };
  }

  if (status >= 500) {
    return { ...base, ...describe5xx(status, rec) };
  }

  if (status === 429) {
    return { ...base, message: 'The server is receiving too many requests right now (429 Too Many Requests).', nextStep: 'Wait a moment and try again.' };
  }
  if (status === 413) {
    return { ...base, message: 'The request was too large for the server (413 Payload Too Large).', nextStep: null };
  }
  if (status === 408) {
    return { ...base, message: 'The server gave up waiting for the request (408 Request Timeout).', nextStep: 'Try again.' };
  }

  // 400 and other client errors.
  if (Array.isArray(body)) {
    const msgs = messagesFromValue(body);
    const invalidInput = msgs.length === 1 && /^Invalid input\.?$/i.test(msgs[0]);
    if (invalidInput && /\/api\/barcode\/po-allocate\/?$/.test(ctx.path ?? '')) {
      // po-allocate hides its reason behind ["Invalid input."] (BEHAVIOUR 2.5).
      return {
        ...base,
        message: 'This barcode does not identify a supplier part of this purchase order’s supplier.',
        nextStep: 'Scan a part, supplier part or manufacturer part barcode that this supplier sells.',
      };
    }
    return {
      ...base,
      message: msgs.length ? ensurePeriod(msgs.join(' ')) : `The server rejected the request (${statusPhrase(status)}).`,
    };
  }

  if (rec && 'error' in rec) {
    const d = describeBarcodeError(rec.error, rec);
    return { ...base, ...d };
  }
  if (detail) {
    return { ...base, message: ensurePeriod(detail) };
  }
  if (Object.keys(fieldErrors).length) {
    return { ...base, message: fieldErrorSentence(fieldErrors) || `The server rejected the request (${statusPhrase(status)}).` };
  }
  const msgs = messagesFromValue(body);
  return {
    ...base,
    message: msgs.length ? truncate(msgs.join(' ')) : `The server rejected the request (${statusPhrase(status)}).`,
  };
}
