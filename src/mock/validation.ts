// DRF 3.14 serializer field validation as InvenTree v291's barcode serializers use it
// (BEHAVIOUR.md 1.2 #1, 1.3). Errors are collected per field, in declaration order, as
// ErrorDetail objects, so they serve both the 400 body (messages) and history (reprs).
import { pyStrip } from './barcodeHash';
import { ErrorDetail, pyRepr } from './pyRepr';
import { SimulatedServerError } from './serverError';

export type FieldErrors = Record<string, ErrorDetail[]>;

export const BARCODE_MAX_LENGTH = 4095;

/** The request body as the serializer sees it: a dict, or a top-level error. */
export function bodyAsDict(
  body: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  if (body === undefined) return { ok: true, data: {} };
  if (body === null) return { ok: false, errors: { non_field_errors: [new ErrorDetail('No data provided', 'null')] } };
  if (typeof body !== 'object' || Array.isArray(body)) {
    const datatype = Array.isArray(body) ? 'list' : pyTypeName(body);
    return {
      ok: false,
      errors: {
        non_field_errors: [new ErrorDetail(`Invalid data. Expected a dictionary, but got ${datatype}.`, 'invalid')],
      },
    };
  }
  return { ok: true, data: body as Record<string, unknown> };
}

export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/** Python str() of a JSON scalar accepted by CharField (ints and floats become text). */
function charFieldText(value: string | number): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

export interface CharFieldOptions {
  required: boolean;
  maxLength?: number;
  allowBlank?: boolean;
}

/** CharField (trim_whitespace, Python's whitespace set). Returns the trimmed value, or undefined. */
export function charField(
  data: Record<string, unknown>,
  key: string,
  errors: FieldErrors,
  options: CharFieldOptions,
): string | undefined {
  if (!(key in data)) {
    if (options.required) errors[key] = [new ErrorDetail('This field is required.', 'required')];
    return undefined;
  }
  const raw = data[key];
  if (raw === null) {
    errors[key] = [new ErrorDetail('This field may not be null.', 'null')];
    return undefined;
  }
  if (typeof raw === 'boolean' || (typeof raw !== 'string' && typeof raw !== 'number')) {
    errors[key] = [new ErrorDetail('Not a valid string.', 'invalid')];
    return undefined;
  }
  const text = charFieldText(raw);
  if (text === '' || pyStrip(text) === '') {
    if (!options.allowBlank) {
      errors[key] = [new ErrorDetail('This field may not be blank.', 'blank')];
      return undefined;
    }
    return '';
  }
  const value = pyStrip(text);
  const found: ErrorDetail[] = [];
  if (options.maxLength !== undefined && Array.from(value).length > options.maxLength) {
    found.push(new ErrorDetail(`Ensure this field has no more than ${options.maxLength} characters.`, 'max_length'));
  }
  if (value.includes('\u0000'))
    found.push(new ErrorDetail('Null characters are not allowed.', 'null_characters_not_allowed'));
  const surrogate = /[\ud800-\udfff]/.exec(value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
  if (surrogate) {
    const code = surrogate[0].charCodeAt(0).toString(16).toUpperCase();
    found.push(new ErrorDetail(`Surrogate characters are not allowed: U+${code}.`, 'surrogate_characters_not_allowed'));
  }
  if (found.length > 0) {
    errors[key] = found;
    return undefined;
  }
  return value;
}

/** The `barcode` field of scan, link, po-* and so-allocate (BEHAVIOUR.md 1.3). */
export function barcodeField(data: Record<string, unknown>, errors: FieldErrors): string | undefined {
  return charField(data, 'barcode', errors, { required: true, maxLength: BARCODE_MAX_LENGTH });
}

/** Django's int() of a pk lookup value; null where it raises (the "Incorrect type" error). */
function pkLookupValue(value: unknown): number | null {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    // int(inf) raises OverflowError, which DRF does not catch (500).
    if (!Number.isFinite(value))
      throw new SimulatedServerError('OverflowError', 'cannot convert float infinity to integer');
    return Math.trunc(value);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (!/^[+-]?\d+(_\d+)*$/.test(text)) return null;
    return Number.parseInt(text.replace(/_/g, ''), 10);
  }
  return null;
}

/** str() of the submitted pk for the "does not exist" message. */
function pkText(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

// SQLite stores 64-bit integers; a larger lookup value raises OverflowError in v291.
const SQLITE_MAX = 2 ** 63;

export interface PkFieldOptions {
  required: boolean;
  allowNull: boolean;
}

export type PkFieldResult = { present: false } | { present: true; pk: number | null };

/**
 * PrimaryKeyRelatedField. `exists` tells whether a pk is in the queryset. Returns whether the key
 * was present and its validated pk (null when null was sent and allowed).
 */
export function pkField(
  data: Record<string, unknown>,
  key: string,
  errors: FieldErrors,
  exists: (pk: number) => boolean,
  options: PkFieldOptions,
): PkFieldResult {
  if (!(key in data)) {
    if (options.required) errors[key] = [new ErrorDetail('This field is required.', 'required')];
    return { present: false };
  }
  let raw = data[key];
  // Relational fields turn "" into None.
  if (raw === '') raw = null;
  if (raw === null) {
    if (!options.allowNull) {
      errors[key] = [new ErrorDetail('This field may not be null.', 'null')];
      return { present: false };
    }
    return { present: true, pk: null };
  }
  const pk = typeof raw === 'boolean' ? null : pkLookupValue(raw);
  if (pk === null) {
    errors[key] = [
      new ErrorDetail(`Incorrect type. Expected pk value, received ${pyTypeName(raw)}.`, 'incorrect_type'),
    ];
    return { present: false };
  }
  if (Math.abs(pk) >= SQLITE_MAX)
    throw new SimulatedServerError('OverflowError', 'Python int too large to convert to SQLite INTEGER');
  if (!exists(pk)) {
    errors[key] = [new ErrorDetail(`Invalid pk "${pkText(raw)}" - object does not exist.`, 'does_not_exist')];
    return { present: false };
  }
  return { present: true, pk };
}

/** IntegerField (no null). Returns the int, or undefined when absent or invalid. */
export function integerField(
  data: Record<string, unknown>,
  key: string,
  errors: FieldErrors,
  required: boolean,
): number | undefined {
  if (!(key in data)) {
    if (required) errors[key] = [new ErrorDetail('This field is required.', 'required')];
    return undefined;
  }
  const raw = data[key];
  if (raw === null) {
    errors[key] = [new ErrorDetail('This field may not be null.', 'null')];
    return undefined;
  }
  if (typeof raw === 'string' && raw.length > 1000) {
    errors[key] = [new ErrorDetail('String value too large.', 'max_string_length')];
    return undefined;
  }
  // DRF: int(re.sub(r'\.0*\s*$', '', str(data))).
  const text = (typeof raw === 'string' ? raw : typeof raw === 'number' ? pyRepr(raw) : pyRepr(raw)).replace(
    /\.0*\s*$/,
    '',
  );
  if (typeof raw === 'object' || !/^\s*[+-]?\d+(_\d+)*\s*$/.test(text)) {
    errors[key] = [new ErrorDetail('A valid integer is required.', 'invalid')];
    return undefined;
  }
  return Number.parseInt(text.trim().replace(/_/g, ''), 10);
}

/** The 400 body of field errors: `{field: ["message", ...]}`. */
export function fieldErrorBody(errors: FieldErrors): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([key, list]) => [key, list.map((e) => e.string)]));
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
