/**
 * What the stock pages need to know about a scan and a failure, without a round trip when it can
 * be read locally: InvenTree's own item/location labels (`{"stockitem": 408}`, `INV-SI408`,
 * `INV-SL14`) name their object, so a gun burst or an offline scan does not need the server to
 * know what was scanned. Custom (linked) barcodes still go to `POST /api/barcode/`.
 */
import { i18n } from '../i18n/i18n.ts';
import { ApiError, errorMessage } from './apiError.ts';
import { labelled } from './errors/serverText.ts';
import { BARCODE_MODELS_V291 } from './models.ts';

export const DEFAULT_SHORT_PREFIX = 'INV-';

export type StockTarget = { model: 'stockitem' | 'stocklocation'; pk: number };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The stock item or location an InvenTree label names; null for anything else (ask the server). */
export function stockTargetFromBarcode(text: string, shortPrefix = DEFAULT_SHORT_PREFIX): StockTarget | null {
  const t = text.trim();
  const short = new RegExp(`^${escapeRegExp(shortPrefix)}(SI|SL)(\\d+)$`).exec(t);
  if (short) return { model: short[1] === 'SI' ? 'stockitem' : 'stocklocation', pk: Number(short[2]) };
  if (!t.startsWith('{') || t.length > 200) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const rec = parsed as Record<string, unknown>;
  // InvenTree's plugin takes the first model key in its own model order.
  const first = BARCODE_MODELS_V291.find((m) => m in rec);
  if (first !== 'stockitem' && first !== 'stocklocation') return null;
  const v = rec[first];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? { model: first, pk: n } : null;
}

/** A failed stock request as the pages show it. `status` null: no answer (offline, timeout). */
export interface StockFailure {
  kind: 'error';
  status: number | null;
  message: string;
  nextStep: string | null;
  /** 403: the right that is missing, in words. */
  missingRight: string | null;
}

/** The role right each stock write needs (InvenTree RolePermission: POST → `add` on stock items). */
export function stockWriteRight(): string {
  return i18n.t('api:stock.writeRight');
}

export function stockFailure(e: unknown, right = stockWriteRight()): StockFailure {
  if (e instanceof ApiError) {
    if (e.status === 403) {
      return {
        kind: 'error',
        status: 403,
        message: i18n.t('api:stock.forbidden', { right }),
        nextStep: i18n.t('api:stock.forbiddenNext'),
        missingRight: right,
      };
    }
    const fields = Object.entries(e.fieldErrors).flatMap(([k, v]) =>
      v.map((m) => (k === 'non_field_errors' ? m : labelled(k, m))),
    );
    const message =
      e.status === 400 && fields.length > 0
        ? i18n.t('api:stock.refused', { server: fields.join(i18n.t('api:stock.refusedSeparator')) })
        : e.message;
    return { kind: 'error', status: e.status, message, nextStep: e.nextStep, missingRight: null };
  }
  return { kind: 'error', status: null, message: errorMessage(e), nextStep: null, missingRight: null };
}
