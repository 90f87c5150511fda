/**
 * Reading the answers of the link, unlink and scan endpoints (InvenTree v291, BEHAVIOUR.md 1.5, 2.3, 2.4).
 * Error bodies there are stringified dicts (`"pk": "231"`), field-error dicts or `{"error": "..."}`.
 */

/** The nine barcode-capable models of v291, in the server's model order. */
export const BARCODE_MODELS = [
  'build',
  'manufacturerpart',
  'supplierpart',
  'purchaseorder',
  'salesorder',
  'returnorder',
  'part',
  'stocklocation',
  'stockitem',
] as const;
export type BarcodeModel = (typeof BARCODE_MODELS)[number];

const MODEL_NAMES: Record<BarcodeModel, string> = {
  build: 'build order',
  manufacturerpart: 'manufacturer part',
  supplierpart: 'supplier part',
  purchaseorder: 'purchase order',
  salesorder: 'sales order',
  returnorder: 'return order',
  part: 'part',
  stocklocation: 'stock location',
  stockitem: 'stock item',
};

/** Lower-case human name of a model, e.g. "stock item". */
export function modelName(model: BarcodeModel): string {
  return MODEL_NAMES[model];
}

/** The InvenTree role whose change right link/unlink need, by the table named in the 403 message. */
const TABLE_ROLES: Record<string, { model: BarcodeModel; roles: string }> = {
  build_build: { model: 'build', roles: 'Build Orders' },
  company_manufacturerpart: { model: 'manufacturerpart', roles: 'Parts or Purchase Orders' },
  company_supplierpart: { model: 'supplierpart', roles: 'Parts or Purchase Orders' },
  order_purchaseorder: { model: 'purchaseorder', roles: 'Purchase Orders' },
  order_salesorder: { model: 'salesorder', roles: 'Sales Orders' },
  order_returnorder: { model: 'returnorder', roles: 'Return Orders' },
  part_part: { model: 'part', roles: 'Parts or Build Orders' },
  stock_stocklocation: { model: 'stocklocation', roles: 'Stock Locations or Build Orders' },
  stock_stockitem: { model: 'stockitem', roles: 'Stock Items or Build Orders' },
};

/** An HTTP answer as the page got it; status 0 means the request never got an answer. */
export interface HttpAnswer {
  status: number;
  body: unknown;
  /** Why a request failed without an answer (status 0). */
  message?: string;
}

/** The object a barcode belongs to, as named in a scan or link answer. */
export interface MatchedObject {
  model: BarcodeModel;
  pk: number;
  apiUrl: string | null;
  webUrl: string | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The matched object of a scan answer (200, native ints) or of a "Barcode matches existing item"
 * answer (400, every leaf stringified: `"pk": "231"`).
 */
export function findMatch(body: unknown): MatchedObject | null {
  if (!isRecord(body)) return null;
  for (const model of BARCODE_MODELS) {
    const value = body[model];
    if (!isRecord(value)) continue;
    const pk = Number(value.pk);
    if (!Number.isInteger(pk)) continue;
    return {
      model,
      pk,
      apiUrl: typeof value.api_url === 'string' ? value.api_url : null,
      webUrl: typeof value.web_url === 'string' ? value.web_url : null,
    };
  }
  return null;
}

/** `{"field": ["msg", ...]}` entries of a DRF validation error; `error`/`detail` are not fields. */
export function fieldErrors(body: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isRecord(body)) return out;
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value) && value.every((m) => typeof m === 'string')) out[key] = value as string[];
    else if (key === 'non_field_errors' && typeof value === 'string') out[key] = [value];
  }
  return out;
}

/** The server's own message: `error`, else `detail`, else the first field error; null if none. */
export function errorText(body: unknown): string | null {
  if (Array.isArray(body) && typeof body[0] === 'string') return body.join(' ');
  if (!isRecord(body)) return typeof body === 'string' && body.trim() !== '' ? body.slice(0, 300) : null;
  if (typeof body.error === 'string') return body.error;
  if (typeof body.detail === 'string') return body.detail;
  const fields = fieldErrors(body);
  const first = Object.entries(fields)[0];
  return first ? `${first[0]}: ${first[1].join(' ')}` : null;
}

/** Explain a link/unlink 403 in words: which right is missing and what to do. */
export function forbiddenText(body: unknown): string {
  const text = errorText(body) ?? '';
  const table = /permissions for (\w+)/.exec(text)?.[1];
  const known = table ? TABLE_ROLES[table] : undefined;
  if (known) {
    return (
      `Your InvenTree account may not change ${modelName(known.model)}s (${table}). ` +
      `Linking a barcode needs the "change" right of ${known.roles}; ask an administrator, or sign in as another user.`
    );
  }
  return `You do not have permission to do this. ${text}`.trim();
}

const SHORT_CODES = ['BO', 'MP', 'SP', 'PO', 'SO', 'RO', 'PA', 'SL', 'SI'];

/**
 * Whether a barcode is one of InvenTree's own formats (JSON `{"stockitem": 12}` or short `INV-SI12`),
 * as opposed to a custom (third-party) barcode. The short prefix is configurable on the server;
 * the default `INV-` is assumed.
 */
export function isInternalBarcode(barcode: string): boolean {
  const text = barcode.trim();
  const short = /^INV-([A-Z]{2})\d+$/.exec(text);
  if (short) return SHORT_CODES.includes(short[1]);
  if (!text.startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) && BARCODE_MODELS.some((m) => m in parsed);
  } catch {
    return false;
  }
}
