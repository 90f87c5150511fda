// Input parsing and permission checks shared by the order write endpoints (DRF field rules).
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { ErrorDetail } from '../pyRepr';
import type { Simulation } from '../simulation';
import { bodyAsDict, charField, fieldErrorBody, hasErrors, type FieldErrors } from '../validation';

export type Json = Record<string, unknown>;

export const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };
export const NOT_FOUND = { detail: 'Not found.' };

/** RolePermission: the user's Django permission on the view's model (superusers always pass). */
export function allowed(sim: Simulation, req: ApiRequest, model: string, action: string): boolean {
  const user = req.user;
  if (!user) return false;
  if (user.is_superuser) return true;
  const body = sim.store.userAuth.get(user.pk)?.rolesBody as { permissions?: Record<string, string[]> } | undefined;
  return body?.permissions?.[model]?.includes(action) ?? false;
}

/** Parses the dict body; returns the 400 for a non-dict body. */
export function withBody(req: ApiRequest, build: (data: Json, errors: FieldErrors) => ApiResponse): ApiResponse {
  const dict = bodyAsDict(req.body);
  if (!dict.ok) return jsonResponse(400, fieldErrorBody(dict.errors));
  const errors: FieldErrors = {};
  const response = build(dict.data, errors);
  return hasErrors(errors) ? jsonResponse(400, fieldErrorBody(errors)) : response;
}

export function optionalText(
  data: Json,
  key: string,
  errors: FieldErrors,
  fallback: string,
  maxLength?: number,
): string {
  if (!(key in data)) return fallback;
  return charField(data, key, errors, { required: false, allowBlank: true, maxLength }) ?? fallback;
}

/** DRF DecimalField input: a number or numeric string; returns undefined after recording an error. */
export function decimalInput(data: Json, key: string, errors: FieldErrors, required: boolean): number | undefined {
  if (!(key in data)) {
    if (required) errors[key] = [new ErrorDetail('This field is required.', 'required')];
    return undefined;
  }
  const raw = data[key];
  if (raw === null) {
    errors[key] = [new ErrorDetail('This field may not be null.', 'null')];
    return undefined;
  }
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    errors[key] = [new ErrorDetail('A valid number is required.', 'invalid')];
    return undefined;
  }
  return Number(text);
}

const TRUE_VALUES = new Set<unknown>([
  't',
  'T',
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  '1',
  1,
  true,
]);
const FALSE_VALUES = new Set<unknown>([
  'f',
  'F',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '0',
  0,
  false,
]);

/** DRF BooleanField (not nullable) with a default. */
export function booleanInput(data: Json, key: string, errors: FieldErrors, fallback: boolean): boolean {
  if (!(key in data)) return fallback;
  const raw = data[key];
  if (raw === null) errors[key] = [new ErrorDetail('This field may not be null.', 'null')];
  else if (TRUE_VALUES.has(raw)) return true;
  else if (FALSE_VALUES.has(raw)) return false;
  else errors[key] = [new ErrorDetail('Must be a valid boolean.', 'invalid')];
  return fallback;
}

/** `YYYY-MM-DD` date input (DateField); null allowed. */
export function dateInput(data: Json, key: string, errors: FieldErrors): string | null {
  if (!(key in data) || data[key] === null || data[key] === '') return null;
  const raw = data[key];
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    errors[key] = [new ErrorDetail('Date has wrong format. Use one of these formats instead: YYYY-MM-DD.', 'invalid')];
    return null;
  }
  return raw;
}
