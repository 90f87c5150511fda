// StockAdjustmentSerializer and friends (stock/serializers.py, v291): the request body of
// transfer/count/add/remove validated field by field, with DRF's messages and nesting (per-item
// error dicts in request order, `{}` for a clean item; top-level `items`, `notes`, `location`).
import { jsonResponse, type ApiResponse } from '../apiTypes';
import { ErrorDetail } from '../pyRepr';
import type { Simulation } from '../simulation';
import type { StockItemRow, Store } from '../store';
import { bodyAsDict, charField, fieldErrorBody, pkField, pyTypeName, type FieldErrors } from '../validation';

export type AdjustKind = 'transfer' | 'count' | 'add' | 'remove';

export interface AdjustLine {
  pk: number;
  quantity: number;
  /** The validated Decimal as DRF renders it back (5 decimal places). */
  quantityText: string;
  batch?: string;
  status: number | null;
  packaging?: string;
}

export interface AdjustRequest {
  lines: AdjustLine[];
  notes?: string;
  location?: number;
}

/** StockStatus codes of v291 (stock/status_codes.py). */
export const STOCK_STATUS_TEXT: Record<number, string> = {
  10: 'OK',
  50: 'Attention needed',
  55: 'Damaged',
  60: 'Destroyed',
  65: 'Rejected',
  70: 'Lost',
  75: 'Quarantined',
  85: 'Returned',
};

/** StockItem.is_in_stock(check_status=False). */
export function isInStock(item: StockItemRow): boolean {
  return (
    item.quantity > 0 &&
    item.sales_order === null &&
    item.belongs_to === null &&
    item.customer === null &&
    item.consumed_by === null &&
    !item.is_building
  );
}

/** DecimalField(max_digits=15, decimal_places=5, min_value=0) of one item line. */
function decimalField(data: Record<string, unknown>, errors: FieldErrors): { value: number; text: string } | undefined {
  const fail = (message: string, code: string) => {
    errors.quantity = [new ErrorDetail(message, code)];
    return undefined;
  };
  if (!('quantity' in data)) return fail('This field is required.', 'required');
  const raw = data.quantity;
  if (raw === null) return fail('This field may not be null.', 'null');
  if (typeof raw !== 'number' && typeof raw !== 'string') return fail('A valid number is required.', 'invalid');
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (text.length > 1000) return fail('String value too large.', 'max_string_length');
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return fail('A valid number is required.', 'invalid');
  const value = Number(text);
  if (!Number.isFinite(value)) return fail('A valid number is required.', 'invalid');
  // Precision checks on the digits as written (leading zeros of the integer part do not count).
  const whole = (match[2] ?? '').replace(/^0+/, '');
  const decimals = (match[3] ?? '').replace(/0+$/, '').length;
  if (!match[4]) {
    if (whole.length + decimals > 15)
      return fail('Ensure that there are no more than 15 digits in total.', 'max_digits');
    if (decimals > 5) return fail('Ensure that there are no more than 5 decimal places.', 'max_decimal_places');
    if (whole.length > 10)
      return fail('Ensure that there are no more than 10 digits before the decimal point.', 'max_whole_digits');
  }
  if (value < 0) return fail('Ensure this value is greater than or equal to 0.', 'min_value');
  return { value, text: value.toFixed(5) };
}

function statusField(data: Record<string, unknown>, errors: FieldErrors): number | null {
  if (!('status' in data) || data.status === null || data.status === '') return null;
  const raw = data.status;
  const code = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(code in STOCK_STATUS_TEXT)) {
    errors.status = [new ErrorDetail(`"${String(raw)}" is not a valid choice.`, 'invalid_choice')];
    return null;
  }
  return code;
}

