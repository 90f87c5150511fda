// Shared parts of the create endpoints: permission check, body validation, inputs. The brief
// shapes are the serializers' own (orders/orderSerializers).
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { hasModelPermission } from '../auth';
import { ErrorDetail } from '../pyRepr';
import type { Simulation } from '../simulation';
import type { Row } from '../store';
export { BLANK_THUMBNAIL, companyBrief, partBrief } from '../orders/orderSerializers';
import { bodyAsDict, charField, fieldErrorBody, hasErrors, type FieldErrors } from '../validation';

export const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };

export function canAdd(sim: Simulation, req: ApiRequest, model: string): boolean {
  return req.user !== null && hasModelPermission(sim.store, req.user, model, 'add');
}

export function omit(row: Row, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
}

/** Optional boolean input (DRF BooleanField); undefined when absent, null on a bad value. */
export function boolInput(data: Record<string, unknown>, key: string, errors: FieldErrors): boolean | undefined {
  if (!(key in data)) return undefined;
  const value = data[key];
  const truthy = [true, 1, 'true', 'True', 'TRUE', '1', 'yes', 'y', 'on', 't'];
  const falsy = [false, 0, 'false', 'False', 'FALSE', '0', 'no', 'n', 'off', 'f'];
  if (truthy.includes(value as never)) return true;
  if (falsy.includes(value as never)) return false;
  errors[key] = [new ErrorDetail('Must be a valid boolean.', 'invalid')];
  return undefined;
}

export function optionalText(
  data: Record<string, unknown>,
  key: string,
  errors: FieldErrors,
  fallback: string | null,
): string | null {
  if (!(key in data)) return fallback;
  return charField(data, key, errors, { required: false, allowBlank: true }) ?? fallback;
}

export function validate(
  req: ApiRequest,
  build: (data: Record<string, unknown>, errors: FieldErrors) => ApiResponse,
): ApiResponse {
  const dict = bodyAsDict(req.body);
  if (!dict.ok) return jsonResponse(400, fieldErrorBody(dict.errors));
  const errors: FieldErrors = {};
  const response = build(dict.data, errors);
  return hasErrors(errors) ? jsonResponse(400, fieldErrorBody(errors)) : response;
}