function validateLine(store: Store, raw: unknown): { errors: FieldErrors; line?: AdjustLine } {
  const errors: FieldErrors = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const datatype = Array.isArray(raw) ? 'list' : pyTypeName(raw);
    errors.non_field_errors = [new ErrorDetail(`Invalid data. Expected a dictionary, but got ${datatype}.`, 'invalid')];
    return { errors };
  }
  const data = raw as Record<string, unknown>;
  const pk = pkField(data, 'pk', errors, (n) => store.stockItems.has(n), { required: true, allowNull: false });
  if (pk.present && pk.pk !== null) {
    const item = store.stockItems.get(pk.pk) as StockItemRow;
    if (!isInStock(item)) errors.pk = [new ErrorDetail('Stock item is not in stock', 'invalid')];
  }
  const quantity = decimalField(data, errors);
  const batch = charField(data, 'batch', errors, { required: false, maxLength: 100, allowBlank: true });
  const status = statusField(data, errors);
  const packaging = charField(data, 'packaging', errors, { required: false, maxLength: 50, allowBlank: true });
  if (Object.keys(errors).length > 0 || !pk.present || pk.pk === null || !quantity) return { errors };
  const line: AdjustLine = { pk: pk.pk, quantity: quantity.value, quantityText: quantity.text, status };
  if (batch !== undefined) line.batch = batch;
  if (packaging !== undefined) line.packaging = packaging;
  return { errors, line };
}

/** Validates a transfer/count/add/remove body; a 400 response, or the validated request. */
export function validateAdjust(
  sim: Simulation,
  body: unknown,
  kind: AdjustKind,
): { ok: false; response: ApiResponse } | { ok: true; request: AdjustRequest } {
  const store = sim.store;
  const dict = bodyAsDict(body);
  if (!dict.ok) return { ok: false, response: jsonResponse(400, fieldErrorBody(dict.errors)) };
  const data = dict.data;
  const out: Record<string, unknown> = {};
  const lines: AdjustLine[] = [];
  if (!('items' in data)) out.items = ['This field is required.'];
  else if (data.items === null) out.items = ['This field may not be null.'];
  else if (!Array.isArray(data.items)) {
    out.items = { non_field_errors: [`Expected a list of items but got type "${pyTypeName(data.items)}".`] };
  } else {
    const results = data.items.map((raw) => validateLine(store, raw));
    if (results.some((r) => Object.keys(r.errors).length > 0)) out.items = results.map((r) => fieldErrorBody(r.errors));
    else lines.push(...results.map((r) => r.line as AdjustLine));
  }
  const noteErrors: FieldErrors = {};
  const notes = charField(data, 'notes', noteErrors, { required: false, allowBlank: true });
  if (noteErrors.notes) out.notes = fieldErrorBody(noteErrors).notes;
  let location: number | undefined;
  if (kind === 'transfer') {
    const locErrors: FieldErrors = {};
    const loc = pkField(data, 'location', locErrors, (n) => store.stockLocations.has(n), {
      required: true,
      allowNull: false,
    });
    if (locErrors.location) out.location = fieldErrorBody(locErrors).location;
    else if (loc.present && loc.pk !== null) location = loc.pk;
  }
  if (Object.keys(out).length > 0) return { ok: false, response: jsonResponse(400, out) };
  if (lines.length === 0)
    return { ok: false, response: jsonResponse(400, { non_field_errors: ['A list of stock items must be provided'] }) };
  return { ok: true, request: { lines, notes, location } };
}

/** The 201 echo: the validated data, `pk` null for an item the operation deleted. */
export function adjustEcho(
  store: Store,
  request: AdjustRequest,
  kind: AdjustKind,
  sentNotes: boolean,
): Record<string, unknown> {
  const items = request.lines.map((line) => {
    const item: Record<string, unknown> = {
      pk: store.stockItems.has(line.pk) ? line.pk : null,
      quantity: line.quantityText,
    };
    if (line.batch !== undefined) item.batch = line.batch;
    item.status = line.status;
    if (line.packaging !== undefined) item.packaging = line.packaging;
    return item;
  });
  const echo: Record<string, unknown> = { items };
  if (sentNotes) echo.notes = request.notes;
  if (kind === 'transfer') echo.location = request.location;
  return echo;
}
